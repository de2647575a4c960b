import { describe, expect, it } from "vitest";
import { chainAt, chainOf } from "./phrase-check.js";
import { parseTsquery, type PhraseNode } from "./tsquery-ast.js";

const phrase = (q: string) => parseTsquery(q) as PhraseNode;

describe("a phrase from its words' positions", () => {
  it("reads each word's distance from the one before, <-> being 1", () => {
    const p = phrase("'share' <-> 'respons' <3> 'group'");
    expect(p.dist).toEqual([1, 3]);
    expect(chainOf(p)?.map((w) => w.lexeme)).toEqual(["share", "respons", "group"]);
  });

  it("leaves prefixes, weights and nested operators to the text", () => {
    expect(chainOf(phrase("'share' <-> 'resp':*"))).toBeNull();
    expect(chainOf(phrase("'share':A <-> 'respons'"))).toBeNull();
    expect(chainOf(phrase("'share' <-> ( 'a' | 'b' )"))).toBeNull();
    expect(chainOf(phrase("'share' <-> !'a'"))).toBeNull();
  });

  it("finds the words at exactly their distances, from any position of the first", () => {
    const at = (lists: number[][]) => (i: number) => lists[i] ?? null;
    expect(chainAt([1], at([[3, 9], [10]]))).toBe(true);
    expect(chainAt([1], at([[3, 9], [11]]))).toBe(false);
    expect(chainAt([2], at([[3], [5]]))).toBe(true);
    expect(chainAt([2], at([[3], [4]]))).toBe(false);
    expect(chainAt([1, 1], at([[1, 4], [2, 5], [7]]))).toBe(false);
    expect(chainAt([1, 1], at([[1, 4], [2, 5], [6]]))).toBe(true);
    // a word without positions cannot tell
    expect(chainAt([1], at([[1], []]))).toBeNull();
  });
});
