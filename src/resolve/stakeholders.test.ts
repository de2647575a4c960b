import { describe, expect, it } from "vitest";
import { stakeholderClassifier } from "./stakeholders.js";

describe("stakeholder classification", () => {
  const classify = stakeholderClassifier();
  it("classifies by the rule table, first match winning", () => {
    expect(classify("Ministry of Digital Affairs, Ruritania")).toBe("Government");
    expect(classify("Government of Canada")).toBe("Government");
    expect(classify("UNESCO")).toBe("Intergovernmental organisation");
    expect(classify("PNDI Secretariat")).toBe("Secretariat/UN");
    expect(classify("University of Lakeside")).toBe("Academia");
    expect(classify("Open Rights Foundation")).toBe("Civil society");
    expect(classify("Acme Widgets Ltd")).toBe("Private sector");
    expect(classify("ICANN")).toBe("Technical community");
    expect(classify("Independent expert")).toBe("Independent");
  });
  it("leaves unknown affiliations unknown", () => {
    expect(classify("Zorblax")).toBeNull();
    expect(classify(null)).toBeNull();
  });
  it("lets user rules extend and override the table", () => {
    const mine = stakeholderClassifier([
      { pattern: "^Zorblax$", group: "Private sector" },
      { pattern: "Lakeside", group: "Civil society" },
    ]);
    expect(mine("Zorblax")).toBe("Private sector");
    expect(mine("University of Lakeside")).toBe("Civil society");
  });
});
