import { describe, expect, it } from "vitest";
import { runUntil } from "./run-passes.js";
import { links } from "./links.js";
import { nextMeeting } from "./next-meeting.js";
import { checks } from "./checks.js";
import { moderators } from "./moderators.js";

describe("links pass", () => {
  it("finds bare, angled and Markdown links and skips placeholders", () => {
    const doc = runUntil(
      `See <https://a.example/x?y=1&z=2>. Also https://b.example/page). And [label](https://c.example), [draft](#) and www.d.example/p, but not e.example.`,
      links,
    );
    expect(doc.links!.map((l) => [l.url, l.text])).toEqual([
      ["https://c.example", "label"],
      ["https://a.example/x?y=1&z=2", null],
      ["https://b.example/page", null],
      ["www.d.example/p", null],
    ]);
  });
});

describe("next meeting pass", () => {
  const nm = (t: string) =>
    runUntil(`G\nMeeting 1\n24 November 2022 at 1 p.m. UTC\n\n${t}`, nextMeeting).nextMeeting
      ?.value ?? null;
  it("reads a labelled line, a date without time, and a scheduling sentence", () => {
    expect(nm(`Next meeting: December 15th, 2022`)).toBe("2022-12-15");
    expect(nm(`The next call of the group will be at 15:00 UTC on 9 February 2023.`)).toBe(
      "2023-02-09T15:00:00Z",
    );
  });
  it("moves a year-less date before the meeting into the next year", () => {
    expect(nm(`Next meeting: 13 January, 1 pm UTC`)).toBe("2023-01-13T13:00:00Z");
  });
  it("gives null when no next meeting is announced", () => {
    expect(nm(`The next steps will be announced.`)).toBeNull();
  });
});

describe("moderators pass", () => {
  const mods = (t: string) =>
    runUntil(`G\nMeeting 1\n1 May 2024\n\n${t}\n\nAgenda\n1. x`, moderators).moderators!.map(
      (m) => m.name,
    );
  it("reads 'hosted and moderated by' with titles, nicknames and support roles", () => {
    expect(
      mods(
        `The meeting was hosted and moderated by the Group's co-chair Ada Lovel with the support of the co-chair Bo Chen.`,
      ),
    ).toEqual(["Ada Lovel"]);
    expect(mods(`The meeting was moderated by Margaret Okafor (Peggy).`)).toEqual([
      "Margaret Okafor",
    ]);
    expect(
      mods(`The meeting was called to order by the coordinator, Sven Aaltonen, at 18:05.`),
    ).toEqual(["Sven Aaltonen"]);
    expect(mods(`Chair: Ana Silva; Co-chair: Bo Chen`)).toEqual(["Ana Silva", "Bo Chen"]);
    expect(mods(`It was co-chaired by Ana Silva and Bo Chen.`)).toEqual(["Ana Silva", "Bo Chen"]);
  });
});

describe("checks pass", () => {
  const codes = (t: string) => runUntil(t, checks).issues!.map((i) => [i.code, i.subject, i.line]);
  it("reports number and time mismatches against the intro", () => {
    const t = `G\nMeeting 31\n15 September 2022 at 1 p.m. UTC\n\nThe 36nd virtual meeting of G was held on 15 September 2022 at 2 p.m. UTC with many participants.\n\nList of participants\nA B\n`;
    expect(codes(t)).toEqual([
      ["number-mismatch", null, 5],
      ["time-mismatch", null, 5],
    ]);
  });
  it("reports a date mismatch, duplicates (first name beside full name) and a missing list", () => {
    const t = `G\nMeeting 2\n2 March 2023\n\nThe 2nd meeting of G was held on 3 March 2023 with the usual members online.\n\nParticipants\nInes\nAnn Lee\nInes Duarte\nAnn Lee\n`;
    expect(codes(t)).toEqual([
      ["date-mismatch", null, 5],
      ["duplicate-participant", "Ines Duarte", 10],
      ["duplicate-participant", "Ann Lee", 11],
    ]);
    expect(
      codes(`G\nMeeting 2\n2 March 2023\n\nAgenda\n1. X\n\n1. X\nText.`).map((c) => c[0]),
    ).toEqual(["missing-participants"]);
  });
  it("reports discussion numbering that does not follow the agenda, once", () => {
    const t = `G\nMeeting 2\n2 March 2023\n\nAgenda\n1. Budget\n2. Plans\n3. AoB\n\n1. Budget\nx\n2. AoB\ny\n\nParticipants\nA B\n`;
    expect(codes(t)).toEqual([["agenda-section-mismatch", null, 12]]);
  });
});

describe("checks pass on converted Word lists", () => {
  it("does not read '1.' on every heading (numbers lost in conversion) as a numbering mismatch", () => {
    const t = `G\nMeeting 2\n2 March 2023\n\nAgenda\n1. Budget\n2. Plans\n\n1. Budget\nx\n\n1. Plans\ny\n\nParticipants\nA B\n`;
    const doc = runUntil(t, checks);
    expect(doc.sections!.map((s) => s.agendaIndex)).toEqual([0, 1]);
    expect(doc.issues).toEqual([]);
  });
});
