import { describe, expect, it } from "vitest";
import { cover, matches, parseTsquery, scoringWordsOf, wordsOf } from "./tsquery-ast.js";

const w = (lexeme: string, prefix = false) => ({ op: "word", lexeme, prefix });

describe("tsquery trees", () => {
  it("reads PostgreSQL's text form with its precedence: ! over <-> over & over |", () => {
    expect(parseTsquery("'a' | 'b' & !'c' <-> 'd':*")).toEqual({
      op: "or",
      args: [
        w("a"),
        {
          op: "and",
          args: [
            w("b"),
            { op: "phrase", args: [{ op: "not", arg: w("c") }, w("d", true)], dist: [1] },
          ],
        },
      ],
    });
    expect(parseTsquery("( 'a' | 'b' ) & 'it''s'")).toEqual({
      op: "and",
      args: [{ op: "or", args: [w("a"), w("b")] }, w("it's")],
    });
    expect(parseTsquery("")).toBeNull();
    expect(() => parseTsquery("'a' &")).toThrow(/ends early/);
  });

  it("tells from the words a section has whether it matches, unsure only for phrases", () => {
    const q = parseTsquery("'a' & !'b' | 'c' <-> 'd'")!;
    const has = (words: string[]) => (x: { lexeme: string }) => words.includes(x.lexeme);
    expect(matches(q, has(["a"]))).toBe(true);
    expect(matches(q, has(["a", "b"]))).toBe(false);
    expect(matches(q, has(["a", "b", "c", "d"]))).toBeNull();
    expect(matches(q, has(["c"]))).toBe(false);
  });

  it("finds the words every match has one of, the cheapest when there is a choice", () => {
    const df: Record<string, number> = { a: 100, b: 5, c: 7, d: 1 };
    const cost = (ws: readonly { lexeme: string }[]) => ws.reduce((s, x) => s + df[x.lexeme]!, 0);
    expect(cover(parseTsquery("'a' & 'b'")!, cost)).toEqual([w("b")]);
    expect(cover(parseTsquery("'a' & ( 'b' | 'c' )")!, cost)).toEqual([w("b"), w("c")]);
    expect(cover(parseTsquery("'a' & !'d'")!, cost)).toEqual([w("a")]);
    expect(cover(parseTsquery("'a' | !'d'")!, cost)).toBeNull();
    expect(scoringWordsOf(parseTsquery("'a' & !'d'")!)).toEqual([w("a")]);
    expect(wordsOf(parseTsquery("'a' & !'d'")!)).toEqual([w("a"), w("d")]);
  });
});
