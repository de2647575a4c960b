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
  festival: "festiv",
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
  it("counts only words few of the group's sections use, rarest first, with their counts", () => {
    // "data" and "framework" are in most of the group's 20 sections: they tie nothing
    const rarity = {
      sections: 20,
      df: new Map([
        ["data", 15],
        ["framework", 12],
        ["qualiti", 2],
        ["survey", 1],
        ["migrat", 3],
        ["schedul", 4],
      ]),
    };
    const sections = [
      { title: "Framework", ord: 1, speakers: [], lexemes: ["data", "framework", "qualiti"] },
      { title: "Survey", ord: 2, speakers: [], lexemes: ["data", "qualiti", "survey"] },
    ];
    const f = findFollowUps(
      { text: "Circulate the data quality framework survey.", owner: null },
      [{ meetingId: 3, source: "m3.txt", start: null, sections }],
      stem,
      rarity,
    );
    expect(f.map((x) => [x.section, x.rarity, x.of])).toEqual([
      [
        "Survey",
        [
          { word: "survey", sections: 1 },
          { word: "quality", sections: 2 },
        ],
        20,
      ],
    ]);
  });
  it("ties a phrase the section writes in a row, never a person's name", () => {
    const rarity = {
      sections: 30,
      df: new Map([
        ["river", 4],
        ["festiv", 5],
        ["ana", 2],
      ]),
    };
    const section = (title: string, positions: Record<string, number[]>) => ({
      title,
      ord: 1,
      speakers: [],
      lexemes: Object.keys(positions),
      positions,
    });
    const later = [
      {
        meetingId: 4,
        source: "m4.txt",
        start: null,
        sections: [
          section("River festival", { river: [3], festiv: [4] }),
          // both words, but apart: not the phrase
          section("Budget", { river: [3], festiv: [40] }),
          // the owner's and a listed person's name
          section("Welcome", { ana: [1], silva: [2] }),
        ],
      },
    ];
    const f = findFollowUps(
      { text: "Ana Silva will look for River Festival sponsors.", owner: "Ana Silva" },
      later,
      stem,
      rarity,
      ["Ana Silva"],
    );
    expect(f.map((x) => [x.section, x.shared])).toEqual([
      ["River festival", ["river", "festival"]],
    ]);
  });
});
