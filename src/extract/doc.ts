import type { Line } from "./lines.js";
import type { AgendaItem, Action, Issue, Link, Participant, Span, Statement } from "../model/record.js";
import type { Known } from "./names.js";

/** A half-open range of line indexes (0-based) into Doc.lines. */
export interface Range { from: number; to: number }

/** Where the parts of the report are, found by the outline pass. */
export interface Outline {
  header: Range;
  agenda: Range | null;
  discussion: Range | null;
  participants: Range | null;
  /** Inline participant lists ("Present: A (X), B (Y)") have their line here. */
  participantsInline: number | null;
}

export interface HeaderFacts {
  group: string | null;
  groupAcronym: string | null;
  groupSpan: Span | null;
  number: number | null;
  numberSpan: Span | null;
  /** ISO start (UTC datetime or date). */
  start: string | null;
  startSpan: Span | null;
  /** What the intro sentence says, for the consistency checks. */
  bodyNumber: { value: number; line: number } | null;
  bodyDate: { date: string; time: string | null; line: number } | null;
}

export interface AgendaNode extends AgendaItem { line: number; items: AgendaNode[] }

export interface SectionNode {
  title: string;
  line: number;
  endLine: number;
  /** The number/letter the heading shows, if any. */
  marker: { kind: "num" | "roman" | "alpha"; value: number } | null;
  level: 0 | 1;
  /** Index into Doc.lines of the first body line, and one past the last. */
  body: Range;
  /** Title text that came from a paragraph (no heading): the rest of it is body text. */
  rest: string;
  agendaIndex: number | null;
  speakers: string[];
}

export interface ParticipantEntry extends Participant { line: number; nick: string | null }

/** The typed document every pass reads and extends; no pass does I/O. */
export interface Doc {
  source: string;
  format: string;
  lines: Line[];
  /** Lower-cased words seen in lower case somewhere: evidence that a word is not a name. */
  lowercaseWords: ReadonlySet<string>;
  outline?: Outline;
  header?: HeaderFacts;
  agenda?: AgendaNode[];
  participants?: ParticipantEntry[];
  /** Listed people plus nicknames learned from the text. */
  people?: Known[];
  moderators?: { name: string; line: number }[];
  sections?: SectionNode[];
  statements?: Statement[];
  unlisted?: { name: string; line: number }[];
  nextMeeting?: { value: string; line: number } | null;
  links?: (Link & { line: number })[];
  actions?: (Action & { line: number; endLine: number })[];
  issues?: Issue[];
}

/** A pass adds one concern to the document and returns it. */
export type Pass = (doc: Doc) => Doc;
