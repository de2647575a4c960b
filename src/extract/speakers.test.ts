import { describe, expect, it } from "vitest";
import { runUntil } from "./run-passes.js";
import { speakers } from "./speakers.js";

const LIST = `\n\nList of participants\n1. Justine Fairweather, Org A\n2. Piero Dell'Orto, Org B\n3. Margaret Okafor (Peggy), Chair\n4. Tom Reyes, Org C\n5. Tom Lindqvist, Org D\n6. Ana Silva\n`;
const run = (body: string) => {
  const doc = runUntil(
    `G\nMeeting 1\n1 May 2024\n\nAgenda\n1. Item\n\n1. Item\n${body}${LIST}`,
    speakers,
  );
  return { names: doc.sections![0]!.speakers, unlisted: doc.unlisted!.map((u) => u.name) };
};

describe("speakers pass", () => {
  it("resolves first names, misspellings, case and nicknames to the list", () => {
    expect(
      run(`Justin Fairweather said yes. Piero dell'Orto recalled the rules. Peggy replied.`).names,
    ).toEqual(["Justine Fairweather", "Piero Dell'Orto", "Margaret Okafor"]);
  });
  it("does not count people who are only mentioned", () => {
    expect(
      run(
        `Ana Silva gave an update on behalf of Ada Byron. Grace Hopper was quoted. The panel thanked Tom Reyes.`,
      ).names,
    ).toEqual(["Ana Silva"]);
  });
  it("counts coordinated subjects, 'Name:' lines and he/she after a named subject", () => {
    expect(
      run(`Ana Silva and Tom Reyes volunteered.\n\n- Justine Fairweather: supports the idea`).names,
    ).toEqual(["Ana Silva", "Tom Reyes", "Justine Fairweather"]);
    expect(run(`Ana Silva is waiting for the draft. She stated it was late.`).names).toEqual([
      "Ana Silva",
    ]);
  });
  it("keeps speakers missing from the list as written and reports them", () => {
    expect(run(`Tobias volunteered as a mentor.`)).toEqual({
      names: ["Tobias"],
      unlisted: ["Tobias"],
    });
  });
  it("does not merge two people who share a first name", () => {
    const r = run(`Tom said that the plan was good.`);
    expect(r.names).toEqual(["Tom"]);
    expect(r.unlisted).toEqual([]);
    expect(run(`Tom Reyes shared data. Tom added a note.`).names).toEqual(["Tom Reyes"]);
  });
  it("does not take organisations or acronyms for people", () => {
    expect(
      run(
        `UNESCO released a brief. The Ethiopian Government has suggested dates. The DCs noted progress.`,
      ).names,
    ).toEqual([]);
  });
});

describe("speakers with titles and appositives", () => {
  it("counts 'Ms. Name', 'Name (Org) said' and 'Name, the chair of X, said'", () => {
    expect(
      run(
        `Ms. Ana Silva noted the delay. Tom Reyes (Org C) said it was fine. Margaret Okafor, the chair of the board, stated her view.`,
      ).names,
    ).toEqual(["Ana Silva", "Tom Reyes", "Margaret Okafor"]);
  });
});
