import { describe, expect, it } from "vitest";
import { SectionSet, sectionOrder } from "./section-order.js";

describe("section order", () => {
  it("orders places by section id, ties in place order, and makes a set of the ids", () => {
    let seed = 7;
    const rand = () => (seed = (seed * 48271) % 2147483647) % 5000;
    const ids = Array.from({ length: 3000 }, rand);
    const want = ids.map((_, i) => i).sort((a, b) => ids[a]! - ids[b]! || a - b);
    expect(Array.from(sectionOrder(ids))).toEqual(want);
    const set = new SectionSet(ids);
    expect(Array.from(set.ids)).toEqual([...new Set(ids)].sort((a, b) => a - b));
    for (let x = -1; x <= 5001; x++) expect(set.has(x)).toBe(ids.includes(x));
    expect(new SectionSet([]).has(0)).toBe(false);
  });
});
