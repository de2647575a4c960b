import { z } from "zod";
import { When, dayExists, type AgendaItem, type MeetingRecord, type Provenance } from "./record.js";

// The contract's value schemas, as an editor gives them: dates that exist, names that are
// not blank, and the parts one leaves out (no affiliation, no owner) defaulting to none.
const RealWhen = When.refine((v) => v === null || dayExists(v), {
  error: (i) =>
    `${JSON.stringify(i.input)} is not a date that exists; give YYYY-MM-DD or YYYY-MM-DDTHH:MMZ (UTC)`,
});
const Text = z.string().trim().min(1, "must not be blank");
const AgendaInput: z.ZodType<AgendaItem> = z.lazy(() =>
  z.object({ title: Text, items: z.array(AgendaInput).default([]) }),
);

/**
 * The contract fields an editor may correct. A correction replaces one field of one
 * meeting as a whole (a list field as a whole list), each value checked by the contract's
 * schema for it.
 */
export const CORRECTABLE = z.strictObject({
  group: Text.nullable(),
  groupAcronym: Text.nullable(),
  number: z.number().int().min(0).nullable(),
  start: RealWhen,
  moderators: z.array(Text),
  nextMeeting: RealWhen,
  agenda: z.array(AgendaInput),
  sections: z.array(
    z.object({
      title: Text,
      agendaIndex: z.number().int().min(0).nullable().default(null),
      speakers: z.array(Text).default([]),
    }),
  ),
  actions: z.array(
    z.object({
      text: Text,
      owner: Text.nullable().default(null),
      due: RealWhen.default(null),
    }),
  ),
  participants: z.array(
    z.object({
      name: Text,
      affiliation: Text.nullable().default(null),
      roles: z.array(Text).default([]),
    }),
  ),
  links: z.array(z.object({ url: Text, text: Text.nullable().default(null) })),
  decisions: z.array(z.object({ text: Text })),
});

export type CorrectableField = keyof z.infer<typeof CORRECTABLE>;
export const CORRECTABLE_FIELDS = Object.keys(CORRECTABLE.shape) as CorrectableField[];

/** A body of fields to set, as PATCH /api/meetings/:id and `rapporteur correct` take it. */
export const CorrectionPatch = z
  .strictObject(CORRECTABLE.partial().shape, {
    error: (iss) =>
      iss.code === "unrecognized_keys"
        ? `${iss.keys.join(", ")}: not a field that can be corrected; use ${CORRECTABLE_FIELDS.join(", ")}`
        : undefined,
  })
  .refine((p) => Object.keys(p).length > 0, {
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

/** When a change was made, as the history shows it: "2026-12-01 05:01 UTC". */
export const changedAt = (iso: string): string => `${iso.slice(0, 16).replace("T", " ")} UTC`;

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
