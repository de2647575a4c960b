import { describe, expect, it } from "vitest";
import { runUntil } from "./run-passes.js";
import { actions } from "./actions.js";

const REPORT = (body: string) =>
  `G\nMeeting 1\n8 April 2022 at 1 p.m. UTC\n\nAgenda\n1. Item\n\n1. Item\n${body}\n\nList of participants\n1. Ana Silva, Org\n`;
const acts = (body: string) =>
  runUntil(REPORT(body), actions).actions!.map((a) => [a.owner, a.due]);

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
    expect(acts(`All the group's members should submit proposals by 3 March.`)).toEqual([
      ["the group's members", "2022-03-03"],
    ]);
  });
  it("ignores vague periods, event dates, suggestions and the next meeting", () => {
    expect(
      acts(
        `The event takes place on 30 March - 1 April. Rosalind agreed with the proposal. It was suggested to rank the areas. The goal is that by 2025 all are included. The next meeting will be held on 28 April.`,
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
  it("reads each way a report states a commitment, with its owner", () => {
    const commit = (body: string) =>
      runUntil(REPORT(body), actions).actions!.map((a) => [a.text, a.owner]);
    expect(commit(`Ana Silva and Bo volunteered as reviewers.`)).toEqual([
      ["Ana Silva and Bo volunteered as reviewers.", "Ana Silva and Bo"],
    ]);
    expect(commit(`All the group's participants are invited to add their comments.`)).toEqual([
      ["All the group's participants are invited to add their comments.", "all participants"],
    ]);
    expect(commit(`Ana asked people to share the survey with their networks.`)).toEqual([
      ["Ana asked people to share the survey with their networks.", "all participants"],
    ]);
    expect(commit(`Ana explained the plan and the Bureau welcomes the Forum's feedback.`)).toEqual([
      ["the Bureau welcomes the Forum's feedback.", "Forum"],
    ]);
    expect(commit(`The fair is looking for sponsors, so any leads are welcome.`)).toEqual([
      ["The fair is looking for sponsors, so any leads are welcome.", null],
    ]);
    expect(commit(`The board would need some help from the Forum to collect examples.`)).toEqual([
      ["The board would need some help from the Forum to collect examples.", "Forum"],
    ]);
    // the reply's speaker owns what "will be shared", resolved to the list's spelling
    expect(commit(`Ana replied that the slides will be shared in a few days.`)).toEqual([
      ["Ana replied that the slides will be shared in a few days.", "Ana Silva"],
    ]);
    expect(commit(`The slides were shared. The paper will be released soon.`)).toEqual([]);
  });
  it("keeps another body's deadline as a dated note, not an action", () => {
    const doc = (body: string) => runUntil(REPORT(body), actions);
    const other = doc(
      `There were ten applications, and the Minister's office will review them. The deadline for applications is 29 April. The result should be announced before the end of the year.`,
    );
    expect(other.actions).toEqual([]);
    expect(other.notes!.map((n) => n.date)).toEqual(["2022-04-29", "2022-12-31"]);
    // a deadline set for other bodies' work: their process, not the group's
    const theirs = doc(`All national chapters should submit their reports by 3 March.`);
    expect(theirs.actions).toEqual([]);
    expect(theirs.notes).toHaveLength(1);
    // the group's own: a commitment in the paragraph speaks of the same thing
    const own = doc(
      `It was agreed to circulate the survey, and the Minister's office will review it. The deadline to submit the survey is 29 April.`,
    );
    expect(own.actions!.map((a) => a.due)).toEqual([null, "2022-04-29"]);
    expect(own.notes).toEqual([]);
  });
});
