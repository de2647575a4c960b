import type { Queryable } from "./db.js";
import { sectionOrder } from "./section-order.js";
import {
  noPostings,
  startOf,
  storePostings,
  WHOLE,
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
}

// These terms' whole lists, in one statement: the store's reading from the start, unbounded.
export async function load(db: Queryable, ids: number[]): Promise<List[]> {
  const got = await storePostings(db).next(ids.map(startOf), WHOLE);
  return got.map((g) => list(g.s, g.f));
}

function list(s: number[], f: number[]): List {
  const sid = Int32Array.from(s);
  const at = sectionOrder(sid);
  const bySid = new Int32Array(at.length);
  for (let i = 0; i < at.length; i++) bySid[i] = sid[at[i]!]!;
  return { sid, tf: Float64Array.from(f), bySid, at };
}

// The place of a section in a list's impact order, or -1.
function find(l: List, section: number): number {
  let lo = 0,
    hi = l.bySid.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const x = l.bySid[mid]!;
    if (x === section) return l.at[mid]!;
    if (x < section) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
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

export function memorySource(
  lists: ReadonlyMap<number, List>,
  hidden: () => Promise<ReadonlySet<number> | null>,
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
          return {
            s: Array.from(l.sid.subarray(from, to)),
            f: Array.from(l.tf.subarray(from, to)),
          };
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
