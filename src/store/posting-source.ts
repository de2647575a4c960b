import type { Queryable } from "./db.js";
import { numbersOf } from "./number-lists.js";

/** Postings as three columns (section, term, tf part): no object per posting. */
export interface Postings {
  s: number[];
  t: number[];
  f: number[];
}

export const noPostings = (): Postings => ({ s: [], t: [], f: [] });

/** Where a list's reading stands: its last-read posting in impact order. */
export interface Cursor {
  id: number;
  lastTf: number;
  lastSid: number;
}

/** A cursor before a list's first posting (above any tf part and section id). */
export const startOf = (id: number): Cursor => ({ id, lastTf: 1e9, lastSid: 2_147_483_647 });

/** More postings than any list holds: `next` with it reads lists whole. */
export const WHOLE = 2_147_483_647;

/**
 * How the ranking reads the impact-ordered postings (migration 010). Two implementations
 * read the same rows: from the store, statement by statement, and from lists a serving
 * process keeps in memory (posting-cache.ts). The ranking is the same whichever reads.
 */
export interface PostingSource {
  /** Each list's next `n` postings after its cursor, by impact (tf, then section id, falling). */
  next(
    lists: readonly Cursor[],
    n: number,
  ): Promise<{ s: ArrayLike<number>; f: ArrayLike<number> }[]>;
  /** These terms' postings: whole lists (`sections` null), or those of the given sections. */
  of(terms: readonly number[], sections: readonly number[] | null): Promise<Postings>;
  /** The postings of these (section, term) pairs that exist. */
  pairs(pairs: readonly (readonly [number, number])[]): Promise<Postings>;
  /**
   * The stored positions of these (section, term) pairs' words (migration 019), for a
   * phrase's word order.
   */
  positions(pairs: readonly (readonly [number, number])[]): Promise<Positions>;
  /**
   * The sections a reader may not see (of members-only meetings), when the source keeps
   * them for the version its postings are of; null when the store must be asked.
   */
  hidden?(): Promise<ReadonlySet<number> | null>;
}

/** Words' positions in sections: ascending, as the section's stored tsvector has them. */
export interface Positions {
  /** The positions of `term` in `section`; null when the section lacks the word. */
  get(section: number, term: number): ArrayLike<number> | null;
}

/** Positions from (section, term, positions) triples. */
export function positionsFrom(triples: readonly [number, number, number[]][]): Positions {
  const by = new Map<number, Map<number, number[]>>();
  for (const [s, t, p] of triples) {
    let m = by.get(s);
    if (!m) by.set(s, (m = new Map<number, number[]>()));
    m.set(t, p);
  }
  return { get: (s, t) => by.get(s)?.get(t) ?? null };
}

type Columns = { s: string | null; t: string | null; f: string | null };

const columns = (row: Columns | undefined): Postings => ({
  s: numbersOf(row?.s),
  t: numbersOf(row?.t),
  f: numbersOf(row?.f),
});

/** Reads the postings from the store, one statement per call. */
export function storePostings(db: Queryable): PostingSource {
  return {
    async next(lists, n) {
      // The limit is a column, not a constant: with a constant the planner reads the whole
      // list through a bitmap and sorts it (measured 74 ms against 3 ms for the index's order).
      const read = await db.query<{ i: string; s: string | null; f: string | null }>(
        `SELECT t.i, p.s, p.f
         FROM unnest($1::int[], $2::real[], $3::int[], $4::int[]) WITH ORDINALITY AS t(term, tf0, sid0, n, i),
         LATERAL (SELECT array_agg(q.section_id ORDER BY q.tf DESC, q.section_id DESC)::text AS s,
                         array_agg(q.tf ORDER BY q.tf DESC, q.section_id DESC)::text AS f
                  FROM (SELECT section_id, tf FROM postings
                        WHERE term_id = t.term AND (tf, section_id) < (t.tf0, t.sid0)
                        ORDER BY tf DESC, section_id DESC LIMIT t.n) q) p`,
        [
          lists.map((l) => l.id),
          lists.map((l) => l.lastTf),
          lists.map((l) => l.lastSid),
          lists.map(() => n),
        ],
      );
      const got = lists.map(() => ({ s: [] as number[], f: [] as number[] }));
      for (const row of read.rows)
        got[Number(row.i) - 1] = { s: numbersOf(row.s), f: numbersOf(row.f) };
      return got;
    },
    async of(terms, sections) {
      if (!terms.length || sections?.length === 0) return noPostings();
      const { rows } = await db.query<Columns>(
        sections
          ? `SELECT array_agg(p.section_id)::text AS s, array_agg(p.term_id)::text AS t, array_agg(p.tf)::text AS f
             FROM unnest($2::int[]) AS x(id)
             CROSS JOIN LATERAL (SELECT section_id, term_id, tf FROM postings
                                 WHERE section_id = x.id AND term_id = ANY($1::int[])) p`
          : `SELECT array_agg(section_id)::text AS s, array_agg(term_id)::text AS t, array_agg(tf)::text AS f
             FROM postings WHERE term_id = ANY($1::int[])`,
        sections ? [terms, sections] : [terms],
      );
      return columns(rows[0]);
    },
    async pairs(pairs) {
      if (!pairs.length) return noPostings();
      const { rows } = await db.query<Columns>(
        `SELECT array_agg(p.section_id)::text AS s, array_agg(p.term_id)::text AS t, array_agg(p.tf)::text AS f
         FROM unnest($1::int[], $2::int[]) AS x(sid, tid)
         CROSS JOIN LATERAL (SELECT section_id, term_id, tf FROM postings
                             WHERE section_id = x.sid AND term_id = x.tid) p`,
        [pairs.map((x) => x[0]), pairs.map((x) => x[1])],
      );
      return columns(rows[0]);
    },
    async positions(pairs) {
      if (!pairs.length) return positionsFrom([]);
      // one JSON text for all: a row per pair costs the embedded driver more than the lookup
      const { rows } = await db.query<{ x: string | null }>(
        `SELECT '[' || string_agg('[' || p.section_id || ',' || p.term_id || ',[' ||
                                  array_to_string(p.pos, ',') || ']]', ',') || ']' AS x
         FROM unnest($1::int[], $2::int[]) AS x(sid, tid)
         CROSS JOIN LATERAL (SELECT section_id, term_id, pos FROM postings
                             WHERE section_id = x.sid AND term_id = x.tid) p`,
        [pairs.map((x) => x[0]), pairs.map((x) => x[1])],
      );
      const x = rows[0]?.x;
      return positionsFrom(x ? (JSON.parse(x) as [number, number, number[]][]) : []);
    },
  };
}

/** Appends `from`'s postings (those of the sections `keep` accepts) to `to`. */
export function append(to: Postings, from: Postings, keep?: (sid: number) => boolean): void {
  for (let i = 0; i < from.s.length; i++) {
    if (keep && !keep(from.s[i]!)) continue;
    to.s.push(from.s[i]!);
    to.t.push(from.t[i]!);
    to.f.push(from.f[i]!);
  }
}
