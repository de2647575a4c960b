import type { Queryable } from "./db.js";
import type { FullRecord } from "../model/record.js";
import { Stemmer } from "./tsvector.js";
import { meetingRows, unitsOf, wordsToStem, type DocumentRow, type MeetingRows, type StoredRecord } from "./meeting-rows.js";

export type { StoredRecord } from "./meeting-rows.js";

// All rows in one statement: the embedded server pays a fixed cost per statement. Child
// rows arrive as JSON arrays (json_to_recordset), which costs the sending thread a
// JSON.stringify instead of serialising a dozen arrays.
const INSERT = `
  WITH d AS (
    INSERT INTO documents (path, source, format, text, content, sha256, extractor_version)
    VALUES ($1, $2, $3, $4, $5, $6, $7)
    RETURNING id),
  r AS (SELECT $8::json AS j),
  m AS (
    INSERT INTO meetings (document_id, source, group_name, group_acronym, number, start, start_at, next_meeting, members_only, record)
    SELECT d.id, r.j->>'source', r.j->>'group', r.j->>'groupAcronym', (r.j->>'number')::int, r.j->>'start', (r.j->>'start')::timestamptz, r.j->>'nextMeeting', $15::boolean, r.j FROM d, r
    RETURNING id, document_id, start_at),
  s AS (
    INSERT INTO sections (meeting_id, ord, kind, title, agenda_title, agenda_index, speakers, line, end_line, document_id, start_at, head, tsv)
    SELECT m.id, t.ord, t.kind, t.title, t.agenda_title, t.agenda_index, coalesce(t.speakers, '{}'), t.line, t.end_line, m.document_id, m.start_at, t.head, t.tsv
    FROM m, json_to_recordset($9::json) AS t(ord int, kind text, title text, agenda_title text, agenda_index int, speakers text[], line int, end_line int, head tsvector, tsv tsvector)),
  st AS (
    INSERT INTO statements (meeting_id, section_ord, speaker, line, end_line)
    SELECT m.id, t.* FROM m, json_to_recordset($10::json) AS t(section_ord int, speaker text, line int, end_line int)),
  at AS (
    INSERT INTO attendance (meeting_id, ord, name, nick, affiliation, roles, line)
    SELECT m.id, t.ord, t.name, t.nick, t.affiliation, coalesce(t.roles, '{}'), t.line
    FROM m, json_to_recordset($11::json) AS t(ord int, name text, nick text, affiliation text, roles text[], line int)),
  ac AS (
    INSERT INTO actions (meeting_id, ord, text, owner, due, line)
    SELECT m.id, t.* FROM m, json_to_recordset($12::json) AS t(ord int, text text, owner text, due text, line int)),
  li AS (
    INSERT INTO links (meeting_id, ord, url, text, line)
    SELECT m.id, t.* FROM m, json_to_recordset($13::json) AS t(ord int, url text, text text, line int)),
  fi AS (
    INSERT INTO findings (meeting_id, ord, code, message, subject, line)
    SELECT m.id, t.* FROM m, json_to_recordset($14::json) AS t(ord int, code text, message text, subject text, line int))
  SELECT id FROM m`;

/**
 * Inserts prepared rows in the caller's transaction, replacing any earlier meeting from
 * the same path (whose members-only flag is kept unless one is given). Returns the id.
 */
export async function insertMeeting(tx: Queryable, rows: MeetingRows, opts: { membersOnly?: boolean; replace?: boolean } = {}): Promise<number> {
  let membersOnly = opts.membersOnly ?? false;
  if (opts.replace !== false) {
    const old = await tx.query<{ members_only: boolean }>(`DELETE FROM documents d USING meetings m WHERE d.path = $1 AND m.document_id = d.id RETURNING m.members_only`, [rows.document.path]);
    await tx.query(`DELETE FROM documents WHERE path = $1`, [rows.document.path]);
    membersOnly = opts.membersOnly ?? old.rows[0]?.members_only ?? false;
  }
  const d = rows.document;
  const { rows: out } = await tx.query<{ id: number }>(INSERT, [
    d.path, d.source, d.format, d.text, d.content, d.sha256, d.extractorVersion,
    rows.record, rows.sections, rows.statements, rows.attendance, rows.actions, rows.links, rows.findings, membersOnly,
  ]);
  return out[0]!.id;
}

/**
 * Saves one meeting and everything it holds in the caller's transaction (see
 * `insertMeeting`), stemming its words with the store first. Returns the meeting id.
 */
export async function saveMeeting(tx: Queryable, doc: DocumentRow, record: StoredRecord, lines: readonly string[], extra: { nicknames?: FullRecord["nicknames"]; statements?: FullRecord["statements"]; membersOnly?: boolean; replace?: boolean; stemmer?: Stemmer } = {}): Promise<number> {
  const units = unitsOf(record, lines);
  const stemmer = extra.stemmer ?? new Stemmer();
  await stemmer.learn(tx, wordsToStem(units));
  const rows = meetingRows(doc, record, lines, units, stemmer, extra);
  return insertMeeting(tx, rows, { ...(extra.membersOnly !== undefined ? { membersOnly: extra.membersOnly } : {}), ...(extra.replace !== undefined ? { replace: extra.replace } : {}) });
}
