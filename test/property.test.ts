import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { extract } from "../src/extract/pipeline.js";
import { textDoc } from "../src/extract/run-passes.js";
import { MeetingRecord } from "../src/model/record.js";

const record = (text: string) => extract(textDoc(text, "p.txt"));

// Pieces of real report grammar, shuffled: the extractor must cope with any order.
const piece = fc.constantFrom(
  "Agenda",
  "Agenda:",
  "List of participants",
  "Annex 1:",
  "Discussion",
  "Next meeting: 20 May 1 pm UTC",
  "1. Opening",
  "2) Budget",
  "a. Sub item",
  "IV. Other",
  "- 1) bullet",
  "## Heading",
  "**Bold line**",
  "Anna Berg, Chair, Org",
  "Tom (Org)",
  "Jo Doe – Ministry",
  "| Name | Org |",
  "| A B | C |",
  "The 3rd meeting of the X Group (XG) was held on 4 May 2024 at 2 p.m. UTC.",
  "Anna said that it was agreed to act by 5 June.",
  "The deadline is May 19 (10 PM UTC).",
  "Present: A B (X); C D (Y)",
  "Chair: Anna Berg",
  "<https://a.example>",
  "[x](#)",
  "",
);

describe("extraction on arbitrary text", () => {
  it("never throws and always returns a record valid against the contract", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 2000 }), (text) => {
        const r = record(text);
        expect(MeetingRecord.safeParse(r).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
  it("holds on shuffled report-like lines too", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(piece, fc.string({ maxLength: 80 })), { maxLength: 60 }),
        (lines) => {
          const r = record(lines.join("\n"));
          expect(MeetingRecord.safeParse(r).success).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
