import { describe, expect, it } from "vitest";
import { runUntil } from "./run-passes.js";
import { decisions } from "./decisions.js";

const REPORT = (body: string) =>
  `Lantern Working Group\nMeeting 4\n3 May 2024, 10:00 UTC\n\nAgenda\n1. Budget\n2. Website\n\n1. Budget\n${body}\n\n2. Website\nNone.\n\nParticipants\n- Ada Lovelace\n- Bo Li\n`;
const found = (body: string) => runUntil(REPORT(body), decisions).decisions!.map((d) => d.text);

describe("decisions pass", () => {
  it("reads what the group decided, agreed, approved or resolved", () => {
    expect(
      found(
        "Ada Lovelace presented the budget. After discussion it was agreed to keep the travel line. The Board decided to meet monthly. The minutes of meeting 3 were approved. RESOLVED: the charter is adopted as amended.",
      ),
    ).toEqual([
      "After discussion it was agreed to keep the travel line.",
      "The Board decided to meet monthly.",
      "The minutes of meeting 3 were approved.",
      "the charter is adopted as amended.",
    ]);
  });
  it("leaves out opinions, proposals, conditions and other bodies' decisions", () => {
    expect(
      found(
        "Ada Lovelace agreed with Bo's proposal. It could be agreed at the next meeting. The General Assembly decided to extend the mandate. Bo Li proposed to meet monthly.",
      ),
    ).toEqual([]);
  });
  it("gives its line and keeps one of each", () => {
    const doc = runUntil(
      REPORT("It was decided to close the call.\nIt was decided to close the call."),
      decisions,
    );
    expect(doc.decisions).toHaveLength(1);
    expect(doc.lines[doc.decisions![0]!.line - 1]).toContain("It was decided");
  });
});
