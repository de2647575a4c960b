import type { Queryable } from "./db.js";
import { queryLexemes } from "./query-lexemes.js";

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
  /** How the reading is paced (tests force many rounds with small values); defaults below. */
  pace?: { few?: number; firstBatch?: number };
}

interface Term {
  id: number;
  lexeme: string;
  df: number;
  idf: number;
}

/**
 * The score of a section from its value (idf × tf) for each term, in the terms' order: the
 * sum over terms, except that for an acronym and its expansion only the better side counts.
 * Monotone in every value, so the same function over the last-read values bounds every
 * section not seen yet.
 */
type Scorer = (values: readonly number[]) => number;

function scorer(terms: readonly Term[], r: RankRequest): Scorer {
  const at = new Map(terms.map((t, k) => [t.lexeme, k]));
  const sides = (r.alternatives ?? []).map(([a, e]) =>
    [a, e].map((side) => side.map((l) => at.get(l)).filter((k): k is number => k !== undefined)),
  );
  const grouped = new Set(sides.flat(2));
  const free = terms.map((_, k) => k).filter((k) => !grouped.has(k));
  return (v) => {
    let total = 0;
    for (const k of free) total += v[k]!;
    for (const [a, e] of sides) {
      let x = 0,
        y = 0;
      for (const k of a!) x += v[k]!;
      for (const k of e!) y += v[k]!;
      total += Math.max(x, y);
    }
    return total;
  };
}

// How many of each word's postings the first round reads; each further round reads twice as many.
const FIRST_BATCH = 64;
const MAX_BATCH = 16_384;
// A query matching at most this many sections is ranked whole; a list this short is read whole.
const FEW_MATCHES = 4000;
// Prefix terms ("migrat*") are scored over their most frequent completions.
const PREFIX_TERMS = 32;

/**
 * The exact top `limit` sections for a query, by BM25 (the sum over the query's words of
 * idf × the stored term-frequency part), ties to the newer section id. A query that
 * narrows (a phrase, an AND, an exclusion) and matches few sections is ranked whole: its
 * matches come from the full-text index. Otherwise the threshold algorithm reads the
 * impact-ordered postings (migration 010): each round reads the next postings of every
 * word in impact order, scores the sections it meets from the
 * postings, checks only those that could enter the top k against the whole query, the
 * filters and the viewer's scope, and stops once the k-th score beats what any unseen
 * section could still reach. The result equals `rankAll`'s, whatever the age of the best match.
 */
export async function topK(db: Queryable, r: RankRequest): Promise<Ranked[]> {
  const terms = await termsOf(db, r.query);
  if (!terms.length) return newest(db, r);
  const f = scorer(terms, r);
  const FEW = r.pace?.few ?? FEW_MATCHES;
  const narrows = /[&!]|<\d*->/.test(r.query);
  if (narrows) {
    const few = await matchesUpTo(db, r, FEW);
    if (few) return best(toMap(await scoreIds(db, terms, f, few)), r.limit);
  }
  const lists = terms.map((t) => ({ ...t, lastTf: 1e9, lastSid: 2_147_483_647, done: false }));
  const passed = new Map<number, number>();
  let pending: Ranked[] = [];
  const seen = new Set<number>();
  let batch = r.pace?.firstBatch ?? Math.max(FIRST_BATCH, r.limit * 4);
  for (;;) {
    const open = lists.filter((l) => !l.done);
    const limits = open.map(() => batch);
    const read = await db.query<{ i: string; section_id: number; tf: number }>(
      `SELECT t.i, p.section_id, p.tf
       FROM unnest($1::int[], $2::real[], $3::int[], $4::int[]) WITH ORDINALITY AS t(term, tf0, sid0, n, i),
       LATERAL (SELECT section_id, tf FROM postings
                WHERE term_id = t.term AND (tf, section_id) < (t.tf0, t.sid0)
                ORDER BY tf DESC, section_id DESC LIMIT t.n) p`,
      [open.map((l) => l.id), open.map((l) => l.lastTf), open.map((l) => l.lastSid), limits],
    );
    const fresh = new Set<number>();
    const got = open.map(() => [] as { sid: number; tf: number }[]);
    for (const row of read.rows) got[Number(row.i) - 1]!.push({ sid: row.section_id, tf: row.tf });
    open.forEach((l, k) => {
      const rows = got[k]!;
      if (rows.length < limits[k]!) l.done = true;
      const last = rows[rows.length - 1];
      if (last) {
        l.lastTf = last.tf;
        l.lastSid = last.sid;
      }
      for (const x of rows) if (!seen.has(x.sid)) fresh.add(x.sid);
    });
    for (const id of fresh) seen.add(id);
    if (fresh.size) pending = pending.concat(await scoreIds(db, terms, f, [...fresh]));
    // check candidates against the query and filters, best first, while they could enter the top k
    pending.sort(byRank);
    while (pending.length) {
      const top = best(passed, r.limit);
      const kth = top.length >= r.limit ? top[r.limit - 1]! : null;
      if (kth && byRank(pending[0]!, kth) > 0) break;
      const chunk = pending.splice(0, Math.max(r.limit, 32));
      // an OR of words without filters matches every section that has one of them
      const ok =
        narrows || r.where
          ? await valid(
              db,
              r,
              chunk.map((x) => x.id),
            )
          : null;
      for (const x of chunk) if (!ok || ok.includes(x.id)) passed.set(x.id, x.score);
    }
    const top = best(passed, r.limit);
    if (lists.every((l) => l.done)) return top;
    const bound = f(lists.map((l) => (l.done ? 0 : l.idf * l.lastTf)));
    const kth = top.length >= r.limit ? top[r.limit - 1]! : null;
    const ties = !r.alternatives?.length; // with a max, a tie at the bound proves nothing
    if (kth && (kth.score > bound || (ties && kth.score === bound && tieLost(kth, lists))))
      return top;
    batch = Math.min(batch * 2, MAX_BATCH);
  }
}

const byRank = (a: Ranked, b: Ranked) => b.score - a.score || b.id - a.id;
const toMap = (xs: readonly Ranked[]) => new Map(xs.map((x) => [x.id, x.score]));

// The ids of the sections matching the query and the filters, when there are at most `max`.
async function matchesUpTo(db: Queryable, r: RankRequest, max: number): Promise<number[] | null> {
  const { rows } = await db.query<{ id: number }>(
    `SELECT s.id FROM sections s JOIN meetings m ON m.id = s.meeting_id
     WHERE s.tsv @@ $1::tsquery ${r.where} LIMIT ${max + 1}`,
    [r.query, ...r.params],
  );
  return rows.length <= max ? rows.map((x) => x.id) : null;
}

// Which of these sections match the whole query and pass the filters and the scope.
async function valid(db: Queryable, r: RankRequest, ids: number[]): Promise<number[]> {
  const n = r.params.length + 1;
  const { rows } = await db.query<{ id: number }>(
    `SELECT s.id FROM sections s JOIN meetings m ON m.id = s.meeting_id
     WHERE s.id = ANY($${n + 1}::int[]) AND s.tsv @@ $1::tsquery ${r.where}`,
    [r.query, ...r.params, ids],
  );
  return rows.map((x) => x.id);
}

// The scores of these sections from their postings (matching or not: `valid` says).
async function scoreIds(
  db: Queryable,
  terms: readonly Term[],
  f: Scorer,
  ids: number[],
): Promise<Ranked[]> {
  const { rows } = await db.query<{ section_id: number; term_id: number; tf: number }>(
    `SELECT section_id, term_id, tf FROM postings
     WHERE section_id = ANY($1::int[]) AND term_id = ANY($2::int[])`,
    [ids, terms.map((t) => t.id)],
  );
  return collect(rows, terms, f);
}

function collect(
  rows: readonly { section_id: number; term_id: number; tf: number }[],
  terms: readonly Term[],
  f: Scorer,
): Ranked[] {
  const order = new Map(terms.map((t, k) => [t.id, k]));
  const parts = new Map<number, number[]>();
  for (const row of rows) {
    const k = order.get(row.term_id)!;
    const v =
      parts.get(row.section_id) ??
      parts
        .set(
          row.section_id,
          terms.map(() => 0),
        )
        .get(row.section_id)!;
    v[k] = terms[k]!.idf * row.tf;
  }
  return [...parts].map(([id, v]) => ({ id, score: f(v) }));
}

/** The same ranking, by scoring every section that matches: the reference `topK` must equal. */
export async function rankAll(db: Queryable, r: RankRequest): Promise<Ranked[]> {
  const terms = await termsOf(db, r.query);
  if (!terms.length) return newest(db, r);
  const scores = new Map<number, number>();
  for (const x of await score(db, r, terms, scorer(terms, r))) scores.set(x.id, x.score);
  return best(scores, r.limit);
}

// An unseen section scoring exactly the bound has each word's last-read impact, so it comes
// after the last-read posting of every list: its id is below all of theirs, and it loses the tie.
function tieLost(kth: Ranked, lists: readonly { lastSid: number; done: boolean }[]): boolean {
  return lists.every((l) => !l.done) && kth.id >= Math.min(...lists.map((l) => l.lastSid));
}

function best(scores: ReadonlyMap<number, number>, limit: number): Ranked[] {
  return [...scores]
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .slice(0, limit);
}

// The exact scores of the given sections (all matching ones when `ids` is null) that match
// the whole query and pass the filters: the sum of idf × tf over the query's words, summed
// in the terms' order so that a bound computed the same way is never below a real score.
async function score(
  db: Queryable,
  r: RankRequest,
  terms: readonly Term[],
  f: Scorer,
): Promise<Ranked[]> {
  const n = r.params.length + 1;
  const { rows } = await db.query<{ section_id: number; term_id: number; tf: number }>(
    `WITH c AS (SELECT s.id FROM sections s JOIN meetings m ON m.id = s.meeting_id
                WHERE s.tsv @@ $1::tsquery ${r.where})
     SELECT p.section_id, p.term_id, p.tf FROM postings p JOIN c ON c.id = p.section_id
     WHERE p.term_id = ANY($${n + 1}::int[])`,
    [r.query, ...r.params, terms.map((t) => t.id)],
  );
  return collect(rows, terms, f);
}

// The query's words (not the excluded ones) with their idf; a prefix stands for its most
// frequent completions.
async function termsOf(db: Queryable, query: string): Promise<Term[]> {
  const { exact, prefixes } = queryLexemes(query);
  const { rows } = await db.query<{ id: number; lexeme: string; df: number; n: string }>(
    `SELECT t.id, t.lexeme, t.df, st.sections AS n FROM search_stats st,
       (SELECT id, lexeme, greatest(df, 1) AS df FROM search_terms WHERE lexeme = ANY($1::text[])
        UNION
        SELECT x.id, x.lexeme, x.df FROM unnest($2::text[]) AS pre,
          LATERAL (SELECT id, lexeme, greatest(df, 1) AS df FROM search_terms WHERE lexeme LIKE pre || '%'
                   ORDER BY df DESC LIMIT ${PREFIX_TERMS}) x) t
     WHERE st.id = 1 ORDER BY t.id`,
    [[...exact], prefixes],
  );
  return rows.map((t) => {
    const n = Number(t.n);
    const idf = Math.log(1 + (n - t.df + 0.5) / (t.df + 0.5));
    return { id: t.id, lexeme: t.lexeme, df: t.df, idf };
  });
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
