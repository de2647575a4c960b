import type { Queryable } from "./db.js";
import {
  effectiveRecord,
  inForce,
  type CorrectableField,
  type Correction,
} from "../model/corrections.js";
import { recheck, type ResolvedFinding } from "../extract/record-checks.js";
import { meetingRows, unitsOf, unitTokens, tokenLists, type StoredRecord } from "./meeting-rows.js";
import { stemmerFor } from "./tsvector.js";
import type { CorrectionRow } from "./rows.js";

/** The stored record with the findings a correction settled (see `recheck`). */
export type EffectiveRecord = StoredRecord & { resolved?: ResolvedFinding[] };

/** A stored change as the model names it. */
export const toCorrection = (r: CorrectionRow): Correction => ({
  id: r.id,
  field: r.field as CorrectableField,
  action: r.action,
  value: r.value,
  previous: r.previous,
  extracted: r.extracted,
  by: r.editor,
  at: new Date(r.at).toISOString(),
  note: r.note,
});

/** Every change made to the meeting from `source`, oldest first (its history). */
export async function correctionsOf(db: Queryable, source: string): Promise<Correction[]> {
  const { rows } = await db.query<CorrectionRow>(
    `SELECT id, field, action, value, previous, extracted, editor, at, note FROM corrections WHERE source = $1 ORDER BY id`,
    [source],
  );
  return rows.map(toCorrection);
}

/** A meeting's version: how many changes it has had. Forms and If-Match carry it. */
export async function versionOf(db: Queryable, source: string): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM corrections WHERE source = $1`,
    [source],
  );
  return rows[0]!.n;
}

/** Appends changes to a meeting's history (never updating an earlier row). */
export async function appendCorrections(
  tx: Queryable,
  source: string,
  changes: readonly Omit<Correction, "id" | "at">[],
  at?: string,
): Promise<void> {
  for (const c of changes) {
    await tx.query(
      `INSERT INTO corrections (source, field, action, value, previous, extracted, editor, note, at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, coalesce($9::timestamptz, now()))`,
      [
        source,
        c.field,
        c.action,
        json(c.value),
        json(c.previous),
        json(c.extracted),
        c.by,
        c.note,
        at ?? null,
      ],
    );
  }
}

const json = (v: unknown): string | null => (v === undefined ? null : JSON.stringify(v));

/** A meeting as a correction needs it: what extraction read and what is in force. */
export interface MeetingState {
  id: number;
  source: string;
  record: EffectiveRecord;
  extracted: StoredRecord;
  membersOnly: boolean;
}

/** The meeting with id `id`, or null. */
export async function meetingState(db: Queryable, id: number): Promise<MeetingState | null> {
  const { rows } = await db.query<{
    id: number;
    source: string;
    record: string;
    extracted: string | null;
    members_only: boolean;
  }>(
    `SELECT id, source, record::text AS record, extracted::text AS extracted, members_only FROM meetings WHERE id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  const record = JSON.parse(r.record) as EffectiveRecord;
  const extracted = r.extracted ? (JSON.parse(r.extracted) as StoredRecord) : record;
  return { id: r.id, source: r.source, record, extracted, membersOnly: r.members_only };
}

/**
 * Rebuilds one meeting from what extraction read and its corrections in force: the
 * effective record, its findings, its search entries and lists, in place (the id stays).
 * Costs one meeting's rows, whatever the store's size; people and the glossary are marked
 * stale by the update (migration 007) for the derived-data rebuild.
 */
export async function rewriteMeeting(
  tx: Queryable,
  id: number,
  opts: { extracted?: StoredRecord } = {},
): Promise<EffectiveRecord | null> {
  const state = await meetingState(tx, id);
  if (!state) return null;
  const history = await correctionsOf(tx, state.source);
  const extracted = opts.extracted ?? state.extracted;
  const current = inForce(history);
  const base = effectiveRecord(extracted, history);
  const { issues, resolved } = recheck(base, extracted.issues, current);
  const record: EffectiveRecord = { ...base, issues };
  if (resolved.length) record.resolved = resolved;
  const { rows } = await tx.query<{ text: string; format: string }>(
    `SELECT d.text, d.format FROM documents d JOIN meetings m ON m.document_id = d.id WHERE m.id = $1`,
    [id],
  );
  const lines = rows[0]!.text.split("\n");
  const nicks = await tx.query<{ name: string; nick: string }>(
    `SELECT name, nick FROM attendance WHERE meeting_id = $1 AND nick IS NOT NULL`,
    [id],
  );
  const units = unitsOf(record, lines);
  const tokens = unitTokens(units);
  const stemmer = stemmerFor(tx);
  await stemmer.learn(tx, tokenLists(tokens));
  const derived = meetingRows(
    {
      path: "",
      source: state.source,
      format: rows[0]!.format,
      content: new Uint8Array(),
      sha256: "",
      extractorVersion: "",
    },
    record,
    lines,
    units,
    tokens,
    stemmer,
    { nicknames: nicks.rows },
  );
  await tx.query(`SELECT rewrite_meeting($1, $2, $3, $4, $5, $6, $7, $8)`, [
    id,
    derived.record,
    current.size ? JSON.stringify(extracted) : null,
    derived.sections,
    derived.attendance,
    derived.actions,
    derived.links,
    derived.findings,
  ]);
  return record;
}
