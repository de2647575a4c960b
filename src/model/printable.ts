import type { FullRecord, MeetingRecord } from "./record.js";

// The record's printed and stored forms: pure reshaping, kept apart from the extractor so
// a command that only prints records does not load it.

/** The contract's fields only, in the contract's order. */
export function contractOf(r: MeetingRecord): MeetingRecord {
  const {
    source,
    group,
    groupAcronym,
    number,
    start,
    moderators,
    agenda,
    sections,
    actions,
    nextMeeting,
    participants,
    links,
    decisions = [],
    notes = [],
    issues,
  } = r;
  return {
    source,
    group,
    groupAcronym,
    number,
    start,
    moderators,
    agenda,
    sections,
    actions,
    nextMeeting,
    participants,
    links,
    decisions,
    notes,
    issues,
  };
}

/** The stored and printed form of a record: the contract plus the provenance of its facts. */
export const printable = (
  r: FullRecord,
): MeetingRecord & { provenance: FullRecord["provenance"] } => ({
  ...contractOf(r),
  provenance: r.provenance,
});

/**
 * The stored form: the printed record plus what the people index learns from the report
 * (those listed as absent, other spellings of listed people). Export carries it.
 */
export const storable = (
  r: FullRecord,
): MeetingRecord & Pick<FullRecord, "provenance" | "absent" | "mentions"> => ({
  ...printable(r),
  absent: r.absent,
  mentions: r.mentions,
});
