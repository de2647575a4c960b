import type { LineDoc } from "../model/line-doc.js";
import type { FullRecord, MeetingRecord, AgendaItem, Span } from "../model/record.js";
import type { Doc, Pass, AgendaNode } from "./doc.js";
import { flatten } from "./nodes.js";
import { numericOrder } from "./when.js";
import { outline } from "./outline.js";
import { header } from "./header.js";
import { agenda } from "./agenda.js";
import { participants } from "./participants.js";
import { people } from "./people.js";
import { moderators } from "./moderators.js";
import { sections } from "./sections.js";
import { speakers } from "./speakers.js";
import { nextMeeting } from "./next-meeting.js";
import { links } from "./links.js";
import { actions } from "./actions.js";
import { checks } from "./checks.js";
import { decisions } from "./decisions.js";

/** The passes, in order; each adds one concern to the document. */
export const PASSES: readonly Pass[] = [
  outline,
  header,
  agenda,
  participants,
  people,
  moderators,
  sections,
  speakers,
  nextMeeting,
  links,
  actions,
  decisions,
  checks,
];

/** Version of the extractor, stored beside records so a store knows what to re-extract. */
export const EXTRACTOR_VERSION = "2.3.0";

/** The document the passes start from: the reader's tree, flattened into nodes. */
export function startDoc(input: LineDoc): Doc {
  const nodes = flatten(input.blocks);
  const text = nodes.map((n) => n.text).join("\n");
  return {
    source: input.source,
    format: input.format,
    lines: input.lines,
    blocks: input.blocks,
    title: input.title ?? null,
    nodes,
    order: numericOrder(text),
    lowercaseWords: lazyLowercaseWords(text),
  };
}

// Only unknown capitalised words are looked up here, in few reports: build the set on first use.
function lazyLowercaseWords(text: string): ReadonlySet<string> {
  let set: Set<string> | null = null;
  const build = () => {
    if (!set) {
      set = new Set();
      for (const w of text.match(/(?<![\p{L}'’])\p{Ll}[\p{Ll}'’-]+/gu) ?? []) set.add(w);
    }
    return set;
  };
  return {
    has: (w: string) => build().has(w),
    get size() {
      return build().size;
    },
  } as ReadonlySet<string>;
}

/** Runs every pass over a document and returns the full record. Never throws on text. */
export function extract(input: LineDoc): FullRecord {
  let doc = startDoc(input);
  for (const pass of PASSES) doc = pass(doc);
  return toRecord(doc);
}

export { contractOf, printable, storable } from "../model/printable.js";

const span = (line: number, endLine = line): Span => ({ line, endLine });
const plainAgenda = (items: AgendaNode[]): AgendaItem[] =>
  items.map((i) => ({ title: i.title, items: plainAgenda(i.items) }));
const flatSpans = (items: AgendaNode[]): Span[] =>
  items.flatMap((i) => [span(i.line), ...flatSpans(i.items)]);

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
    sections: (doc.sections ?? []).map((s) => ({
      title: s.title,
      agendaIndex: s.agendaIndex,
      speakers: s.speakers,
    })),
    actions: (doc.actions ?? []).map(({ text, owner, due }) => ({ text, owner, due })),
    nextMeeting: doc.nextMeeting?.value ?? null,
    participants: (doc.participants ?? []).map(({ name, affiliation, roles }) => ({
      name,
      affiliation,
      roles,
    })),
    links: (doc.links ?? []).map(({ url, text }) => ({ url, text })),
    decisions: (doc.decisions ?? []).map(({ text }) => ({ text })),
    notes: (doc.notes ?? []).map(({ text, date }) => ({ text, date })),
    issues: doc.issues ?? [],
    format: doc.format,
    statements: doc.statements ?? [],
    nicknames: (doc.people ?? [])
      .filter((k) => k.nickDisplay)
      .map((k) => ({ name: k.name, nick: k.nickDisplay! })),
    absent: (doc.absent ?? []).map((a) => a.name),
    mentions: doc.mentions ?? [],
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
      decisions: (doc.decisions ?? []).map((d) => span(d.line, d.endLine)),
      notes: (doc.notes ?? []).map((d) => span(d.line, d.endLine)),
    },
  };
}

/**
 * Whether a record looks like a meeting report: a date, a number, an agenda, sections,
 * a list of people, a chair — two of them; or headed sections with named people in them.
 */
export function looksLikeReport(r: MeetingRecord): boolean {
  const signals = [
    r.start !== null,
    r.number !== null,
    r.agenda.length > 0,
    r.sections.length > 0,
    r.participants.length > 1,
    r.moderators.length > 0,
    r.actions.length > 0 && r.sections.length > 0,
  ];
  if (signals.filter(Boolean).length >= 2) return true;
  return r.sections.length >= 3 && r.sections.some((s) => s.speakers.length > 0);
}
