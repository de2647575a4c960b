import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fieldText, parseFieldText } from "./field-text.js";
import { CORRECTABLE, CORRECTABLE_FIELDS } from "./corrections.js";
import type { MeetingRecord } from "./record.js";

const ROOT = join(import.meta.dirname, "../../fixtures/reports");
const records = readdirSync(ROOT).map(
  (d) => JSON.parse(readFileSync(join(ROOT, d, "expected.json"), "utf8")) as MeetingRecord,
);

describe("field text", () => {
  it.each(CORRECTABLE_FIELDS)("gives back every fixture's %s unchanged", (field) => {
    for (const r of records) {
      const back = CORRECTABLE.shape[field].parse(parseFieldText(field, fieldText(r, field)));
      expect(back, `${r.source} ${field}`).toEqual(r[field]);
    }
  });

  it("reads what an editor types", () => {
    expect(parseFieldText("start", "2025-03-12 17:30")).toBe("2025-03-12T17:30:00Z");
    expect(parseFieldText("number", " 12 ")).toBe(12);
    expect(parseFieldText("agenda", "Opening\n  Welcome\n  Minutes\nBudget\n\n")).toEqual([
      {
        title: "Opening",
        items: [
          { title: "Welcome", items: [] },
          { title: "Minutes", items: [] },
        ],
      },
      { title: "Budget", items: [] },
    ]);
    expect(
      parseFieldText(
        "participants",
        "Ada Lovelace | Analytical Society | Chair; Rapporteur\nBo Li",
      ),
    ).toEqual([
      { name: "Ada Lovelace", affiliation: "Analytical Society", roles: ["Chair", "Rapporteur"] },
      { name: "Bo Li", affiliation: null, roles: [] },
    ]);
    expect(parseFieldText("sections", "Budget | 2 | Ada Lovelace; Bo Li\nAOB")).toEqual([
      { title: "Budget", agendaIndex: 1, speakers: ["Ada Lovelace", "Bo Li"] },
      { title: "AOB", agendaIndex: null, speakers: [] },
    ]);
    expect(CORRECTABLE.shape.start.safeParse(parseFieldText("start", "2025-02-30")).success).toBe(
      false,
    );
  });
});
