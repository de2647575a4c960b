import type { z } from "zod";
import type { Db, Queryable } from "../store/db.js";
import {
  appendCorrections,
  correctionsOf,
  meetingState,
  rewriteMeeting,
  versionOf,
  type EffectiveRecord,
  type MeetingState,
} from "../store/corrections.js";
import { actionKey, actionStatuses } from "../store/read.js";
import { recordActionStatus } from "../store/meetings.js";
import {
  CORRECTABLE_FIELDS,
  fieldValue,
  inForce,
  sameValue,
  type CorrectableField,
  type Correction,
  type CorrectionPatch,
} from "../model/corrections.js";
import { notFound, unauthorized, RapporteurError, StaleVersionError } from "../model/errors.js";
import type { Viewer } from "../model/viewer.js";
import type { MeetingRecord } from "../model/record.js";
import type { RevertInput } from "./inputs.js";

/** A meeting after a change: its effective record, its history and its new version. */
export interface Corrected {
  id: number;
  record: EffectiveRecord;
  corrections: Correction[];
  version: number;
  /** The fields this request changed (an unchanged value is not a change). */
  changed: CorrectableField[];
}

/** Fields whose change alters who attended or spoke: people are rebuilt after them. */
export const PEOPLE_FIELDS: ReadonlySet<CorrectableField> = new Set([
  "participants",
  "moderators",
  "sections",
]);

/**
 * Sets fields of one meeting (editors only). Each field is replaced as a whole; a value
 * equal to the current one is no change. `ifMatch`, when given, must be the meeting's
 * current version, or nothing is written and the current values come back (412).
 */
export async function correctMeeting(
  db: Db,
  v: Viewer,
  input: { id: number; patch: CorrectionPatch; ifMatch?: number | undefined; note?: string | null },
): Promise<Corrected> {
  return changeMeeting(db, v, input.id, input.ifMatch, async (tx, state, editor) => {
    const changes: Omit<Correction, "id" | "at">[] = [];
    for (const field of CORRECTABLE_FIELDS) {
      if (!(field in input.patch)) continue;
      const value = input.patch[field];
      const previous = fieldValue(state.record, field);
      if (sameValue(previous, value)) continue;
      const extracted = fieldValue(state.extracted, field);
      changes.push({
        field,
        action: "set",
        value,
        previous,
        extracted,
        by: editor,
        note: input.note ?? null,
      });
    }
    checkAgendaIndices(
      input.patch.sections ?? state.record.sections,
      input.patch.agenda ?? state.record.agenda,
    );
    if (changes.length) {
      await appendCorrections(tx, state.source, changes);
      const actions = changes.find((c) => c.field === "actions");
      if (actions) await carryStatuses(tx, state.source, actions, editor);
    }
    return changes.map((c) => c.field);
  });
}

/** Gives a corrected field back to extraction (editors only); the history keeps both. */
export async function revertCorrection(
  db: Db,
  v: Viewer,
  input: z.infer<typeof RevertInput>,
): Promise<Corrected> {
  return changeMeeting(db, v, input.id, input.version, async (tx, state, editor) => {
    const current = inForce(await correctionsOf(tx, state.source));
    if (!current.has(input.field))
      throw new RapporteurError(
        "bad-argument",
        `${input.field} of meeting ${input.id} is not corrected; corrected fields: ${[...current.keys()].join(", ") || "none"}`,
      );
    await appendCorrections(tx, state.source, [
      {
        field: input.field,
        action: "revert",
        value: null,
        previous: fieldValue(state.record, input.field),
        extracted: fieldValue(state.extracted, input.field),
        by: editor,
        note: null,
      },
    ]);
    return [input.field];
  });
}

// One change of a meeting, in one transaction: an editor, the meeting, its version as the
// change expects it, the change itself, then the meeting rebuilt from its history.
async function changeMeeting(
  db: Db,
  v: Viewer,
  id: number,
  expected: number | undefined,
  change: (tx: Queryable, state: MeetingState, editor: string) => Promise<CorrectableField[]>,
): Promise<Corrected> {
  const editor = requireEditor(v);
  return db.transaction(async (tx) => {
    const state = await meetingState(tx, id);
    if (!state) throw notFound(`meeting ${id}`);
    await checkVersion(tx, state.source, id, expected, state.record);
    const changed = await change(tx, state, editor);
    const record = (await rewriteMeeting(tx, id))!;
    return {
      id,
      record,
      corrections: await correctionsOf(tx, state.source),
      version: await versionOf(tx, state.source),
      changed,
    };
  });
}

/** Every change of one meeting the viewer may see, oldest first. */
export async function meetingHistory(
  db: Db,
  v: Viewer,
  id: number,
): Promise<{ id: number; source: string; corrections: Correction[]; version: number }> {
  const state = await meetingState(db, id);
  if (!state || (state.membersOnly && !v.editor)) throw notFound(`meeting ${id}`);
  const corrections = await correctionsOf(db, state.source);
  return { id, source: state.source, corrections, version: corrections.length };
}

// A section points at an agenda item by its index: the item must exist.
function checkAgendaIndices(sections: MeetingRecord["sections"], agenda: MeetingRecord["agenda"]) {
  for (const [i, s] of sections.entries()) {
    if (s.agendaIndex !== null && s.agendaIndex >= agenda.length)
      throw new RapporteurError(
        "bad-argument",
        `sections.${i}.agendaIndex: ${s.agendaIndex} is not an agenda item (the agenda has ${agenda.length}, counted from 0)`,
      );
  }
}

function requireEditor(v: Viewer): string {
  if (!v.editor) throw unauthorized();
  return v.editor;
}

async function checkVersion(
  tx: Queryable,
  source: string,
  id: number,
  expected: number | undefined,
  current: EffectiveRecord,
): Promise<void> {
  if (expected === undefined) return;
  const version = await versionOf(tx, source);
  if (version !== expected) throw new StaleVersionError(id, expected, version, current);
}

// An action whose text an editor rewrote keeps the status it had: statuses are keyed by
// the text, so the old one is recorded again under the new text.
async function carryStatuses(
  tx: Queryable,
  source: string,
  change: Omit<Correction, "id" | "at">,
  editor: string,
): Promise<void> {
  const before = change.previous as { text: string }[];
  const after = change.value as { text: string }[];
  const statuses = await actionStatuses(tx, source);
  for (let i = 0; i < Math.min(before.length, after.length); i++) {
    const [from, to] = [actionKey(before[i]!.text), actionKey(after[i]!.text)];
    const status = statuses.get(from);
    if (from !== to && status && !statuses.has(to))
      await recordActionStatus(tx, source, to, status, editor);
  }
}
