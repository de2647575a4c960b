import { describe, expect, it } from "vitest";
import { runUntil } from "./run-passes.js";
import { header } from "./header.js";

const facts = (text: string) => runUntil(text, header).header!;

describe("header pass", () => {
  it("reads group, roman number and a p.m. UTC start from a classic header", () => {
    const h = facts(
      `Regional Broadband Forum\n\nOnline Meeting XIV\n8 April 2022 at 3 p.m. UTC\n\nSummary Report\n\nThe fourteenth virtual meeting of the Regional Broadband Forum (RBF) was held on 8 April 2022 at 3 p.m. UTC. Long enough intro.`,
    );
    expect(h).toMatchObject({
      group: "Regional Broadband Forum",
      groupAcronym: "RBF",
      number: 14,
      start: "2022-04-08T15:00:00Z",
    });
    expect(h.bodyNumber?.value).toBe(14);
  });

  it("reads 'Minutes of the Nth meeting of …' and converts an explicit zone to UTC", () => {
    const h = facts(
      `Minutes of the 5th meeting of the Harbour Data Council\n12 January 2023, 10:00 CET\n\nThe meeting took place on 12 January 2023 and lasted an hour, with all members present online.`,
    );
    expect(h.group).toBe("Harbour Data Council");
    expect(h.number).toBe(5);
    expect(h.start).toBe("2023-01-12T09:00:00Z");
  });

  it("takes '15:00 p.m.' as 15:00 and keeps the header time over the body's", () => {
    const h = facts(
      `Board of Stewards\nMeeting 3\n2 May 2024 at 15:00 p.m. UTC\n\nThe 3rd meeting of the Board of Stewards was held on 2 May 2024 at 16:00 UTC with a quorum of members.`,
    );
    expect(h.start).toBe("2024-05-02T15:00:00Z");
    expect(h.bodyDate).toMatchObject({ date: "2024-05-02", time: "16:00" });
  });

  it("reads '18nd'-style ordinals in the body and ordinal words", () => {
    expect(
      facts(
        `Group A\nMeeting 17\n1 June 2022\n\nThe 18nd virtual meeting of the Group A was held on 1 June 2022 with members from many regions.`,
      ).bodyNumber?.value,
    ).toBe(18);
    expect(
      facts(
        `Group B\n\nThe twenty-third online meeting of Group B was held on 4 June 2022 at 10:00 UTC with a long intro text.`,
      ).number,
    ).toBe(23);
  });

  it("falls back to the intro for the group when the header has none", () => {
    const h = facts(
      `Summary Report\n3 March 2020\n\nThe 2nd meeting of the Coastal Mapping Working Group (CMWG) was held on 3 March 2020 at 09:00 UTC, online.`,
    );
    expect(h).toMatchObject({
      group: "Coastal Mapping Working Group",
      groupAcronym: "CMWG",
      number: 2,
      start: "2020-03-03T09:00:00Z",
    });
  });

  it("combines a date line with a separate time line", () => {
    const h = facts(
      `Caucus X — Call 4\nDate: 9 September 2024\nTime: 14:30 UTC\n\nThe fourth call of Caucus X took place on 9 September 2024, with eight members present and one observer.`,
    );
    expect(h).toMatchObject({ group: "Caucus X", number: 4, start: "2024-09-09T14:30:00Z" });
  });
});

describe("header lines that hold everything", () => {
  it("reads 'Group – Call #4 – 12 April 2023, 14:00 UTC' and 'Meeting summary: Group'", () => {
    const a = facts(
      `Best Practice Forum on Cyber Norms – Call #4 – 12 April 2023, 14:00 UTC\n\nThe call discussed the draft outline of the report with the participants listed below.`,
    );
    expect(a).toMatchObject({
      group: "Best Practice Forum on Cyber Norms",
      number: 4,
      start: "2023-04-12T14:00:00Z",
    });
    const b = facts(
      `Meeting summary: Policy Network on Access\nSession 9, 3 May 2024\n\nA short introduction that is long enough to be treated as the intro paragraph.`,
    );
    expect(b).toMatchObject({ group: "Policy Network on Access", number: 9, start: "2024-05-03" });
  });
});

describe("date and time on one labelled line", () => {
  it("reads 'Date: 12 March 2024 | Time: 13:00 UTC'", () => {
    expect(
      facts(
        `Caucus Y — Meeting 6\nDate: 12 March 2024 | Time: 13:00 UTC\n\nThe sixth meeting of Caucus Y took place online with members from four regions.`,
      ).start,
    ).toBe("2024-03-12T13:00:00Z");
  });
});
