import { describe, expect, it } from "vitest";
import { snippet } from "./search.js";
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
