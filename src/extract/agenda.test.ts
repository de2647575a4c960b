import { describe, expect, it } from "vitest";
import { runUntil } from "./run-passes.js";
import { agenda } from "./agenda.js";

const items = (text: string) =>
  runUntil(text, agenda).agenda!.map((a) => [a.title, a.items.map((i) => i.title)]);

describe("agenda pass", () => {
  it("nests lettered and indented sub-items and stops where numbering restarts", () => {
    const text = `Group\nMeeting 1\n1 May 2024\n\nAgenda\n\n1. Opening\n2. Reports\n  - a. Finance\n  - b. Outreach\n3. AOB\n   - Dates\n\n1. Opening\nThe chair opened.`;
    expect(items(text)).toEqual([
      ["Opening", []],
      ["Reports", ["Finance", "Outreach"]],
      ["AOB", ["Dates"]],
    ]);
  });

  it("reads '- 1)' bullets, roman numerals and strips link syntax", () => {
    expect(items(`Agenda:\n- 1) [Policy brief](#)\n- 2) Review\n\nDiscussion\n`)).toEqual([
      ["Policy brief", []],
      ["Review", []],
    ]);
    expect(items(`Agenda\nI. Welcome\nII. Plans\nIII. Close\n\nDiscussion`)).toEqual([
      ["Welcome", []],
      ["Plans", []],
      ["Close", []],
    ]);
  });

  it("reads an agenda table, skipping its header row", () => {
    expect(
      items(
        `## Agenda\n\n| No. | Item | Lead |\n|---|---|---|\n| 1 | Welcome | Chair |\n| 2 | Budget review | Treasurer |\n\n## Discussion`,
      ),
    ).toEqual([
      ["Welcome", []],
      ["Budget review", []],
    ]);
  });

  it("gives an empty agenda when the report has none", () => {
    expect(items(`Just a note about nothing in particular.`)).toEqual([]);
  });
});
