import { z } from "zod";

/** ISO date ("2024-06-04") or UTC datetime ("2024-06-04T14:00:00Z"), or null when unknown. */
export const When = z.union([
  z.null(),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?Z$/),
]);

/** Whether YYYY-MM-DD names a day that exists (not 2021-02-30). */
export function dayExists(ymd: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** One announced agenda item; sub-items are nested. */
export interface AgendaItem {
  title: string;
  items: AgendaItem[];
}
export const AgendaItem: z.ZodType<AgendaItem> = z
  .lazy(() => z.object({ title: z.string(), items: z.array(AgendaItem) }))
  .meta({ id: "AgendaItem" });

export const Section = z.object({
  title: z.string(),
  agendaIndex: z.number().int().min(0).nullable(),
  speakers: z.array(z.string()),
});

export const Action = z.object({ text: z.string(), owner: z.string().nullable(), due: When });

export const Participant = z.object({
  name: z.string().min(1),
  affiliation: z.string().nullable(),
  roles: z.array(z.string()),
});

export const Link = z.object({ url: z.string(), text: z.string().nullable() });

/** What the group decided, agreed, approved or adopted, one sentence each (revision 3). */
export const Decision = z.object({ text: z.string() });

/** Another body's deadline or date told to the group, asking nothing of it (not an action). */
export const DatedNote = z.object({ text: z.string(), date: When });

export const ISSUE_CODES = [
  "number-mismatch",
  "time-mismatch",
  "date-mismatch",
  "duplicate-participant",
  "speaker-not-listed",
  "agenda-section-mismatch",
  "missing-participants",
] as const;
export type IssueCode = (typeof ISSUE_CODES)[number];

export const Issue = z.object({
  code: z.enum(ISSUE_CODES),
  message: z.string(),
  subject: z.string().nullable(),
  line: z.number().int().min(1).nullable(),
});

/** The MeetingRecord contract (../shared/contract/README.md), as one zod schema. */
export const MeetingRecord = z.object({
  source: z.string(),
  group: z.string().nullable(),
  groupAcronym: z.string().nullable(),
  number: z.number().int().nullable(),
  start: When,
  moderators: z.array(z.string()),
  agenda: z.array(AgendaItem),
  sections: z.array(Section),
  actions: z.array(Action),
  nextMeeting: When,
  participants: z.array(Participant),
  links: z.array(Link),
  // records stored or exported before revision 3 have none
  decisions: z.array(Decision).default([]),
  // the project's own field beside the contract: dates noted, not actions
  notes: z.array(DatedNote).default([]),
  issues: z.array(Issue),
});

export type MeetingRecord = z.infer<typeof MeetingRecord>;
export type Section = z.infer<typeof Section>;
export type Action = z.infer<typeof Action>;
export type Participant = z.infer<typeof Participant>;
export type Link = z.infer<typeof Link>;
export type Decision = z.infer<typeof Decision>;
export type DatedNote = z.infer<typeof DatedNote>;
export type Issue = z.infer<typeof Issue>;

/** Lines [line, endLine] (1-based, inclusive) of the source a value was read from. */
export interface Span {
  line: number;
  endLine: number;
}

/**
 * Where each contract value came from. Arrays run parallel to the record's arrays
 * (agenda is flattened depth-first, the way it is printed).
 */
export interface Provenance {
  source: string;
  group: Span | null;
  number: Span | null;
  start: Span | null;
  nextMeeting: Span | null;
  moderators: Span[];
  agenda: Span[];
  sections: Span[];
  actions: Span[];
  participants: Span[];
  links: Span[];
  /** Absent in records stored before decisions were extracted. */
  decisions?: Span[];
  /** Absent in records stored before dated notes were kept apart from actions. */
  notes?: Span[];
}

/** The full record: the contract's fields plus provenance and the statements behind speakers. */
export interface FullRecord extends MeetingRecord {
  provenance: Provenance;
  statements: Statement[];
  format: string;
  /** Nicknames the report gives for listed people ("Margaret Okafor (Peggy)"). */
  nicknames: { name: string; nick: string }[];
  /** People the report lists as absent (apologies, regrets). */
  absent: string[];
  /** Other spellings the text uses for listed people ("Mr. Gates", a handle). */
  mentions: { name: string; alias: string }[];
}

/** One speaker's contribution inside one section. */
export interface Statement {
  section: number;
  speaker: string;
  text: string;
  line: number;
  endLine: number;
}
