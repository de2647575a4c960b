import type { StoredRecord } from "./meeting-rows.js";

// The rows the store's queries read, one type per shape (columns as SQL names them).

/** A meeting as listed. */
export interface MeetingListRow {
  id: number;
  source: string;
  group_name: string | null;
  group_acronym: string | null;
  number: number | null;
  start: string | null;
  next_meeting: string | null;
  members_only: boolean;
  participants: number;
  findings: number;
}
/** A meeting a person attended, with the record and the original text. */
export interface PersonMeetingRow {
  id: number;
  source: string;
  group_name: string | null;
  number: number | null;
  start: string | null;
  record: StoredRecord;
  text: string;
}
/** One action of a meeting's record. */
export interface ActionListRow {
  id: number;
  source: string;
  group_name: string | null;
  start: string | null;
  text: string;
  owner: string | null;
  due: string | null;
}
/** One finding of a meeting. */
export interface FindingRow {
  id: number;
  source: string;
  code: string;
  message: string;
  subject: string | null;
  line: number | null;
}
/** One search hit before its snippet is cut. */
export interface SearchRow {
  meeting_id: number;
  source: string;
  group_name: string | null;
  number: number | null;
  start: string | null;
  kind: "section" | "agenda";
  ord: number;
  title: string;
  speakers: string[];
  line: number | null;
  end_line: number | null;
  rank: number;
  body: string | null;
  /** The store's version as the hits were read (migration 018). */
  v: string;
}
/** One change in a meeting's history (table corrections). */
export interface CorrectionRow {
  id: number;
  field: string;
  action: "set" | "revert";
  value: unknown;
  previous: unknown;
  extracted: unknown;
  editor: string;
  at: string | Date;
  note: string | null;
}
