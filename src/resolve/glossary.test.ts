import { describe, expect, it } from "vitest";
import { findDefinitions, mergeGlossary } from "./glossary.js";

describe("glossary", () => {
  it("learns acronyms from 'Long Name (ACR)' definitions", () => {
    const text =
      "The Open Data Steering Board (ODSB) met. It discussed the Data Quality Framework (DQF), the work of the Expert Group Meeting (EGM) and the Network of Youth Forums (NYF); see also Digital Rights Caucus (ODSB).";
    expect(findDefinitions(text).map((d) => [d.acronym, d.expansion])).toEqual([
      ["ODSB", "Open Data Steering Board"],
      ["DQF", "Data Quality Framework"],
      ["EGM", "Expert Group Meeting"],
      ["NYF", "Network of Youth Forums"],
    ]);
  });
  it("finds a definition with its parenthesis on the next line, and one after a long run of words", () => {
    const long = "word ".repeat(300);
    expect(
      findDefinitions(
        `We heard from the Forum Support Association\n  (FSA) today. ${long}and the Multilingual Access Working Group (MAWG).`,
      ).map((d) => d.expansion),
    ).toEqual(["Forum Support Association", "Multilingual Access Working Group"]);
  });
  it("ignores parentheses that are not definitions", () => {
    expect(findDefinitions("Ann Lee (Chair) and the report (draft 2) and Bo Chen (ITU).")).toEqual(
      [],
    );
  });
  it("learns an acronym used beside its expansion without parentheses, when one phrase fits", () => {
    const text =
      "The Lantern Access Panel met twice. Members asked the LAP to publish its notes. The Lamp Arts Project and the Light Archive Programme also spoke; LAP2 was not discussed.";
    expect(findDefinitions(text)).toEqual([]); // three phrases spell LAP: none is learned
    expect(
      findDefinitions(
        "Work on the Harbour Light Charter continued. The HLC consultation closes soon.",
      ),
    ).toEqual([{ acronym: "HLC", expansion: "Harbour Light Charter", loose: true }]);
  });
  it("lets the user's glossary win", () => {
    expect(
      mergeGlossary(
        [{ acronym: "DQF", expansion: "Data Quality Framework", source: "a.txt" }],
        [{ acronym: "DQF", expansion: "Data Quality Forum" }],
      ),
    ).toEqual([{ acronym: "DQF", expansion: "Data Quality Forum", source: null }]);
  });
});
