import { describe, expect, it } from "vitest";
import { runUntil } from "./run-passes.js";
import { actions } from "./actions.js";

const acts = (body: string) =>
  runUntil(
    `G\nMeeting 1\n8 April 2022 at 1 p.m. UTC\n\nAgenda\n1. Item\n\n1. Item\n${body}\n\nList of participants\n1. Ana Silva, Org\n`,
    actions,
  ).actions!.map((a) => [a.owner, a.due]);

describe("actions pass", () => {
  it("reads deadlines with the meeting's year and a joined time", () => {
    expect(acts(`The deadline to submit the form is April 21 (10 PM UTC).`)).toEqual([
      [null, "2022-04-21T22:00:00Z"],
    ]);
    expect(acts(`Comments are due by 3 June.`)).toEqual([[null, "2022-06-03"]]);
    expect(acts(`The announcement should be made before the end of the year.`)).toEqual([
      [null, "2022-12-31"],
    ]);
  });
  it("reads agreed commitments and 'Next steps:' with their owner", () => {
    expect(acts(`It was agreed that Ana Silva will circulate the draft.`)).toEqual([
      ["Ana Silva", null],
    ]);
    expect(
      acts(`Next steps: results are to be discussed at the next meeting on 28 April 1 pm UTC.`),
    ).toEqual([[null, "2022-04-28T13:00:00Z"]]);
    expect(acts(`All working groups should submit proposals by 3 March.`)).toEqual([
      ["working groups", "2022-03-03"],
    ]);
  });
  it("ignores vague periods, event dates, suggestions and the next meeting", () => {
    expect(
      acts(
        `Feedback is welcome over the next week or two. The event takes place on 30 March - 1 April. Rosalind agreed with the proposal. It was suggested to rank the areas. The goal is that by 2025 all are included. The next meeting will be held on 28 April.`,
      ),
    ).toEqual([]);
  });
  it("takes every item under an 'Action items' label", () => {
    expect(
      acts(
        `Text.\n\nAction items:\n- Ana Silva to send the minutes by 12 May 2022.\n- Secretariat to book a room.`,
      ),
    ).toEqual([
      ["Ana Silva", "2022-05-12"],
      ["Secretariat", null],
    ]);
  });
});
