// Section ids ordered with typed arrays: on a few thousand postings a JavaScript Set or Map
// costs more than the rest of the ranking (measured ~200 ns an insert on this 2-core VM,
// against ~30 ns a number for a native sort).

const PLACES = 4_194_304; // 2^22: id × 2^22 + place stays exact below 2^53

/** The places of `ids` in ascending id order (ties in place order). */
export function sectionOrder(ids: ArrayLike<number>): Int32Array {
  const n = ids.length;
  const at = new Int32Array(n);
  if (n < PLACES) {
    // one number each, sorted natively, without a comparator call per pair
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = ids[i]! * PLACES + i;
    keys.sort();
    for (let i = 0; i < n; i++) at[i] = keys[i]! % PLACES;
  } else {
    const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => ids[a]! - ids[b]! || a - b);
    at.set(order);
  }
  return at;
}

/** Where `x` stands in an ascending list (binary search), or -1. */
export function indexIn(sorted: ArrayLike<number>, x: number): number {
  let lo = 0,
    hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = sorted[mid]!;
    if (v === x) return mid;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** A set of section ids, sorted: built by one sort, asked by binary search. */
export class SectionSet {
  /** The ids, ascending, each once. */
  readonly ids: Int32Array;

  constructor(ids: ArrayLike<number>) {
    const order = sectionOrder(ids);
    const out = new Int32Array(order.length);
    let m = 0;
    for (let j = 0; j < order.length; j++) {
      const id = ids[order[j]!]!;
      if (m === 0 || out[m - 1] !== id) out[m++] = id;
    }
    this.ids = out.subarray(0, m);
  }

  get size(): number {
    return this.ids.length;
  }

  has(id: number): boolean {
    return indexIn(this.ids, id) >= 0;
  }
}
