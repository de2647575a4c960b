import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import type { Db } from "../src/store/db.js";
import { matches, parseTsquery } from "../src/store/tsquery-ast.js";
import { chainAt, chainOf } from "../src/store/phrase-check.js";
import { DRIVERS, freshStore } from "./store-helpers.js";

// A phrase told from its words' stored positions (top-k.ts) must be what PostgreSQL's `@@`
// says of the same vector: checked on random texts and phrases, stop words, hyphenated
// words, a title weighted apart, and positions past the vector's limits.
const VOCAB = [
  "plan",
  "plans",
  "review",
  "the",
  "of",
  "budget",
  "multi-stakeholder",
  "stakeholder",
  "a",
  "and",
  "reviewed",
];

interface Case {
  title: string;
  body: string;
  phrase: string;
}

// What the JavaScript rule says, from the vector's positions, for a query's text.
function decide(query: string, positions: Map<string, number[]>): boolean | null {
  const tree = parseTsquery(query);
  if (!tree) return null;
  return matches(
    tree,
    (w) => positions.has(w.lexeme),
    (p) => {
      const words = chainOf(p);
      return words ? chainAt(p.dist, (i) => positions.get(words[i]!.lexeme) ?? null) : null;
    },
  );
}

describe.each(DRIVERS)("phrases told from positions on %s", (driver) => {
  let db: Db, drop: () => Promise<void>;
  beforeAll(async () => {
    ({ db, drop } = await freshStore(driver));
  }, 120_000);
  afterAll(() => drop());

  // PostgreSQL's answer, the query's text and the vector's positions for each case
  async function ask(cases: Case[]) {
    const { rows } = await db.query<{
      ok: boolean;
      q: string;
      lex: string[] | null;
      pos: string | null;
    }>(
      `SELECT v @@ q AS ok, q::text AS q,
         (SELECT array_agg(x.lexeme) FROM unnest(v) x) AS lex,
         (SELECT '[' || string_agg('[' || array_to_string(x.positions, ',') || ']', ',') || ']' FROM unnest(v) x) AS pos
       FROM unnest($1::text[], $2::text[], $3::text[]) WITH ORDINALITY AS c(title, body, phrase, i),
       LATERAL (SELECT setweight(to_tsvector('english', c.title), 'A') || to_tsvector('english', c.body) AS v,
                       phraseto_tsquery('english', c.phrase) AS q) z
       ORDER BY c.i`,
      [cases.map((c) => c.title), cases.map((c) => c.body), cases.map((c) => c.phrase)],
    );
    return rows.map((r) => {
      const lists = r.pos ? (JSON.parse(r.pos) as number[][]) : [];
      return { ok: r.ok, q: r.q, positions: new Map((r.lex ?? []).map((l, i) => [l, lists[i]!])) };
    });
  }

  it("agrees with @@ on random texts and phrases", async () => {
    const word = fc.constantFrom(...VOCAB);
    const text = (max: number) => fc.array(word, { maxLength: max }).map((w) => w.join(" "));
    const cases = fc.sample(
      fc.record({
        title: text(4),
        body: text(30),
        phrase: fc.array(word, { minLength: 2, maxLength: 4 }).map((w) => w.join(" ")),
      }),
      { numRuns: 600, seed: 14 },
    );
    let phrases = 0,
      found = 0;
    const answers = await ask(cases);
    answers.forEach((a, i) => {
      if (!a.q.includes("<")) return; // one word left after stop words: no phrase
      phrases++;
      if (a.ok) found++;
      expect(decide(a.q, a.positions), JSON.stringify({ ...cases[i], q: a.q })).toBe(a.ok);
    });
    // the sample has phrases both ways, with a stop word's gap among them
    expect(phrases).toBeGreaterThan(300);
    expect(found).toBeGreaterThan(30);
    expect(phrases - found).toBeGreaterThan(30);
    expect(answers.some((a) => /<[2-9]>/.test(a.q))).toBe(true);
  });

  it("agrees past the vector's limits: 16,383 positions, 256 per word", async () => {
    const filler = Array.from({ length: 17_000 }, (_, i) => (i % 3 ? "budget" : "review")).join(
      " ",
    );
    const cases: Case[] = [
      // the phrase only after the last position a vector keeps: every word there is at 16383
      { title: "", body: `${filler} plan review`, phrase: "plan review" },
      { title: "", body: `${filler} plan review`, phrase: "budget review" },
      { title: "plan", body: `review ${filler}`, phrase: "plan review" },
      // a word more than 256 times: later positions dropped from its list
      {
        title: "",
        body: `${Array.from({ length: 300 }, () => "budget plan").join(" ")} budget review`,
        phrase: "budget review",
      },
      {
        title: "",
        body: `${Array.from({ length: 300 }, () => "budget plan").join(" ")}`,
        phrase: "budget plan",
      },
    ];
    const answers = await ask(cases);
    answers.forEach((a, i) => {
      expect(decide(a.q, a.positions), `${i}: ${a.q}`).toBe(a.ok);
    });
    // both answers occur among these cases
    expect(new Set(answers.map((a) => a.ok)).size).toBe(2);
  });
});
