import type { FullRecord, MeetingRecord, Provenance } from "../model/record.js";
import { tokenize, type Stemmer, type Tokens } from "./tsvector.js";

/** The stored form of a record: the contract plus provenance (what `extract` prints). */
export type StoredRecord = MeetingRecord & {
  provenance: Provenance;
  absent?: string[];
  mentions?: { name: string; alias: string }[];
};

/** A searchable unit cut from the report: a section with its body, or an undiscussed agenda item. */
export interface Unit {
  kind: "section" | "agenda";
  title: string;
  agendaTitle: string | null;
  agendaIndex: number | null;
  speakers: string[];
  line: number | null;
  endLine: number | null;
  body: string;
}

/** The stored document a meeting comes from. */
export interface DocumentRow {
  path: string;
  source: string;
  format: string;
  content: Uint8Array;
  sha256: string;
  extractorVersion: string;
}

/** Formats whose line text is the original: for these the text alone is kept. */
export const TEXT_FORMATS = new Set(["txt", "md"]);

/**
 * Everything one meeting is saved as, ready for one INSERT statement: the document's
 * columns, and each table's rows as a JSON text. Building it needs no database (only a
 * stemmer that already knows the words), so long ingests build it in the extraction
 * worker and the thread that owns the store only sends it.
 */
export interface MeetingRows {
  document: {
    path: string;
    source: string;
    format: string;
    text: string;
    content: Uint8Array | null;
    sha256: string;
    extractorVersion: string;
  };
  /** JSON texts: the record, then arrays of row objects for the child tables. */
  record: string;
  sections: string;
  statements: string;
  attendance: string;
  actions: string;
  links: string;
  findings: string;
}

/** Cuts a record into search units, with each section's body read from the report's lines. */
export function unitsOf(record: StoredRecord, lines: readonly string[]): Unit[] {
  const units: Unit[] = record.sections.map((s, i) => {
    const span = record.provenance.sections[i];
    const body = span
      ? lines
          .slice(span.line - 1, span.endLine)
          .join("\n")
          .trim()
      : "";
    const agenda = s.agendaIndex === null ? null : (record.agenda[s.agendaIndex] ?? null);
    return {
      kind: "section",
      title: s.title,
      agendaTitle: agenda?.title ?? null,
      agendaIndex: s.agendaIndex,
      speakers: s.speakers,
      line: span?.line ?? null,
      endLine: span?.endLine ?? null,
      body,
    };
  });
  const discussed = new Set(record.sections.map((s) => s.agendaIndex));
  let flat = 0;
  record.agenda.forEach((a, i) => {
    const line = record.provenance.agenda[flat]?.line ?? null;
    flat += 1 + countItems(a.items);
    if (discussed.has(i)) return;
    const body = a.items.map((x) => x.title).join("\n");
    units.push({
      kind: "agenda",
      title: a.title,
      agendaTitle: null,
      agendaIndex: i,
      speakers: [],
      line,
      endLine: line,
      body,
    });
  });
  return units;
}

const countItems = (items: MeetingRecord["agenda"]): number =>
  items.reduce((n, x) => n + 1 + countItems(x.items), 0);

/** A unit's texts as tokens, cut once: the stemmer learns their words, then indexes them. */
export interface UnitTokens {
  title: Tokens;
  agenda: Tokens;
  body: Tokens;
}
export function unitTokens(units: readonly Unit[]): UnitTokens[] {
  return units.map((u) => ({
    title: tokenize(u.title),
    agenda: tokenize(u.agendaTitle ?? ""),
    body: tokenize(u.body),
  }));
}

/** Every token list of the units, for `Stemmer.learn`. */
export const tokenLists = (tokens: readonly UnitTokens[]): Tokens[] =>
  tokens.flatMap((t) => [t.title, t.agenda, t.body]);

/**
 * Turns a record into its rows. Section vectors weigh the title (A) and agenda item (B)
 * above the body (D); `head` indexes the title and agenda item alone.
 */
export function meetingRows(
  doc: DocumentRow,
  record: StoredRecord,
  lines: readonly string[],
  units: readonly Unit[],
  tokens: readonly UnitTokens[],
  stemmer: Stemmer,
  extra: { nicknames?: FullRecord["nicknames"]; statements?: FullRecord["statements"] } = {},
): MeetingRows {
  const pv = record.provenance;
  const nick = new Map((extra.nicknames ?? []).map((n) => [n.name, n.nick]));
  return {
    document: {
      path: doc.path,
      source: doc.source,
      format: doc.format,
      text: lines.join("\n"),
      content: TEXT_FORMATS.has(doc.format) ? null : doc.content,
      sha256: doc.sha256,
      extractorVersion: doc.extractorVersion,
    },
    record: JSON.stringify(record),
    sections: JSON.stringify(
      units.map((u, ord) => ({
        ord,
        kind: u.kind,
        title: u.title,
        agenda_title: u.agendaTitle,
        agenda_index: u.agendaIndex,
        speakers: u.speakers,
        line: u.line,
        end_line: u.endLine,
        head: stemmer.vector([
          { text: tokens[ord]!.title, weight: "A" },
          { text: tokens[ord]!.agenda, weight: "B" },
        ]),
        tsv: stemmer.vector([
          { text: tokens[ord]!.title, weight: "A" },
          { text: tokens[ord]!.agenda, weight: "B" },
          { text: tokens[ord]!.body, weight: "D" },
        ]),
      })),
    ),
    statements: JSON.stringify(
      (extra.statements ?? []).map((x) => ({
        section_ord: x.section,
        speaker: x.speaker,
        line: x.line,
        end_line: x.endLine,
      })),
    ),
    attendance: JSON.stringify(
      record.participants.map((x, ord) => ({
        ord,
        name: x.name,
        nick: nick.get(x.name) ?? null,
        affiliation: x.affiliation,
        roles: x.roles,
        line: pv.participants[ord]?.line ?? null,
      })),
    ),
    actions: JSON.stringify(
      record.actions.map((x, ord) => ({
        ord,
        text: x.text,
        owner: x.owner,
        due: x.due,
        line: pv.actions[ord]?.line ?? null,
      })),
    ),
    links: JSON.stringify(
      record.links.map((x, ord) => ({
        ord,
        url: x.url,
        text: x.text,
        line: pv.links[ord]?.line ?? null,
      })),
    ),
    findings: JSON.stringify(
      record.issues.map((x, ord) => ({
        ord,
        code: x.code,
        message: x.message,
        subject: x.subject,
        line: x.line,
      })),
    ),
  };
}
