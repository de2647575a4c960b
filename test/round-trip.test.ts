import { describe, expect, it } from "vitest";
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { extract, contractOf } from "../src/extract/pipeline.js";
import { readDocument } from "../src/readers/index.js";
import { readMarkdown } from "../src/readers/markdown.js";
import { renderReportMd } from "../src/render/report-md.js";
import { renderReportDocx } from "../src/render/report-docx.js";
import { renderReportHtml } from "../src/render/report-html.js";
import type { MeetingRecord } from "../src/model/record.js";
import { sectionTexts } from "../src/extract/section-text.js";
import { SHARED, ROOT } from "./helpers.js";

// The round trip: extract(render(record)) gives the record back, for the contract's fields.
// Findings (`issues`) describe a source text's inconsistencies, which a clean rendering
// does not repeat, and `source` is the file name: both are left out of the comparison.
const fields = (r: MeetingRecord) => {
  const { issues: _i, source: _s, ...rest } = contractOf(r);
  return rest;
};
const fromText = (text: string) => extract(readMarkdown(Buffer.from(text), "rendered.md"));

describe("render → extract round trip (Markdown)", () => {
  const seeds = readdirSync(join(SHARED, "corpus/seeds"))
    .sort()
    .map((f) => join(SHARED, "corpus/seeds", f));
  const examples = readdirSync(join(ROOT, "fixtures/reports")).map((d) =>
    join(
      ROOT,
      "fixtures/reports",
      d,
      readdirSync(join(ROOT, "fixtures/reports", d)).find((f) => f.startsWith("input."))!,
    ),
  );
  for (const file of [...seeds, ...examples]) {
    it(`holds for ${file.split("/").slice(-2).join("/")}, discussion text included`, async () => {
      const doc = await readDocument(readFileSync(file), file.split("/").pop()!);
      const record = extract(doc);
      expect(fields(fromText(renderReportMd(record)))).toEqual(fields(record));
      const texts = sectionTexts(record, doc.lines);
      const rendered = renderReportMd(record, texts, record.nicknames);
      expect(fields(fromText(rendered))).toEqual(fields(record));
      // the report, not a skeleton: every sentence of the original's discussion is in it
      const flat = rendered.replace(/\\(\S)/g, "$1").replace(/\s+/g, " ");
      const sentences = texts.flat().flatMap((p) => p.split(/(?<=[.!?])\s+/));
      expect(sentences.length).toBeGreaterThan(0);
      for (const s of sentences) expect(flat, s).toContain(s);
    });
  }
});

const FIRST = [
  "Ana",
  "Bo",
  "Chiara",
  "Dmitri",
  "Efua",
  "Farid",
  "Greta",
  "Hiro",
  "Ines",
  "Jamal",
  "Kaja",
  "Luis",
  "Mei",
  "Nadia",
  "Omar",
  "Priya",
];
const LAST = [
  "Abara",
  "Berglund",
  "Castillo",
  "Dlamini",
  "Eriksen",
  "Fontaine",
  "Gupta",
  "Haddad",
  "Ivanova",
  "Jensen",
  "Kowalczyk",
  "Lindqvist",
];
const WORDS = [
  "budget",
  "outreach",
  "survey",
  "training",
  "roadmap",
  "charter",
  "review",
  "consultation",
  "network",
  "mapping",
  "strategy",
  "website",
  "fellowship",
  "workshop",
  "plan",
];
const ORGS = [
  "Ministry of Digital Affairs",
  "Open Net Foundation",
  "University of Lakeside",
  "Civic Code Lab",
  "Regional Registry",
];
const ROLES = ["Chair", "Co-Chair", "Board Member", "Rapporteur", "Secretary"];

const title = fc
  .array(fc.constantFrom(...WORDS), { minLength: 2, maxLength: 5 })
  .map((ws) => ws.join(" ").replace(/^./, (c) => c.toUpperCase()));
const date = fc.date({
  min: new Date("2019-01-01T00:00:00Z"),
  max: new Date("2030-12-31T00:00:00Z"),
  noInvalidDate: true,
});
const when = fc
  .tuple(date, fc.boolean())
  .map(([d, withTime]) =>
    withTime
      ? `${d.toISOString().slice(0, 14)}00:00Z`.replace(/T(\d\d):00:00Z/, "T$1:00:00Z")
      : d.toISOString().slice(0, 10),
  );

/** Records as the extractor makes them: speakers and moderators are people of the list. */
const record = fc
  .record({
    people: fc.uniqueArray(
      fc.tuple(fc.constantFrom(...FIRST), fc.constantFrom(...LAST)).map(([f, l]) => `${f} ${l}`),
      { minLength: 1, maxLength: 8 },
    ),
    group: fc.option(
      fc
        .tuple(fc.constantFrom("Working Group on", "Steering Board on", "Policy Network on"), title)
        .map(([a, b]) => `${a} ${b}`),
      { nil: null },
    ),
    acronym: fc.option(fc.constantFrom("WGX", "SB-Data", "PN2"), { nil: null }),
    number: fc.option(fc.integer({ min: 1, max: 150 }), { nil: null }),
    start: fc.option(when, { nil: null }),
    next: fc.option(when, { nil: null }),
    agenda: fc.uniqueArray(title, { minLength: 1, maxLength: 5 }),
    subs: fc.array(
      fc.uniqueArray(fc.constantFrom("Dates", "Venue", "Funding", "Tools"), { maxLength: 2 }),
      { minLength: 5, maxLength: 5 },
    ),
    sections: fc.array(fc.tuple(fc.nat(6), fc.boolean(), fc.array(fc.nat(7), { maxLength: 3 })), {
      maxLength: 5,
    }),
    actions: fc.array(
      fc.tuple(
        title,
        fc.option(fc.nat(7), { nil: null }),
        fc.option(
          fc.date({
            min: new Date("2020-01-01T00:00:00Z"),
            max: new Date("2030-01-01T00:00:00Z"),
            noInvalidDate: true,
          }),
          { nil: null },
        ),
      ),
      { maxLength: 3 },
    ),
    aff: fc.array(fc.option(fc.constantFrom(...ORGS), { nil: null }), {
      minLength: 8,
      maxLength: 8,
    }),
    roles: fc.array(fc.uniqueArray(fc.constantFrom(...ROLES), { maxLength: 2 }), {
      minLength: 8,
      maxLength: 8,
    }),
    mods: fc.uniqueArray(fc.nat(7), { maxLength: 2 }),
    links: fc.array(
      fc.tuple(
        fc.constantFrom("https://example.org/a", "https://example.net/b?x=1", "www.example.com/c"),
        fc.option(fc.constantFrom("draft", "slides"), { nil: null }),
      ),
      { maxLength: 2 },
    ),
  })
  .map((g): MeetingRecord => {
    const agenda = g.agenda.map((t, i) => ({
      title: t,
      items: g.subs[i]!.map((s) => ({ title: s, items: [] })),
    }));
    return {
      source: "x.md",
      decisions: [],
      notes: [],
      group: g.group,
      groupAcronym: g.group ? g.acronym : null,
      number: g.number,
      start: g.start,
      // with no moderator named, whoever the list calls chair ran the meeting
      moderators: g.mods.length
        ? [...new Set(g.mods.map((i) => g.people[i % g.people.length]!))]
        : g.people.filter((_, i) => g.roles[i]!.some((r) => /chair/i.test(r))),
      agenda,
      sections: g.sections.map(([i, onAgenda, sp]) => ({
        title: onAgenda
          ? agenda[i % agenda.length]!.title
          : `Other ${WORDS[i % WORDS.length]} matters`,
        agendaIndex: onAgenda ? i % agenda.length : null,
        speakers: [...new Set(sp.map((k) => g.people[k % g.people.length]!))],
      })),
      actions: g.actions.map(([t, o, d]) => ({
        text: `${t} to be completed by the group.`,
        owner: o === null ? null : g.people[o % g.people.length]!,
        due: d ? d.toISOString().slice(0, 10) : null,
      })),
      nextMeeting: g.next,
      participants: g.people.map((name, i) => ({
        name,
        affiliation: g.aff[i]!,
        roles: g.roles[i]!,
      })),
      links: g.links.map(([url, text]) => ({ url, text })),
      issues: [],
    };
  });

describe("round trip on generated records", () => {
  it("gives back every contract field (Markdown)", () => {
    fc.assert(
      fc.property(record, (r) => {
        expect(fields(fromText(renderReportMd(r)))).toEqual(fields(r));
      }),
      {
        numRuns: 200,
        ...(process.env.FC_SEED
          ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH, endOnFailure: true }
          : {}),
      },
    );
  });
});

describe("render → extract round trip (DOCX and HTML)", () => {
  const viaDocx = async (r: MeetingRecord) =>
    extract(await readDocument(await renderReportDocx(r), "rendered.docx"));
  const viaHtml = async (r: MeetingRecord) =>
    extract(await readDocument(Buffer.from(renderReportHtml(r)), "rendered.html"));
  const seeds = readdirSync(join(SHARED, "corpus/seeds"))
    .sort()
    .map((f) => join(SHARED, "corpus/seeds", f));
  it("holds for every seed report", async () => {
    for (const file of seeds) {
      const record = extract(await readDocument(readFileSync(file), file.split("/").pop()!));
      expect(fields(await viaDocx(record)), `${file} via docx`).toEqual(fields(record));
      expect(fields(await viaHtml(record)), `${file} via html`).toEqual(fields(record));
    }
  });
  it("gives back every contract field for generated records", async () => {
    await fc.assert(
      fc.asyncProperty(record, async (r) => {
        expect(fields(await viaDocx(r))).toEqual(fields(r));
        expect(fields(await viaHtml(r))).toEqual(fields(r));
      }),
      {
        numRuns: 40,
        ...(process.env.FC_SEED
          ? { seed: Number(process.env.FC_SEED), path: process.env.FC_PATH, endOnFailure: true }
          : {}),
      },
    );
  });
});
