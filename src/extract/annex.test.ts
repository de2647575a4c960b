import { describe, expect, it } from "vitest";
import { parseEntry, annex } from "./annex.js";
import { runUntil } from "./run-passes.js";

const entry = (s: string) => { const e = parseEntry(s, 1)!; return { name: e.name, affiliation: e.affiliation, roles: e.roles, nick: e.nick }; };

describe("participant entries", () => {
  it("splits 'Name, Org, Role' into name, affiliation and roles", () => {
    expect(entry("Ada Mwangi, Group's Co-Chair, Kenya ICT Action Network, Board Member")).toEqual({ name: "Ada Mwangi", affiliation: "Kenya ICT Action Network", roles: ["Group's Co-Chair", "Board Member"], nick: null });
  });
  it("reads 'Name – Org', 'Name (Org)' and 'Name Government of X'", () => {
    expect(entry("Ola Nordmann – Norwegian Digitalisation Agency")).toMatchObject({ name: "Ola Nordmann", affiliation: "Norwegian Digitalisation Agency" });
    expect(entry("Ines Duarte (ICANN)")).toMatchObject({ name: "Ines Duarte", affiliation: "ICANN" });
    expect(entry("Karl Berg Government of Sweden")).toMatchObject({ name: "Karl Berg", affiliation: "Government of Sweden" });
  });
  it("keeps a parenthesised nickname apart from the name", () => {
    expect(entry("Margaret Okafor (Peggy), Chair, Ministry of Digital Affairs")).toEqual({ name: "Margaret Okafor", affiliation: "Ministry of Digital Affairs", roles: ["Chair"], nick: "Peggy" });
  });
  it("treats a parenthesised role as a role, not a nickname", () => {
    expect(entry("Sven Aaltonen (Coordinator), Youth Network")).toEqual({ name: "Sven Aaltonen", affiliation: "Youth Network", roles: ["Coordinator"], nick: null });
  });
  it("trims stray commas and spaces", () => {
    expect(entry("Joe Bloggs ,  Board Member,")).toMatchObject({ name: "Joe Bloggs", roles: ["Board Member"] });
  });
  it("refuses lines that are not names", () => {
    expect(parseEntry("https://example.org/list", 1)).toBeNull();
    expect(parseEntry("", 1)).toBeNull();
  });
});

describe("annex pass", () => {
  it("reads a numbered list after 'Annex 1' / 'List of participants' and stops at 'Links:'", () => {
    const doc = runUntil(`G\nMeeting 1\n1 May 2024\n\nAnnex 1:\n\nList of participants\n\n1. A Person, Org A\n2. B Person (Org B)\n\nLinks:\n[x](#)`, annex);
    expect(doc.participants!.map((p) => [p.name, p.affiliation])).toEqual([["A Person", "Org A"], ["B Person", "Org B"]]);
  });
  it("reads an inline 'Present:' list separated by semicolons", () => {
    const doc = runUntil(`G call 2\n\nPresent: Ann Lee (Chair, Org One); Bo Chen (Org Two)\n\nThe second call of G took place on 3 May 2024 with everyone online for an hour.`, annex);
    expect(doc.participants!.map((p) => [p.name, p.affiliation, p.roles])).toEqual([["Ann Lee", "Org One", ["Chair"]], ["Bo Chen", "Org Two", []]]);
  });
  it("reads a table with a header row", () => {
    const doc = runUntil(`Attendees\n\n| Name | Organisation |\n|---|---|\n| Zoe Park | Seoul Lab |`, annex);
    expect(doc.participants!.map((p) => [p.name, p.affiliation])).toEqual([["Zoe Park", "Seoul Lab"]]);
  });
});

describe("more list shapes", () => {
  it("reads tables with first and last name columns, and one-paragraph lists", () => {
    const t = runUntil(`Participants\n\n| First name | Last name | Organisation | Role |\n|---|---|---|---|\n| Ann | Lee | Org One | Chair |\n| Bo | Chen | Org Two | |`, annex);
    expect(t.participants!.map((p) => [p.name, p.affiliation, p.roles])).toEqual([["Ann Lee", "Org One", ["Chair"]], ["Bo Chen", "Org Two", []]]);
    const p = runUntil(`Participants\n\nAnn Lee (Org One), Bo Chen (Org Two), Carla Diaz (Ministry of Roads), Dan Eze (University of Lagos)\n`, annex);
    expect(p.participants!.map((x) => [x.name, x.affiliation])).toEqual([["Ann Lee", "Org One"], ["Bo Chen", "Org Two"], ["Carla Diaz", "Ministry of Roads"], ["Dan Eze", "University of Lagos"]]);
  });
});
