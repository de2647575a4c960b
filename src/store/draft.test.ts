import { describe, expect, it } from "vitest";
import { standingItems } from "./draft.js";
import type { StoredRecord } from "./meeting-rows.js";

const meeting = (...items: string[]) =>
  ({ agenda: items.map((title) => ({ title, items: [] })) }) as unknown as StoredRecord;

describe("standing items", () => {
  it("are the items most recent meetings had, besides the opening and AOB", () => {
    const recent = [
      meeting("Adoption of the agenda", "Budget review", "Outreach", "Any other business"),
      meeting("Adoption of the agenda", "Budget Review", "Any other business"),
      meeting("Adoption of the agenda", "Budget review.", "Website", "AOB"),
      meeting("Adoption of the agenda", "Outreach"),
    ];
    expect(standingItems(recent)).toEqual(["Budget review"]);
    expect(standingItems(recent.slice(0, 2))).toEqual([]);
  });
});
