import { describe, expect, it } from "vitest";
import { plainText, sectionTexts } from "./section-text.js";

describe("section text", () => {
  it("takes the Markdown off: links, emphasis, list markers", () => {
    expect(plainText("- **Ada** opened [the convening](https://example.org/c) and [ ]( )")).toBe(
      "Ada opened the convening and",
    );
    expect(plainText("See <https://example.org/x> and _this_.")).toBe(
      "See https://example.org/x and this.",
    );
  });
  it("reads a section's paragraphs after its heading", () => {
    const lines = ["## 2. Budget", "", "Ada said the budget", "is fine.", "", "- Bo agreed."];
    const r = {
      sections: [{ title: "Budget", agendaIndex: null, speakers: [] }],
      provenance: { sections: [{ line: 1, endLine: 6 }] },
    };
    expect(sectionTexts(r as never, lines)).toEqual([
      ["Ada said the budget is fine.", "Bo agreed."],
    ]);
  });
});
