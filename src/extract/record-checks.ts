import type { Issue, MeetingRecord } from "../model/record.js";
import { FINDING_FIELDS, type CorrectableField, type Correction } from "../model/corrections.js";
import { duplicates } from "./checks.js";
import { known, nameKey, resolveName } from "./names.js";

/** A finding extraction reported about a value an editor has since corrected. */
export interface ResolvedFinding extends Issue {
  resolvedBy: string;
  resolvedAt: string;
  field: CorrectableField;
}

/**
 * The findings of an effective record. Findings that compare the record's own values
 * (duplicates, unlisted speakers, agenda order, a missing list) are recomputed when a
 * field they read was corrected; the report's own findings about a corrected field (the
 * header's number or date against the text) are kept as resolved by that correction.
 */
export function recheck(
  record: MeetingRecord,
  extracted: readonly Issue[],
  corrected: ReadonlyMap<CorrectableField, Correction>,
): { issues: Issue[]; resolved: ResolvedFinding[] } {
  const touching = (code: string) =>
    (FINDING_FIELDS[code] ?? []).map((f) => corrected.get(f)).find((c) => c !== undefined);
  const issues: Issue[] = [];
  const resolved: ResolvedFinding[] = [];
  for (const i of extracted) {
    const c = touching(i.code);
    if (!c) issues.push(i);
    else resolved.push({ ...i, resolvedBy: c.by, resolvedAt: c.at, field: c.field });
  }
  const recomputed = new Set([...RECOMPUTED].filter((code) => touching(code)));
  if (!recomputed.size) return { issues, resolved };
  const fresh = recordFindings(record).filter((i) => recomputed.has(i.code));
  // a recomputed finding the report already had is still open, not resolved
  for (const f of fresh) {
    const at = resolved.findIndex((r) => r.code === f.code && r.subject === f.subject);
    if (at >= 0) resolved.splice(at, 1);
  }
  return { issues: [...issues, ...fresh], resolved };
}

const RECOMPUTED = new Set([
  "duplicate-participant",
  "speaker-not-listed",
  "agenda-section-mismatch",
  "missing-participants",
]);

/** The findings a record's values alone can show (corrected values have no lines). */
export function recordFindings(r: MeetingRecord): Issue[] {
  const out: Issue[] = [];
  if (!r.participants.length) {
    out.push({
      code: "missing-participants",
      message: "No list of participants is given; add one so attendance can be recorded.",
      subject: null,
      line: null,
    });
  }
  out.push(...duplicates(r.participants.map((p) => ({ ...p, line: null }))));
  if (r.participants.length) {
    // "listed" as extraction decides it: the same name, a unique first name or surname, a
    // close spelling (names.ts)
    const people = r.participants.map((p) => known(p.name));
    const seen = new Set<string>();
    for (const name of r.sections.flatMap((s) => s.speakers)) {
      const k = nameKey(name);
      if (seen.has(k) || resolveName(name, people) !== null) continue;
      seen.add(k);
      out.push({
        code: "speaker-not-listed",
        message: `${name} speaks in the discussion but is not in the list of participants.`,
        subject: name,
        line: null,
      });
    }
  }
  let prev = -1;
  for (const s of r.sections) {
    if (s.agendaIndex === null) continue;
    const item = r.agenda[s.agendaIndex];
    if (!item || s.agendaIndex < prev) {
      out.push({
        code: "agenda-section-mismatch",
        message: item
          ? `The discussion takes up '${item.title}' after later agenda items; it does not follow the agenda's order.`
          : `The section '${s.title}' refers to agenda item ${s.agendaIndex + 1}, which the agenda does not have.`,
        subject: null,
        line: null,
      });
      break;
    }
    prev = s.agendaIndex;
  }
  return out;
}
