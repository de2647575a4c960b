import type { Block, Run, Span } from "../model/line-doc.js";
import type { AgendaItem, Action, Issue, Link, Participant, Statement } from "../model/record.js";
import type { Known } from "./names.js";
import type { DateOrder } from "./when.js";

/**
 * One node of the document read in order: the tree's blocks flattened, so a pass can
 * scan them, with what each needs to know of its place (depth in lists, table row).
 */
export interface Node {
  i: number;
  kind: "front" | "heading" | "para" | "item" | "row" | "def" | "rule";
  /** Visible text; "\n" where the block breaks its lines. */
  text: string;
  span: Span;
  /** Heading level (1-6 marked up; 7 for a paragraph acting as a heading); 0 otherwise. */
  level: number;
  /** List nesting (0 = top), or quote depth for paragraphs. */
  depth: number;
  /** The whole node is bold (or bold italic). */
  emphasis: "strong" | "strong-em" | null;
  runs: Run[];
  /** A list item's marker ("1.", "a)", "-") and task box; `typed` when the marker was typed as text. */
  marker: string | null;
  typed: boolean;
  checked: boolean | null;
  /** The item this node belongs to (a nested item's parent, an item's paragraph). */
  parent: number | null;
  /** List items: which list (the outermost list block) they belong to. */
  list: number | null;
  /** Table rows: the cells, which table, whether a header row. */
  cells: string[] | null;
  table: number | null;
  header: boolean;
  /** Front matter key, or a definition's term. */
  key: string | null;
}

/** Where something is: a range of node indexes, [from, to). */
export interface Range {
  from: number;
  to: number;
}

/** A label that opens a part of the report ("Attendees", "Agenda:", "Panel:", "Action items"). */
export type LabelKind =
  | "attend"
  | "absent"
  | "agenda"
  | "actions"
  | "decisions"
  | "discussion"
  | "next"
  | "links"
  | "logistics"
  | "summary"
  | "annex"
  | "chat";

export interface Outline {
  /** Node indexes that are the report's title area (before any part opens). */
  title: Range;
  /** Labels found, in order. */
  labels: { node: number; kind: LabelKind; text: string; inline: boolean }[];
  /** The discussion: where sections are looked for. */
  discussion: Range | null;
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

export interface AgendaNode extends AgendaItem {
  line: number;
  items: AgendaNode[];
}

export interface SectionNode {
  title: string;
  line: number;
  endLine: number;
  /** The number/letter the heading shows, if any. */
  marker: { kind: "num" | "roman" | "alpha"; value: number } | null;
  level: 0 | 1;
  /** Node range of the section's body. */
  body: Range;
  agendaIndex: number | null;
  speakers: string[];
}

export interface ParticipantEntry extends Participant {
  line: number;
  nick: string | null;
  initials: string | null;
  handles?: string[];
}

/** The typed document every pass reads and extends; no pass does I/O. */
export interface Doc {
  source: string;
  format: string;
  /** The report's lines (what values cite). */
  lines: string[];
  blocks: Block[];
  title: { text: string; span: Span } | null;
  nodes: Node[];
  /** How the report writes numeric dates. */
  order: DateOrder;
  /** Lower-cased words seen in lower case somewhere: evidence that a word is not a name. */
  lowercaseWords: ReadonlySet<string>;
  outline?: Outline;
  header?: HeaderFacts;
  agenda?: AgendaNode[];
  participants?: ParticipantEntry[];
  /** People listed as absent (apologies, regrets): not participants, but the text may name them. */
  absent?: ParticipantEntry[];
  /** Listed people plus nicknames and initials learned from the text. */
  people?: Known[];
  /** Other spellings the text uses for listed people ("Mr. Gates", a handle), for the people index. */
  mentions?: { name: string; alias: string }[];
  moderators?: { name: string; line: number }[];
  sections?: SectionNode[];
  statements?: Statement[];
  unlisted?: { name: string; line: number }[];
  nextMeeting?: { value: string; line: number } | null;
  links?: (Link & { line: number })[];
  actions?: (Action & { line: number; endLine: number })[];
  decisions?: { text: string; line: number; endLine: number }[];
  /** Deadlines of other bodies' processes, told to the group but asking nothing of it. */
  notes?: { text: string; date: string | null; line: number; endLine: number }[];
  issues?: Issue[];
}

/** A pass adds one concern to the document and returns it. */
export type Pass = (doc: Doc) => Doc;
