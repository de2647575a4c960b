import { describe, expect, it } from "vitest";
import { speakersOnTopic, termMatcher } from "./topic-speakers.js";

const LINES = [
  "3. Updates", // 1
  "Ana Silva presented the Regional Data Pact and its review.", // 2
  "Bo Lee reported on the budget; Cy Oduya asked about travel.", // 3
  "Cy Oduya welcomed the RDP timeline.", // 4
  "", // 5
  "4. AOB", // 6
];
const STATEMENTS = [
  { speaker: "Ana Silva", line: 2, endLine: 2 },
  { speaker: "Bo Lee", line: 3, endLine: 3 },
  { speaker: "Cy Oduya", line: 3, endLine: 3 },
  { speaker: "Cy Oduya", line: 4, endLine: 4 },
];
const section = {
  title: "Updates",
  line: 1,
  endLine: 4,
  speakers: ["Ana Silva", "Bo Lee", "Cy Oduya"],
};

describe("topic speakers", () => {
  it("credits those who spoke in the paragraphs that mention the topic, by any of its forms", () => {
    // one paragraph per line, as many reports write them
    const oneLine = LINES;
    const pact = termMatcher(["RDP", "Regional Data Pact"]);
    expect(speakersOnTopic(oneLine, section, STATEMENTS, pact)).toEqual(["Ana Silva", "Cy Oduya"]);
    // Bo Lee spoke in the section, on another matter
    expect(speakersOnTopic(oneLine, section, STATEMENTS, termMatcher(["timeline"]))).toEqual([
      "Cy Oduya",
    ]);
    expect(speakersOnTopic(oneLine, section, STATEMENTS, termMatcher(["budgets"]))).toEqual([]);
    expect(speakersOnTopic(oneLine, section, STATEMENTS, termMatcher(["budget"]))).toEqual([
      "Bo Lee",
      "Cy Oduya",
    ]);
  });
  it("reads a paragraph wrapped over lines as one", () => {
    const wrapped = [
      "3. Updates",
      "Bo Lee reported on the",
      "budget.",
      "Cy Oduya spoke on travel.",
    ];
    const st = [
      { speaker: "Bo Lee", line: 2, endLine: 2 },
      { speaker: "Cy Oduya", line: 4, endLine: 4 },
    ];
    expect(
      speakersOnTopic(
        wrapped,
        { ...section, speakers: ["Bo Lee", "Cy Oduya"] },
        st,
        termMatcher(["budget"]),
      ),
    ).toEqual(["Bo Lee"]);
  });
  it("credits every speaker of a section whose title names the topic", () => {
    expect(speakersOnTopic(LINES, section, STATEMENTS, termMatcher(["updates"]))).toEqual(
      section.speakers,
    );
  });
  it("matches terms with symbols as written, not inside other words", () => {
    const m = termMatcher(["Plan+10"]);
    expect(m("the RDP and Plan+10 review")).toBe(true);
    expect(m("the Plan+100 review")).toBe(false);
    expect(termMatcher(["pact"])("impact")).toBe(false);
  });
});
