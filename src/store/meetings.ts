import type { Queryable } from "./db.js";
import type { FullRecord } from "../model/record.js";
import { Stemmer } from "./tsvector.js";
import { rewriteMeeting } from "./corrections.js";
import {
  meetingRows,
  unitsOf,
  unitTokens,
  tokenLists,
  type DocumentRow,
  type MeetingRows,
  type StoredRecord,
} from "./meeting-rows.js";

export type { StoredRecord } from "./meeting-rows.js";

/**
 * Inserts prepared rows in the caller's transaction, replacing any earlier meeting from
 * the same path (whose members-only flag is kept unless one is given). Returns the id.
 */
export async function insertMeeting(
  tx: Queryable,
  rows: MeetingRows,
  opts: { membersOnly?: boolean; replace?: boolean; corrections?: boolean } = {},
): Promise<number> {
  let membersOnly = opts.membersOnly ?? false;
  if (opts.replace !== false) {
    const old = await tx.query<{ members_only: boolean }>(
      `DELETE FROM documents d USING meetings m WHERE d.path = $1 AND m.document_id = d.id RETURNING m.members_only`,
      [rows.document.path],
    );
    await tx.query(`DELETE FROM documents WHERE path = $1`, [rows.document.path]);
    membersOnly = opts.membersOnly ?? old.rows[0]?.members_only ?? false;
  }
  const d = rows.document;
  // one statement, atomic on its own: save_meeting (migration 006) inserts every row
  // whether editors corrected this meeting comes back with the save (no second round trip)
  const { rows: out } = await tx.query<{ id: number; corrected: boolean }>(
    `SELECT save_meeting($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) AS id,
       EXISTS (SELECT 1 FROM corrections WHERE source = $2) AS corrected`,
    [
      d.path,
      d.source,
      d.format,
      d.text,
      d.content,
      d.sha256,
      d.extractorVersion,
      rows.record,
      rows.sections,
      rows.statements,
      rows.attendance,
      rows.actions,
      rows.links,
      rows.findings,
      membersOnly,
    ],
  );
  const id = out[0]!.id;
  // editors' corrections outlive re-extraction and re-ingest: they are applied again
  if (opts.corrections !== false && out[0]!.corrected) await rewriteMeeting(tx, id);
  return id;
}

/**
 * Saves one meeting and everything it holds in the caller's transaction (see
 * `insertMeeting`), stemming its words with the store first. Returns the meeting id.
 */
export async function saveMeeting(
  tx: Queryable,
  doc: DocumentRow,
  record: StoredRecord,
  lines: readonly string[],
  extra: {
    nicknames?: FullRecord["nicknames"];
    statements?: FullRecord["statements"];
    membersOnly?: boolean;
    replace?: boolean;
    corrections?: boolean;
    stemmer?: Stemmer;
  } = {},
): Promise<number> {
  const units = unitsOf(record, lines),
    tokens = unitTokens(units);
  const stemmer = extra.stemmer ?? new Stemmer();
  await stemmer.learn(tx, tokenLists(tokens));
  const rows = meetingRows(doc, record, lines, units, tokens, stemmer, extra);
  return insertMeeting(tx, rows, {
    ...(extra.membersOnly !== undefined ? { membersOnly: extra.membersOnly } : {}),
    ...(extra.replace !== undefined ? { replace: extra.replace } : {}),
    ...(extra.corrections !== undefined ? { corrections: extra.corrections } : {}),
  });
}

/** Hides a meeting from readers (members only) or shows it; false when there is no such meeting. */
export async function setMembersOnly(db: Queryable, id: number, value: boolean): Promise<boolean> {
  const { rows } = await db.query(
    `UPDATE meetings SET members_only = $2 WHERE id = $1 RETURNING id`,
    [id, value],
  );
  return rows.length > 0;
}

/** Records an editor's status for an action (the history is kept; the newest wins). */
export async function recordActionStatus(
  db: Queryable,
  source: string,
  key: string,
  status: string,
  editor: string,
): Promise<void> {
  await db.query(
    `INSERT INTO action_events (source, action_key, status, changed_by) VALUES ($1, $2, $3, $4)`,
    [source, key, status, editor],
  );
}
