import { z } from "zod";
import { MeetingRecord, type Provenance } from "./record.js";

/**
 * The contract fields an editor may correct. A correction replaces one field of one
 * meeting as a whole (a list field as a whole list), so each field's value is checked by
 * the contract's own schema for it.
 */
export const CORRECTABLE = MeetingRecord.pick({
  group: true,
  groupAcronym: true,
  number: true,
  start: true,
  moderators: true,
  nextMeeting: true,
  agenda: true,
  sections: true,
  actions: true,
  participants: true,
  links: true,
}).strict();

export type CorrectableField = keyof z.infer<typeof CORRECTABLE>;
export const CORRECTABLE_FIELDS = Object.keys(CORRECTABLE.shape) as CorrectableField[];

/** A body of fields to set, as PATCH /api/meetings/:id and `rapporteur correct` take it. */
export const CorrectionPatch = CORRECTABLE.partial().refine((p) => Object.keys(p).length > 0, {
  message: `name at least one field to correct: ${CORRECTABLE_FIELDS.join(", ")}`,
});
export type CorrectionPatch = z.infer<typeof CorrectionPatch>;

/** One stored change: a field set to a value, or a field given back to extraction. */
export interface Correction {
  id: number;
  field: CorrectableField;
  action: "set" | "revert";
  /** The value set (null for a revert). */
  value: unknown;
  /** The field's effective value before this change. */
  previous: unknown;
  /** What extraction read for the field when the change was made. */
  extracted: unknown;
  by: string;
  at: string;
  note: string | null;
}

/** The latest change of each corrected field: what is in force (reverted fields are absent). */
export function inForce(history: readonly Correction[]): Map<CorrectableField, Correction> {
  const out = new Map<CorrectableField, Correction>();
  for (const c of [...history].sort((a, b) => a.id - b.id)) {
    if (c.action === "set") out.set(c.field, c);
    else out.delete(c.field);
  }
  return out;
}

/** Whether two field values are the same (values are plain JSON). */
export const sameValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

type WithProvenance = MeetingRecord & { provenance: Provenance };

/**
 * The effective record: the extracted record with the corrections in force applied, in
 * order. A corrected value has no source lines, so its provenance goes — except the
 * sections' spans, which still say where each discussion's text is (search reads it).
 */
export function effectiveRecord<R extends WithProvenance>(
  extracted: R,
  history: readonly Correction[],
): R {
  const current = inForce(history);
  if (!current.size) return extracted;
  const out = { ...extracted, provenance: { ...extracted.provenance } } as R;
  const pv = out.provenance;
  for (const [field, c] of current) {
    (out as Record<string, unknown>)[field] = structuredClone(c.value);
    if (field === "group" || field === "groupAcronym") {
      if (field === "group") pv.group = null;
    } else if (field === "number" || field === "start" || field === "nextMeeting") pv[field] = null;
    else if (field !== "sections") pv[field] = [];
  }
  return out;
}

/** A field's value in a record, for `previous` and `extracted`. */
export const fieldValue = (r: MeetingRecord, field: CorrectableField): unknown =>
  structuredClone(r[field]);

/**
 * The fields each finding compares: a correction of any of them settles the finding as
 * extraction reported it, and the finding is recomputed on the corrected values.
 */
export const FINDING_FIELDS: Record<string, readonly CorrectableField[]> = {
  "number-mismatch": ["number"],
  "date-mismatch": ["start"],
  "time-mismatch": ["start"],
  "duplicate-participant": ["participants"],
  "speaker-not-listed": ["participants", "sections"],
  "agenda-section-mismatch": ["agenda", "sections"],
  "missing-participants": ["participants"],
};
