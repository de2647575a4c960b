import { describe, expect, it } from "vitest";
import { runUntil } from "./run-passes.js";
import { people } from "./people.js";

const run = (list: string, body: string) =>
  runUntil(
    `Harbour Forum\nMeeting 3\n4 June 2024\n\nPresent:\n${list}\n\nApologies: Lea Voss\n\n1. Welcome\n\n${body}\n`,
    people,
  );

describe("people pass", () => {
  it("learns handles the list gives and handles built from one listed name", () => {
    const doc = run(
      "- Olaf Brenner @obren\n- Ruth Kimura\n- Ines Dahl",
      "<rkimura> shared the draft. Budget (idahl) was agreed.",
    );
    const byName = new Map(doc.people!.map((k) => [k.name, k.handles]));
    expect(byName.get("Olaf Brenner")).toEqual(["obren"]);
    expect(byName.get("Ruth Kimura")).toEqual(["rkimura"]);
    expect(byName.get("Ines Dahl")).toEqual(["idahl"]);
    expect(doc.mentions).toEqual(
      expect.arrayContaining([
        { name: "Olaf Brenner", alias: "obren" },
        { name: "Ruth Kimura", alias: "rkimura" },
      ]),
    );
  });

  it("keeps 'Mr. Surname' and the untitled name as spellings of the listed person", () => {
    const doc = run(
      "- Professor Olaf Brenner\n- Ruth Kimura\n- Karl Kimura",
      "Mr. Brenner opened. Olaf Brenner spoke. Ms. Kimura replied.",
    );
    expect(doc.mentions).toEqual([
      { name: "Professor Olaf Brenner", alias: "Mr. Brenner" },
      { name: "Professor Olaf Brenner", alias: "Olaf Brenner" },
    ]);
    expect(doc.absent!.map((a) => a.name)).toEqual(["Lea Voss"]);
  });
});
