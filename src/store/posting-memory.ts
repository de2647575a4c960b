import type { Queryable } from "./db.js";
import { numbersOf } from "./number-lists.js";
import { indexIn, sectionOrder } from "./section-order.js";
import {
  noPostings,
  startOf,
  storePostings,
  WHOLE,
  type Positions,
  type Postings,
  type PostingSource,
} from "./posting-source.js";

// Posting lists held in memory (posting-cache.ts keeps them) and the source that reads them.

/** One word's whole posting list, in impact order, with its sections in id order. */
export interface List {
  sid: Int32Array;
  tf: Float64Array;
  /** Section ids ascending, and where each stands in impact order. */
  bySid: Int32Array;
  at: Int32Array;
  /** Its words' positions, in `bySid`'s order, once a phrase has needed them. */
  pos?: ListPositions;
}

/** A list's positions: those of its i-th section (by id) are `p[off[i]]` to `p[off[i+1]]`. */
export interface ListPositions {
  off: Int32Array;
  p: Int16Array;
}

/** What a list's positions weigh against the budget, in postings (20 bytes each). */
export const positionUnits = (x: ListPositions) =>
  Math.ceil((4 * x.off.length + 2 * x.p.length) / 20);

/** What a list weighs against the budget: its postings, and its positions when loaded. */
export const unitsOf = (l: List) => l.sid.length + (l.pos ? positionUnits(l.pos) : 0);

/**
 * A term's positions for every section of its list, read with the store's version in the
 * same statement: null when the store is no longer at `version` or the sections differ.
 */
export async function loadPositions(
  db: Queryable,
  term: number,
  l: List,
  version: bigint,
): Promise<ListPositions | null> {
  const { rows } = await db.query<{ v: string; s: string | null; p: string | null }>(
    `SELECT (SELECT version::text FROM store_version WHERE id = 1) AS v,
       array_agg(section_id ORDER BY section_id)::text AS s,
       '[' || string_agg('[' || coalesce(array_to_string(pos, ','), '') || ']', ','
                         ORDER BY section_id) || ']' AS p
     FROM postings WHERE term_id = $1`,
    [term],
  );
  const row = rows[0];
  if (!row || BigInt(row.v) !== version) return null;
  const sids = numbersOf(row.s);
  if (sids.length !== l.bySid.length || sids.some((x, i) => x !== l.bySid[i])) return null;
  const lists = row.p ? (JSON.parse(row.p) as number[][]) : [];
  const off = new Int32Array(lists.length + 1);
  for (let i = 0; i < lists.length; i++) off[i + 1] = off[i]! + lists[i]!.length;
  const p = new Int16Array(off[lists.length]!);
  for (let i = 0; i < lists.length; i++) p.set(lists[i]!, off[i]);
  return { off, p };
}

// These terms' whole lists, in one statement: the store's reading from the start, unbounded.
export async function load(db: Queryable, ids: number[]): Promise<List[]> {
  const got = await storePostings(db).next(ids.map(startOf), WHOLE);
  return got.map((g) => list(g.s, g.f));
}

function list(s: ArrayLike<number>, f: ArrayLike<number>): List {
  const sid = Int32Array.from(s);
  const at = sectionOrder(sid);
  const bySid = new Int32Array(at.length);
  for (let i = 0; i < at.length; i++) bySid[i] = sid[at[i]!]!;
  return { sid, tf: Float64Array.from(f), bySid, at };
}

/** Positions from these lists' own (`List.pos`): null for a list without them. */
export function keptPositions(lists: ReadonlyMap<number, List>): Positions {
  return {
    get(section, term) {
      const l = lists.get(term);
      const i = l?.pos ? indexIn(l.bySid, section) : -1;
      return i < 0 ? null : l!.pos!.p.subarray(l!.pos!.off[i], l!.pos!.off[i + 1]);
    },
  };
}

// The place of a section in a list's impact order, or -1.
function find(l: List, section: number): number {
  const i = indexIn(l.bySid, section);
  return i < 0 ? -1 : l.at[i]!;
}

// The first place in impact order after (tf, sid): falling tf, then falling section id.
function after(l: List, tf: number, sid: number): number {
  let lo = 0,
    hi = l.sid.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const t = l.tf[mid]!;
    if (t < tf || (t === tf && l.sid[mid]! < sid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * A source over lists held in memory; `positions` reads words' positions (from the lists'
 * own, `keptPositions`, or from the store when those are not kept).
 */
export function memorySource(
  lists: ReadonlyMap<number, List>,
  hidden: () => Promise<ReadonlySet<number> | null>,
  positions: PostingSource["positions"],
): PostingSource {
  const get = (id: number) => lists.get(id)!;
  const push = (out: Postings, l: List, term: number, p: number) => {
    out.s.push(l.sid[p]!);
    out.t.push(term);
    out.f.push(l.tf[p]!);
  };
  return {
    hidden,
    next(cursors, n) {
      return Promise.resolve(
        cursors.map((c) => {
          const l = get(c.id);
          const from = after(l, c.lastTf, c.lastSid);
          const to = Math.min(l.sid.length, from + n);
          return { s: l.sid.subarray(from, to), f: l.tf.subarray(from, to) };
        }),
      );
    },
    of(terms, sections) {
      const out = noPostings();
      for (const term of terms) {
        const l = get(term);
        if (!sections) for (let p = 0; p < l.sid.length; p++) push(out, l, term, p);
        else
          for (const s of sections) {
            const p = find(l, s);
            if (p >= 0) push(out, l, term, p);
          }
      }
      return Promise.resolve(out);
    },
    positions,
    pairs(pairs) {
      const out = noPostings();
      for (const [s, term] of pairs) {
        const l = get(term);
        const p = find(l, s);
        if (p >= 0) push(out, l, term, p);
      }
      return Promise.resolve(out);
    },
  };
}
