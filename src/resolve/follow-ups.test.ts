import { describe, expect, it } from "vitest";
import { findFollowUps } from "./follow-ups.js";

// stems as the english dictionary gives them, for the words used here
const STEMS: Record<string, string> = {
  results: "result",
  data: "data",
  quality: "qualiti",
  framework: "framework",
  survey: "survey",
  migration: "migrat",
  schedule: "schedul",
  members: "member",
  updates: "updat",
};
const stem = (w: string) => STEMS[w] ?? w;

describe("action follow-ups", () => {
  const later = [
    {
      meetingId: 2,
      source: "m2.txt",
      start: "2024-05-07",
      sections: [
        {
          title: "DQF first draft",
          ord: 1,
          speakers: ["Kenji Morimoto"],
          lexemes: [
            "dqf",
            "first",
            "draft",
            "kenji",
            "morimoto",
            "present",
            "data",
            "qualiti",
            "framework",
          ],
        },
        {
          title: "Portal migration",
          ord: 2,
          speakers: ["Lucía Fernández"],
          lexemes: ["portal", "migrat", "schedul", "publish"],
        },
        { title: "Any other business", ord: 3, speakers: [], lexemes: ["none"] },
      ],
    },
  ];
  it("finds later sections on the same object, with the action's shared words as evidence", () => {
    const f = findFollowUps(
      {
        text: "Results of the data quality framework survey are to be discussed at the next meeting.",
        owner: null,
      },
      later,
      stem,
    );
    expect(f.map((x) => [x.section, x.shared])).toEqual([
      ["DQF first draft", ["data", "quality", "framework"]],
    ]);
    expect(
      findFollowUps(
        {
          text: "The Secretariat will publish the migration schedule by 30 April.",
          owner: "Lucía Fernández",
        },
        later,
        stem,
      ).map((x) => [x.section, x.owner, x.shared]),
    ).toEqual([["Portal migration", true, ["migration", "schedule"]]]);
  });
  it("does not link on common report words alone", () => {
    expect(
      findFollowUps(
        { text: "Members will share updates at the next meeting.", owner: null },
        later,
        stem,
      ),
    ).toEqual([]);
  });
});
