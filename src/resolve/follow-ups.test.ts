import { describe, expect, it } from "vitest";
import { findFollowUps } from "./follow-ups.js";

describe("action follow-ups", () => {
  const later = [{ meetingId: 2, source: "m2.txt", start: "2024-05-07", sections: [
    { title: "DQF first draft", ord: 1, body: "Kenji Morimoto presented the first draft of the data quality framework.", speakers: ["Kenji Morimoto"] },
    { title: "Portal migration", ord: 2, body: "The migration schedule was published.", speakers: ["Lucía Fernández"] },
    { title: "Any other business", ord: 3, body: "None.", speakers: [] },
  ] }];
  it("finds later sections on the same object, with the shared words as evidence", () => {
    const f = findFollowUps({ text: "Results of the data quality framework survey are to be discussed at the next meeting.", owner: null }, later);
    expect(f.map((x) => [x.section, x.shared])).toEqual([["DQF first draft", ["data", "quality", "framework"]]]);
    expect(findFollowUps({ text: "The Secretariat will publish the migration schedule by 30 April.", owner: "Lucía Fernández" }, later).map((x) => [x.section, x.owner])).toEqual([["Portal migration", true]]);
  });
  it("does not link on common report words alone", () => {
    expect(findFollowUps({ text: "Members will share updates at the next meeting.", owner: null }, later)).toEqual([]);
  });
});
