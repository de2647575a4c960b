import type { Queryable } from "./db.js";
import {
  cover,
  matches,
  parseTsquery,
  scoringWordsOf,
  wordsOf,
  type TsNode,
} from "./tsquery-ast.js";
import { checkContext } from "./phrase-check.js";
import { termsOf, type KeptTerms, type Terms, type Word } from "./query-terms.js";
import { numbersOf } from "./number-lists.js";
import {
  append,
  noPostings,
  startOf,
  storePostings,
  type Postings,
  type PostingSource,
} from "./posting-source.js";
import type { PostingCache } from "./posting-cache.js";
import { SectionSet, sectionOrder } from "./section-order.js";
import { admitBest, best, byRank, type Candidate, type Checks } from "./candidate-checks.js";

/** A ranked section: its id and its BM25 score. */
export interface Ranked {
  id: number;
  score: number;
}

/**
 * What to rank: the query (a tsquery's text, `$1` in the filters), the filters over
 * sections `s` and meetings `m` ("AND …", their parameters from `$2`), and how many.
 */
export interface RankRequest {
  query: string;
  where: string;
  params: unknown[];
  limit: number;
  /** Words that name one thing two ways (an acronym's, its expansion's): the better counts. */
  alternatives?: readonly (readonly [readonly string[], readonly string[]])[];
  /**
   * Set when the filters are only the viewer's scope (`all`: an editor's, every meeting):
   * the check then runs as a stored function (migration 013). `where` must say the same.
   */
  scopeOnly?: { all: boolean };
  /** How the reading is paced (tests force many rounds with small values); defaults below. */
  pace?: { few?: number; firstBatch?: number; rounds?: number };
}

// How many of each word's postings the first round reads; each further round reads twice as many.
const FIRST_BATCH = 64;
const MAX_BATCH = 16_384;
// When the query's matches all lie in word lists this short in all, they are read whole.
const FEW_POSTINGS = 8000;
// How many rounds of the threshold algorithm before such lists are read whole instead.
const ROUNDS = 2;
// A query with an exclusion matching at most this many sections is ranked whole.
const FEW_MATCHES = 1000;

/**
 * The exact top `limit` sections for a query, by BM25 (the sum over the query's words of
 * idf × the stored term-frequency part; a prefix counts its best completion, an acronym and
 * its expansion the better side), ties to the newer section id. Whether a section matches is
 * read from its postings (which words it has, and a phrase's words' positions: see
 * phrase-check.ts), the section's text being read only for a phrase with a prefix or a nested
 * operator. When every match lies in short word lists (the rarest word of an AND, all words of
 * an OR), those lists are read whole. Otherwise the threshold algorithm reads the
 * impact-ordered postings (migration 010): each round reads the next postings of every word
 * in impact order, scores the sections it meets, checks only those that could enter the
 * top k against the query, the filters and the viewer's scope, and stops once the k-th score
 * beats what any unseen section could still reach. The result equals `rankAll`'s, whether
 * the postings are read from the store or from a serving process's kept lists (`cache`).
 */
export async function topK(db: Queryable, r: RankRequest, cache?: PostingCache): Promise<Ranked[]> {
  return (await rankAt(db, r, cache)).ranked;
}

/**
 * `topK`, with the store's version its words' terms were read at (null when the query has
 * no words to look up): what a caller planned from kept data checks that data against.
 */
export async function rankAt(
  db: Queryable,
  r: RankRequest,
  cache?: PostingCache,
  keptTerms = false,
): Promise<{ ranked: Ranked[]; version: string | null; kept: boolean }> {
  const read: Read = { kept: keptTerms ? cache : undefined };
  const ranked = await rank(db, r, read, cache);
  return { ranked, version: read.version ?? null, kept: !!read.wasKept };
}

/** What ranking read: the terms' version, and whether they were kept rows (`keptTerms`). */
interface Read {
  kept?: KeptTerms | undefined;
  version?: string;
  wasKept?: boolean;
}

async function rank(
  db: Queryable,
  r: RankRequest,
  read: Read,
  cache?: PostingCache,
): Promise<Ranked[]> {
  const prepared = await prepare(db, r, read);
  if (prepared === NOTHING) return [];
  if (!prepared) return newest(db, r);
  const { tree, t } = prepared;
  const src = (cache && (await cache.source(db, t.version, t.all))) || storePostings(db);
  const cost = (ws: readonly Word[]) => ws.reduce((a, w) => a + t.cost(w), 0);
  const whole = cover(tree, cost);
  // Most queries end in the threshold algorithm's first rounds; one that would read on, and
  // whose matches all lie in short lists, reads those lists whole instead.
  const affordable = whole && cost(whole) <= (r.pace?.few ?? FEW_POSTINGS) ? whole : null;
  const exclusion = hasExclusion(tree);
  // At once when the threshold algorithm would rarely end early: an OR's bound sums every
  // list's last impact (an unseen section may have all its words), and an exclusion's
  // bound cannot tell the sections it removes. The postings say which sections have the
  // excluded words without reading their text.
  if (affordable && (affordable.length > 1 || exclusion) && r.pace?.rounds === undefined)
    return wholeLists(db, src, r, t, tree, affordable);
  // An exclusion can leave few of many sections that have the other words: the text
  // index tells which (it weighs every word's list at once), when there are few.
  if (exclusion) {
    const ids = await matchesUpTo(db, r, r.pace?.few ?? FEW_MATCHES);
    if (ids) {
      const rows = await src.of(
        t.all.map((x) => x.id),
        ids,
      );
      return best(new Map(judge(t, tree, rows).map((c) => [c.id, c.score])), r.limit);
    }
  }
  const rounds = affordable ? (r.pace?.rounds ?? ROUNDS) : Infinity;
  const found = await threshold(db, src, r, t, tree, rounds);
  return found ?? wholeLists(db, src, r, t, tree, affordable!);
}

// Every match has one of these words: their lists are read whole, the other words' postings
// for those sections (whole lists too when not much longer), and the best that pass are kept.
async function wholeLists(
  db: Queryable,
  src: PostingSource,
  r: RankRequest,
  t: Terms,
  tree: TsNode,
  whole: readonly Word[],
): Promise<Ranked[]> {
  const lists = [...new Set(whole.flatMap((w) => t.idsOf(w)))];
  const rows = await src.of(lists, null);
  const wanted = new SectionSet(rows.s);
  const others = t.all.filter((x) => !lists.includes(x.id));
  const cheap = others.filter((x) => x.df <= 3 * wanted.size).map((x) => x.id);
  append(rows, await src.of(cheap, null), (sid) => wanted.has(sid));
  const dear = others.filter((x) => x.df > 3 * wanted.size).map((x) => x.id);
  append(rows, await src.of(dear, Array.from(wanted.ids)));
  const passed = new Map<number, number>();
  await admitBest(checkContext(db, src, r, t, tree), judge(t, tree, rows), passed);
  return best(passed, r.limit);
}

const hasExclusion = (n: TsNode): boolean =>
  n.op === "not" || (n.op !== "word" && n.args.some(hasExclusion));

// The ids of the sections matching the query and the filters, when there are at most `max`.
async function matchesUpTo(db: Queryable, r: RankRequest, max: number): Promise<number[] | null> {
  const { rows } = await db.query<{ ids: string | null }>(
    `SELECT array_agg(id)::text AS ids FROM (SELECT s.id FROM sections s JOIN meetings m ON m.id = s.meeting_id
     WHERE s.tsv @@ $1::tsquery ${r.where} LIMIT ${max + 1}) x`,
    [r.query, ...r.params],
  );
  const ids = numbersOf(rows[0]?.ids);
  return ids.length <= max ? ids : null;
}

const NOTHING = Symbol("nothing matches");

/**
 * The query's tree and terms; null when no word of it scores (a query of exclusions only),
 * NOTHING when every match would need a word no section has (asking the text index to
 * prove that reads every section: a second at 100,000 reports).
 */
async function prepare(
  db: Queryable,
  r: RankRequest,
  read: Read = {},
): Promise<{ tree: TsNode; t: Terms } | typeof NOTHING | null> {
  const tree = parseTsquery(r.query);
  if (!tree) return null;
  const t = await termsOf(db, wordsOf(tree), scoringWordsOf(tree), r.alternatives ?? [], read.kept);
  read.version = t.version;
  read.wasKept = t.kept;
  if (t.scoring.length) return { tree, t };
  // (document frequencies lag behind new words: whether a word has terms at all decides)
  const terms = (ws: readonly Word[]) => ws.reduce((a, w) => a + t.idsOf(w).length, 0);
  const needed = cover(tree, terms);
  return needed && terms(needed) === 0 ? NOTHING : null;
}

// The threshold algorithm; null when it has not finished in `rounds` rounds.
async function threshold(
  db: Queryable,
  src: PostingSource,
  r: RankRequest,
  t: Terms,
  tree: TsNode,
  rounds: number,
): Promise<Ranked[] | null> {
  const lists = t.scoring.map((x) => ({ ...x, ...startOf(x.id), done: false }));
  const passed = new Map<number, number>();
  const seenChecks: Checks = { checked: 0, ok: 0 };
  const ctx = checkContext(db, src, r, t, tree);
  let pending: Candidate[] = [];
  const seen = new Set<number>();
  // the first round reads about the same in all, whatever the number of lists (a prefix's 32)
  let batch =
    r.pace?.firstBatch ??
    Math.max(r.limit, Math.ceil(Math.max(FIRST_BATCH * 2, r.limit * 8) / lists.length));
  for (let round = 1; ; round++) {
    const open = lists.filter((l) => !l.done);
    const got = await src.next(open, batch);
    // this round's postings, flat (section, list, tf part), then walked in section order
    const total = got.reduce((a, g) => a + g.s.length, 0);
    const S = new Int32Array(total),
      L = new Int32Array(total),
      F = new Float64Array(total);
    let m = 0;
    open.forEach((l, k) => {
      const { s, f } = got[k]!;
      if (s.length < batch) l.done = true;
      if (s.length) {
        l.lastTf = f[f.length - 1]!;
        l.lastSid = s[s.length - 1]!;
      }
      for (let j = 0; j < s.length; j++, m++) {
        S[m] = s[j]!;
        L[m] = k;
        F[m] = f[j]!;
      }
    });
    // What this round read of a new section is known (its postings, which words, their
    // values, one flat row each); only its other words are looked up.
    const n = t.all.length;
    const order = sectionOrder(S);
    const fresh: number[] = [];
    const known = new Float64Array(order.length * n);
    const read = new Uint8Array(order.length * n);
    const rows = noPostings();
    for (let j = 0, last = -1, row = -1; j < order.length; j++) {
      const i = order[j]!;
      const sid = S[i]!;
      if (sid !== last) {
        last = sid;
        row = seen.has(sid) ? -1 : fresh.push(sid) - 1;
        seen.add(sid);
      }
      if (row < 0) continue;
      const l = open[L[i]!]!;
      known[row * n + l.k] = l.idf * F[i]!;
      read[row * n + l.k] = 1;
      rows.s.push(sid);
      rows.t.push(l.id);
      rows.f.push(F[i]!);
    }
    if (fresh.length) {
      // A section whose best possible score (its unread words at their lists' last impact)
      // cannot beat the k-th is never looked up: that bound only falls as reading goes on.
      const top = best(passed, r.limit);
      const kth = top.length >= r.limit ? top[r.limit - 1]! : null;
      const pairs: [number, number][] = [];
      const keep: number[] = [];
      const v = new Float64Array(n);
      for (let row = 0; row < fresh.length; row++) {
        const sid = fresh[row]!;
        const at = row * n;
        if (kth) {
          v.set(known.subarray(at, at + n));
          for (const l of lists) if (!read[at + l.k] && !l.done) v[l.k] = l.idf * l.lastTf;
          if (byRank({ id: sid, score: t.score(v) }, kth) > 0) continue;
        }
        keep.push(sid);
        for (const term of t.all) if (!read[at + term.k]) pairs.push([sid, term.id]);
      }
      append(rows, await src.pairs(pairs));
      const kept = noPostings();
      const wanted = new SectionSet(keep);
      append(kept, rows, (sid) => wanted.has(sid));
      pending = pending.concat(judge(t, tree, kept));
    }
    pending = await admitBest(ctx, pending, passed, seenChecks);
    const top = best(passed, r.limit);
    if (lists.every((l) => l.done)) return top;
    const values = t.all.map(() => 0);
    for (const l of lists) if (!l.done) values[l.k] = l.idf * l.lastTf;
    const bound = t.score(values);
    const kth = top.length >= r.limit ? top[r.limit - 1]! : null;
    if (kth && (kth.score > bound || (t.ties && kth.score === bound && tieLost(kth, lists))))
      return top;
    if (round >= rounds) return null;
    batch = Math.min(batch * 2, MAX_BATCH);
  }
}

interface Posting {
  section_id: number;
  term_id: number;
  tf: number;
}

// The sections these postings are of, scored, with what their words say of matching; those
// that cannot match are left out.
function judge(t: Terms, tree: TsNode, rows: Postings): Candidate[] {
  const n = t.all.length;
  const termIds = t.all.map((x) => x.id);
  // the postings in section order, by one native sort of numbers (hash maps cost more
  // than the rest of the ranking on thousands of postings)
  const order = sectionOrder(rows.s);
  // one flat row per section (no set or array each: thousands of sections per query)
  const values = new Float64Array(order.length * n);
  const present = new Uint8Array(order.length * n);
  const ids: number[] = [];
  for (let j = 0, row = -1; j < order.length; j++) {
    const i = order[j]!;
    const sid = rows.s[i]!;
    if (row < 0 || ids[row] !== sid) ids[++row] = sid;
    const k = termIds.indexOf(rows.t[i]!);
    const at = row * n + k;
    values[at] = t.all[k]!.idf * rows.f[i]!;
    present[at] = 1;
  }
  const out: Candidate[] = [];
  let base = 0;
  const has = (k: number) => present[base + k] === 1;
  for (let j = 0; j < ids.length; j++, base += n) {
    const state = matches(tree, (w) => t.has(w, has));
    if (state === null)
      out.push({
        id: ids[j]!,
        score: t.score(values, base),
        state,
        words: present,
        at: base,
      });
    else if (state) out.push({ id: ids[j]!, score: t.score(values, base), state });
  }
  return out;
}

/**
 * The same ranking, by scoring every section that matches (read through the text index, not
 * the postings): the reference `topK` must equal. A section ranks when it has a scoring word.
 */
export async function rankAll(db: Queryable, r: RankRequest): Promise<Ranked[]> {
  const prepared = await prepare(db, r);
  // the reference asks the text index even when the terms say nothing can match
  if (!prepared || prepared === NOTHING) return newest(db, r);
  const { t } = prepared;
  const n = r.params.length + 1;
  const { rows } = await db.query<Posting>(
    `WITH c AS (SELECT s.id FROM sections s JOIN meetings m ON m.id = s.meeting_id
                WHERE s.tsv @@ $1::tsquery ${r.where})
     SELECT c.id AS section_id, p.term_id, p.tf FROM c
     JOIN postings p ON p.section_id = c.id AND p.term_id = ANY($${n + 1}::int[])`,
    [r.query, ...r.params, t.all.map((x) => x.id)],
  );
  const scores = new Map<number, number>();
  const values = new Map<number, number[]>();
  const at = new Map(t.all.map((x) => [x.id, x]));
  for (const row of rows) {
    const v =
      values.get(row.section_id) ??
      values
        .set(
          row.section_id,
          t.all.map(() => 0),
        )
        .get(row.section_id)!;
    const term = at.get(row.term_id)!;
    v[term.k] = term.idf * row.tf;
  }
  for (const [id, v] of values) scores.set(id, t.score(v));
  return best(scores, r.limit);
}

// An unseen section scoring exactly the bound has each word's last-read impact, so it comes
// after the last-read posting of every list: its id is below all of theirs, and it loses the tie.
function tieLost(kth: Ranked, lists: readonly { lastSid: number; done: boolean }[]): boolean {
  return lists.every((l) => !l.done) && kth.id >= Math.min(...lists.map((l) => l.lastSid));
}

// A query of exclusions only ranks nothing: the newest matches first.
async function newest(db: Queryable, r: RankRequest): Promise<Ranked[]> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT s.id FROM sections s JOIN meetings m ON m.id = s.meeting_id
     WHERE s.tsv @@ $1::tsquery ${r.where} ORDER BY s.start_at DESC NULLS LAST, s.id DESC
     LIMIT ${Math.max(1, Math.floor(r.limit))}`,
    [r.query, ...r.params],
  );
  return rows.map((x) => ({ id: x.id, score: 0 }));
}
