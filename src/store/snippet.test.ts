import { describe, expect, it } from "vitest";
import { snippet, type Wanted } from "./snippet.js";
import { Stemmer } from "./tsvector.js";

describe("snippet", () => {
  it("marks the words that stem to a query word, and prefixes, around the best passage", async () => {
    const stemmer = new Stemmer();
    const stems: Record<string, string> = {
      policies: "polici",
      policy: "polici",
      travel: "travel",
    };
    await stemmer.learn(async (ws) => ws.map((w) => stems[w] ?? w), [[["policies"], ["policy"]]]);
    const text =
      "The (Policies) of the group were read; travelling plans and the policy review follow.";
    expect(snippet(stemmer, text, { exact: new Set(["polici"]), prefixes: ["trav"] })).toBe(
      "The «(Policies)» of the group were read; «travelling» plans and the «policy» review follow.",
    );
    // a short snippet is cut around the window with the hit
    expect(snippet(stemmer, text, { exact: new Set(["review"]), prefixes: [] }, 5)).toBe(
      "… plans and the policy «review» …",
    );
  });
});

// The first implementation (a string per word), kept as the reference the offsets must equal.
function reference(stemmer: Stemmer, text: string, wanted: Wanted, size = 32): string {
  const core = (w: string) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
  const may = (w: string) =>
    [...wanted.exact].some((x) => w.startsWith(x.slice(0, Math.max(1, x.length - 3)))) ||
    wanted.prefixes.some((p) => w.startsWith(p));
  const words = text
    .replace(/[*_#|]/g, " ")
    .split(/\s+/)
    .filter(Boolean);
  const hit = words.map((w) => {
    const c = core(w);
    if (!c || !may(c)) return false;
    const stem = stemmer.stem(c) ?? c;
    return (
      wanted.exact.has(stem) || wanted.exact.has(c) || wanted.prefixes.some((p) => c.startsWith(p))
    );
  });
  let best = 0,
    bestScore = -1;
  for (let i = 0; i < Math.max(1, words.length - size + 1); i += 4) {
    let score = 0;
    for (let k = i; k < Math.min(words.length, i + size); k++) if (hit[k]) score++;
    if (score > bestScore) [bestScore, best] = [score, i];
  }
  const out: string[] = [];
  for (let k = best; k < Math.min(words.length, best + size); k++)
    out.push(hit[k] ? `«${words[k]}»` : words[k]!);
  return `${best > 0 ? "… " : ""}${out.join(" ").replace(/»(\s+)«/g, "$1")}${best + size < words.length ? " …" : ""}`;
}

describe("snippet from word offsets", () => {
  it("cuts what cutting a string per word cut, on texts of every kind of separator", async () => {
    const stemmer = new Stemmer();
    const stems: Record<string, string> = { policies: "polici", policy: "polici" };
    await stemmer.learn(async (ws) => ws.map((w) => stems[w] ?? w), [[["policies"], ["policy"]]]);
    const parts = [
      "Policies",
      "(policy)",
      "budget,",
      "BUDGETS",
      "travel",
      "İstanbul",
      "the",
      "a",
      "*bold*",
      "_x_",
      "#tag",
      "a|b",
      "re-view",
      "«q»",
      "travelling.",
      "ﬁnal",
      "Ǆemal",
    ];
    const gaps = [" ", "  ", "\n", "\t", "\u00a0", "\u2003", " * ", "|", "\u3000"];
    let seed = 11;
    const pick = <T>(xs: T[]) => xs[(seed = (seed * 48271) % 2147483647) % xs.length]!;
    const wanteds: Wanted[] = [
      { exact: new Set(["polici"]), prefixes: ["trav"] },
      { exact: new Set(["budget", "review"]), prefixes: [] },
      { exact: new Set(["istanbul"]), prefixes: ["ǆ"] },
      { exact: new Set(), prefixes: [] },
      // a query word with a separator in it is never a word's start
      { exact: new Set(), prefixes: ["a|b"] },
    ];
    for (let n = 0; n < 300; n++) {
      const text = Array.from({ length: 1 + (n % 70) }, () => pick(parts) + pick(gaps)).join("");
      for (const wanted of wanteds)
        for (const size of [5, 32])
          expect(snippet(stemmer, text, wanted, size), JSON.stringify(text)).toBe(
            reference(stemmer, text, wanted, size),
          );
    }
  });
});
