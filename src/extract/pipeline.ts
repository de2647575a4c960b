import type { LineDoc } from "../model/line-doc.js";
import type { FullRecord, MeetingRecord, AgendaItem, Span } from "../model/record.js";
import type { Doc, Pass, AgendaNode } from "./doc.js";
import { analyseLines, type Line } from "./lines.js";
import { outline } from "./outline.js";
import { header } from "./header.js";
import { agenda } from "./agenda.js";
import { annex } from "./annex.js";
import { people } from "./people.js";
import { moderators } from "./moderators.js";
import { sections } from "./sections.js";
import { speakers } from "./speakers.js";
import { nextMeeting } from "./next-meeting.js";
import { links } from "./links.js";
import { actions } from "./actions.js";
import { checks } from "./checks.js";

/** The passes, in order; each adds one concern to the document. */
export const PASSES: readonly Pass[] = [outline, header, agenda, annex, people, moderators, sections, speakers, nextMeeting, links, actions, checks];

/** Version of the extractor, stored beside records so a store knows what to re-extract. */
export const EXTRACTOR_VERSION = "1.0.0";

/** The document the passes start from. */
export function startDoc(input: LineDoc): Doc {
  const lines = analyseLines(input.lines);
  return { source: input.source, format: input.format, lines, lowercaseWords: lazyLowercaseWords(lines) };
}

// Only unknown capitalised words are looked up here, in few reports: build the set on first use.
function lazyLowercaseWords(lines: Line[]): ReadonlySet<string> {
  let set: Set<string> | null = null;
  const build = () => {
    if (!set) {
      set = new Set();
      for (const l of lines) for (const w of l.text.match(/(?<![\p{L}'’])\p{Ll}[\p{Ll}'’-]+/gu) ?? []) set.add(w);
    }
    return set;
  };
  return { has: (w: string) => build().has(w), get size() { return build().size; } } as ReadonlySet<string>;
}

/** Runs every pass over a line document and returns the full record. Never throws on text. */
export function extract(input: LineDoc): FullRecord {
  let doc = startDoc(input);
  for (const pass of PASSES) doc = pass(doc);
  return toRecord(doc);
}

/** The contract's fields only, in the contract's order. */
export function contractOf(r: MeetingRecord): MeetingRecord {
  const { source, group, groupAcronym, number, start, moderators, agenda, sections, actions, nextMeeting, participants, links, issues } = r;
  return { source, group, groupAcronym, number, start, moderators, agenda, sections, actions, nextMeeting, participants, links, issues };
}

/** The stored and printed form of a record: the contract plus the provenance of its facts. */
export const printable = (r: FullRecord): MeetingRecord & { provenance: FullRecord["provenance"] } => ({ ...contractOf(r), provenance: r.provenance });

const span = (line: number, endLine = line): Span => ({ line, endLine });
const plainAgenda = (items: AgendaNode[]): AgendaItem[] => items.map((i) => ({ title: i.title, items: plainAgenda(i.items) }));
const flatSpans = (items: AgendaNode[]): Span[] => items.flatMap((i) => [span(i.line), ...flatSpans(i.items)]);

function toRecord(doc: Doc): FullRecord {
  const h = doc.header!;
  return {
    source: doc.source,
    group: h.group,
    groupAcronym: h.groupAcronym,
    number: h.number,
    start: h.start,
    moderators: (doc.moderators ?? []).map((m) => m.name),
    agenda: plainAgenda(doc.agenda ?? []),
    sections: (doc.sections ?? []).map((s) => ({ title: s.title, agendaIndex: s.agendaIndex, speakers: s.speakers })),
    actions: (doc.actions ?? []).map(({ text, owner, due }) => ({ text, owner, due })),
    nextMeeting: doc.nextMeeting?.value ?? null,
    participants: (doc.participants ?? []).map(({ name, affiliation, roles }) => ({ name, affiliation, roles })),
    links: (doc.links ?? []).map(({ url, text }) => ({ url, text })),
    issues: doc.issues ?? [],
    format: doc.format,
    statements: doc.statements ?? [],
    nicknames: (doc.people ?? []).filter((k) => k.nickDisplay).map((k) => ({ name: k.name, nick: k.nickDisplay! })),
    provenance: {
      source: doc.source,
      group: h.groupSpan,
      number: h.numberSpan,
      start: h.startSpan,
      nextMeeting: doc.nextMeeting ? span(doc.nextMeeting.line) : null,
      moderators: (doc.moderators ?? []).map((m) => span(m.line)),
      agenda: flatSpans(doc.agenda ?? []),
      sections: (doc.sections ?? []).map((s) => span(s.line, s.endLine)),
      actions: (doc.actions ?? []).map((a) => span(a.line, a.endLine)),
      participants: (doc.participants ?? []).map((p) => span(p.line)),
      links: (doc.links ?? []).map((l) => span(l.line)),
    },
  };
}

/** Whether a record looks like a meeting report at all (a date, an agenda, sections or a list). */
export function looksLikeReport(r: MeetingRecord): boolean {
  const signals = [r.start !== null, r.number !== null, r.agenda.length > 0, r.sections.length > 0, r.participants.length > 1, r.moderators.length > 0];
  return signals.filter(Boolean).length >= 2;
}
