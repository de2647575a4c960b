import type { Queryable } from "./db.js";
import { numbersOf } from "./number-lists.js";
import type { PostingSource } from "./posting-source.js";
import type { Ranked, RankRequest } from "./top-k.js";

// Which of the ranking's candidates enter the top k: checked against the filters, the
// viewer's scope and a phrase's word order only while they could (top-k.ts ranks them).

/** A section met while reading: its score, and whether the postings say it matches. */
export interface Candidate extends Ranked {
  state: boolean | null;
  /**
   * While `state` is null: which of the query's terms it has, `words[at + k]` for the k-th
   * of `Terms.all` (one array shared by the candidates judged together).
   */
  words?: Uint8Array;
  at?: number;
}

/** What checking a query's candidates needs. */
export interface CheckContext {
  db: Queryable;
  src: PostingSource;
  r: RankRequest;
  /** Settles what it can of the candidates whose state is null (a phrase, by positions). */
  decide?: (cands: Candidate[]) => Promise<void>;
}

/** Best first: by score, ties to the newer section (the higher id). */
export const byRank = (a: Ranked, b: Ranked) => b.score - a.score || b.id - a.id;

/** The best `limit` of these scores, best first. */
export function best(scores: ReadonlyMap<number, number>, limit: number): Ranked[] {
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort(byRank)
    .slice(0, limit);
}

// `admit` over candidates in any order: only the best few are sorted (a comparator sort of
// thousands of candidates cost more than ranking them), the rest when those run out.
// Returns the ones not checked, in any order.
export async function admitBest(
  ctx: CheckContext,
  cands: Candidate[],
  passed: Map<number, number>,
  seen?: Checks,
): Promise<Candidate[]> {
  const [head, tail] = split(cands, 4 * ctx.r.limit + 64);
  const left = await admit(ctx, head.sort(byRank), passed, seen);
  if (left.length || !tail.length) return left.concat(tail);
  return admit(ctx, tail.sort(byRank), passed, seen);
}

// The candidates scoring at least the `want`-th best score (ties included), and the others:
// every one of the second ranks below every one of the first.
function split(cands: Candidate[], want: number): [Candidate[], Candidate[]] {
  if (cands.length <= want) return [cands, []];
  const scores = new Float64Array(cands.length);
  for (let i = 0; i < cands.length; i++) scores[i] = cands[i]!.score;
  scores.sort();
  const cut = scores[scores.length - want]!;
  const head: Candidate[] = [],
    tail: Candidate[] = [];
  for (const c of cands) (c.score >= cut ? head : tail).push(c);
  return [head, tail];
}

// Checks candidates (sorted best first) while they could enter the top k, in chunks; those
// that pass go into `passed`. Returns the ones not checked.
async function admit(
  ctx: CheckContext,
  sorted: Candidate[],
  passed: Map<number, number>,
  seen: Checks = { checked: 0, ok: 0 },
): Promise<Candidate[]> {
  const { r } = ctx;
  let at = 0;
  while (at < sorted.length) {
    const top = best(passed, r.limit);
    const kth = top.length >= r.limit ? top[r.limit - 1]! : null;
    if (kth && byRank(sorted[at]!, kth) > 0) break;
    // Until the top k is full, as many as should fill it at the pass rate seen so far, half
    // again for luck (a phrase whose words often meet apart passes one in several); then
    // every candidate still above the k-th at once (each could enter it), not a few per
    // statement.
    const rate = (seen.ok + 1) / (seen.checked + 1);
    const size = Math.min(
      Math.max(
        32,
        kth ? aboveFrom(sorted, at, kth) : Math.ceil((1.5 * (r.limit - top.length)) / rate),
      ),
      4096,
    );
    const chunk = sorted.slice(at, at + size);
    at += chunk.length;
    const ok = await valid(ctx, chunk);
    seen.checked += chunk.length;
    for (const x of chunk)
      if (ok.has(x.id)) {
        passed.set(x.id, x.score);
        seen.ok++;
      }
  }
  return sorted.slice(at);
}

// How many of the sorted candidates from `at` rank above `kth`.
function aboveFrom(sorted: readonly Ranked[], at: number, kth: Ranked): number {
  let lo = at,
    hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byRank(sorted[mid]!, kth) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo - at;
}

/** What the checks of one query have seen: how many candidates, how many passed. */
export interface Checks {
  checked: number;
  ok: number;
}

// Which candidates match and pass the filters and the viewer's scope: the text is read only
// for those whose postings cannot tell (a phrase whose positions are not at hand), the
// meeting only when there are filters.
async function valid(ctx: CheckContext, all: Candidate[]): Promise<Set<number>> {
  const { db, src, r } = ctx;
  if (ctx.decide && all.some((c) => c.state === null)) await ctx.decide(all);
  const chunk = all.filter((c) => c.state !== false);
  const unsure = chunk.filter((c) => c.state === null).map((c) => c.id);
  if (!unsure.length && !r.where) return new Set(chunk.map((c) => c.id));
  const ids = chunk.map((c) => c.id);
  // A reader's scope as a serving process keeps it: the store reads only phrases' text.
  const hidden = r.scopeOnly && !r.scopeOnly.all && src.hidden ? await src.hidden() : null;
  if (hidden) {
    const shown = chunk.filter((c) => !hidden.has(c.id));
    const sure = shown.filter((c) => c.state !== null).map((c) => c.id);
    const doubt = shown.filter((c) => c.state === null).map((c) => c.id);
    return new Set(doubt.length ? [...sure, ...(await checked(db, r, doubt, doubt, true))] : sure);
  }
  if (r.scopeOnly) return new Set(await checked(db, r, ids, unsure, r.scopeOnly.all));
  const n = r.params.length + 1;
  const { rows } = await db.query<{ id: number }>(
    `SELECT s.id FROM sections s JOIN meetings m ON m.id = s.meeting_id
     WHERE s.id = ANY($${n + 1}::int[]) AND (s.id <> ALL($${n + 2}::int[]) OR s.tsv @@ $1::tsquery) ${r.where}`,
    [r.query, ...r.params, ids, unsure],
  );
  return new Set(rows.map((x) => x.id));
}

// The stored function's check (migration 013): `unsure` are matched against the query's
// text, and unless `all`, meetings a reader may not see are left out.
async function checked(
  db: Queryable,
  r: RankRequest,
  ids: number[],
  unsure: number[],
  all: boolean,
): Promise<number[]> {
  const { rows } = await db.query<{ ids: string | null }>(
    `SELECT array_agg(x)::text AS ids FROM checked_sections($1::int[], $2::int[], $3::tsquery, $4) x`,
    [ids, unsure, r.query, all],
  );
  return numbersOf(rows[0]?.ids);
}
