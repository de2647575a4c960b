import { describe, expect, it } from "vitest";
import { parseNumber, romanToInt, wordsToInt } from "./numbers.js";
import { findDates, notBefore, endOfPeriod } from "./when.js";
import { sentences, titleSimilarity, stripMarkdown } from "./text.js";

describe("numbers", () => {
  it("reads arabic, roman, ordinal words and typo ordinals", () => {
    expect(
      ["14", "XIV", "fourteenth", "twenty-first", "33nd", "3rd", "#7"].map(parseNumber),
    ).toEqual([14, 14, 14, 21, 33, 3, 7]);
    expect(romanToInt("IIII")).toBeNull();
    expect(wordsToInt("banana")).toBeNull();
  });
});

describe("dates", () => {
  const ref = new Date("2022-04-08T13:00:00Z");
  it("joins a date and a separate time, and converts zones", () => {
    expect(findDates("April 21 (10 PM UTC)", ref).map((f) => [f.date, f.time])).toEqual([
      ["2022-04-21", "22:00"],
    ]);
    // a zone's name or abbreviation is read as that zone, with the date's daylight-saving rule
    expect(findDates("4 June 2024, 15:00 EST", ref).map((f) => [f.date, f.time])).toEqual([
      ["2024-06-04", "19:00"],
    ]);
    expect(findDates("4 June 2024, 4:00pm Eastern Time", ref).map((f) => [f.date, f.time])).toEqual(
      [["2024-06-04", "20:00"]],
    );
    expect(
      findDates("4 December 2024, 4:00pm Eastern Time", ref).map((f) => [f.date, f.time]),
    ).toEqual([["2024-12-04", "21:00"]]);
    expect(
      findDates("15/09/2021 10:00-12:00 PM (GMT+1)", ref).map((f) => [f.date, f.time]),
    ).toEqual([["2021-09-15", "09:00"]]);
    // a time without a zone gives the date alone (kept as written in `local`)
    expect(findDates("12.03.2024 at 13h00", ref).map((f) => [f.date, f.time, f.local])).toEqual([
      ["2024-03-12", null, "13:00"],
    ]);
    expect(
      findDates("6:00pm (Lausanne time) on Wednesday, November 30, 2016", ref).map((f) => [
        f.date,
        f.time,
      ]),
    ).toEqual([["2016-11-30", null]]);
  });
  it("ignores lone times and month-only phrases for day-precise uses", () => {
    expect(findDates("at 10 am", ref)).toEqual([]);
    expect(findDates("in December", ref).filter((f) => f.dayGiven)).toEqual([]);
  });
  it("moves a year-less date after the meeting", () => {
    expect(
      notBefore(
        findDates("13 January", new Date("2022-11-24T00:00:00Z"))[0]!,
        new Date("2022-11-24T00:00:00Z"),
      ).date,
    ).toBe("2023-01-13");
    expect(endOfPeriod("end of June", ref)).toBe("2022-06-30");
  });
});

describe("text", () => {
  it("splits sentences without breaking at titles and abbreviations", () => {
    expect(
      sentences("Dr. Ann Lee spoke at 3 p.m. Today. The U.S. delegation agreed. Fine").map(
        (s) => s.text,
      ),
    ).toEqual(["Dr. Ann Lee spoke at 3 p.m. Today.", "The U.S. delegation agreed.", "Fine"]);
  });
  it("compares titles and strips Markdown", () => {
    expect(
      titleSimilarity("Budget lines", "Budget lines of the secretariat for the year"),
    ).toBeGreaterThan(0.5);
    expect(titleSimilarity("Budget", "Outreach")).toBe(0);
    expect(stripMarkdown("## **[Policy brief](#)**")).toBe("Policy brief");
  });
});

describe("meeting numbers are not days", () => {
  it("masks '#4', 'No. 12' and 'Meeting 12' before a date, but keeps 'meeting 20 May'", () => {
    const ref = new Date("2023-01-01T00:00:00Z");
    expect(findDates("Call #4 – 12 April 2023", ref).map((f) => f.date)).toEqual(["2023-04-12"]);
    expect(findDates("Meeting 12 – 4 June 2023", ref).map((f) => f.date)).toEqual(["2023-06-04"]);
    expect(findDates("the next meeting 20 May at 1 pm UTC", ref).map((f) => f.date)).toEqual([
      "2023-05-20",
    ]);
  });
});
