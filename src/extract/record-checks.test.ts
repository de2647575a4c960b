import { describe, expect, it } from "vitest";
import { recordFindings } from "./record-checks.js";
import type { MeetingRecord } from "../model/record.js";

const record = (speakers: string[]): MeetingRecord => ({
  source: "x.txt",
  group: null,
  groupAcronym: null,
  number: null,
  start: null,
  moderators: [],
  agenda: [{ title: "Budget", items: [] }],
  sections: [{ title: "Budget", agendaIndex: 0, speakers }],
  actions: [],
  nextMeeting: null,
  participants: [
    { name: "Ada Lovelace", affiliation: null, roles: [] },
    { name: "Bo Li", affiliation: null, roles: [] },
  ],
  links: [],
  decisions: [],
  notes: [],
  issues: [],
});

describe("findings of a corrected record", () => {
  it("finds speakers missing from the list as extraction matches names", () => {
    const codes = recordFindings(record(["Ada", "Dr. Bo Li", "Cy Nobody"]));
    expect(codes.map((i) => [i.code, i.subject])).toEqual([["speaker-not-listed", "Cy Nobody"]]);
  });
});
