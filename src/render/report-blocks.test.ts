import { describe, expect, it } from "vitest";
import { reportBlocks } from "./report-blocks.js";
import type { MeetingRecord } from "../model/record.js";

const record: MeetingRecord = {
  source: "x.txt",
  group: "Fictional Working Group",
  groupAcronym: null,
  number: 3,
  start: "2025-01-02T10:00:00Z",
  moderators: ["Ada Lovelace"],
  agenda: [{ title: "Outreach track.", items: [] }],
  sections: [{ title: "Outreach track.", agendaIndex: 0, speakers: ["Ada Lovelace", "Bo Li"] }],
  actions: [],
  nextMeeting: null,
  participants: [],
  links: [],
  decisions: [],
  notes: [],
  issues: [],
};
const texts = (b: ReturnType<typeof reportBlocks>) =>
  b.filter((x) => x.kind === "para" || x.kind === "note").map((x) => x.text);

describe("the house report's discussion", () => {
  it("writes what was said, and says who else spoke", () => {
    const b = texts(reportBlocks(record, [["Ada said the campaign reached ten schools."]]));
    expect(b).toContain("Agenda item 1: Outreach track.");
    expect(b).toContain("Ada said the campaign reached ten schools.");
    expect(b).toContain("Ada Lovelace spoke. Bo Li spoke.");
  });
  it("names the speakers alone when there is no text", () => {
    expect(texts(reportBlocks(record))).toContain("Ada Lovelace spoke. Bo Li spoke.");
  });
  it("names a speaker whose full name the text gives only once", () => {
    const b = texts(reportBlocks(record, [["Ada Lovelace and Bo Li reported."]]));
    expect(b.some((t) => t.endsWith("spoke."))).toBe(false);
  });
});

describe("ordinals", () => {
  it("writes 1st, 2nd, 3rd, 11th, 22nd, 61st, 112th", async () => {
    const { ordinal } = await import("./report-blocks.js");
    expect([1, 2, 3, 11, 22, 61, 112].map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "11th",
      "22nd",
      "61st",
      "112th",
    ]);
  });
});

describe("missing reports in a period", () => {
  it("says which numbered meetings have no report", async () => {
    const { missingReports } = await import("./period-report.js");
    expect(missingReports([19, 22, 30, 33, 60])).toMatch(
      /^Meetings 19 to 60 are numbered, but 5 of their 42 reports are stored: the reports of meetings 20–21, 23–29, 31–32, 34–59 are missing/,
    );
    expect(missingReports([10, 11, 12])).toBeNull();
    expect(missingReports([10, 12, null])).toMatch(/the report of meeting 11 is missing/);
  });
});
