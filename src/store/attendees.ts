import type { Queryable } from "./db.js";
import type { Viewer } from "../model/viewer.js";
import { nameKey } from "../extract/names.js";
import { visible } from "./scope.js";

/** One person at one meeting, as every count of people reads it. */
export interface Attendee {
  meetingId: number;
  /** The resolved person (null when people have not been rebuilt for this meeting yet). */
  personId: string | null;
  /** The person's name (their page's), or the spelling listed when unresolved. */
  person: string;
  affiliation: string | null;
  stakeholder: string | null;
  /** Set when this meeting's list gave no affiliation and another meeting's did. */
  inferredFrom: { meetingId: number; source: string } | null;
}

/**
 * Who attended each meeting, counted by person: a person listed twice (or under two
 * spellings the people index joins) is one attendee. Where a meeting's list gives no
 * affiliation, the one the same person has in the nearest meeting in time the viewer may
 * see is used, marked as inferred with the meeting it came from — so "Unknown" means the
 * affiliation is given nowhere. The record itself is not changed.
 */
export async function attendees(
  db: Queryable,
  v: Viewer,
  meetingIds: readonly number[],
): Promise<Attendee[]> {
  if (!meetingIds.length) return [];
  const rows = await listed(db, v, `m.id = ANY($1::int[])`, [meetingIds]);
  const out: Attendee[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const who = r.person_id ?? `?${nameKey(r.name)}`;
    if (seen.has(`${r.meeting_id}|${who}`)) continue;
    seen.add(`${r.meeting_id}|${who}`);
    out.push({
      meetingId: r.meeting_id,
      personId: r.person_id,
      person: r.person_name ?? r.name,
      affiliation: r.affiliation,
      stakeholder: r.stakeholder_group,
      inferredFrom: null,
    });
  }
  await inferAffiliations(db, v, out, new Map(rows.map((r) => [r.meeting_id, r.start_at])));
  return out;
}

interface ListedRow {
  meeting_id: number;
  source: string;
  start_at: string | Date | null;
  name: string;
  affiliation: string | null;
  stakeholder_group: string | null;
  person_id: string | null;
  person_name: string | null;
}

// The participant lists of the meetings `where` selects, each entry with the person the
// people index resolved it to in that meeting (its spelling's key, scoped to the meeting).
async function listed(
  db: Queryable,
  v: Viewer,
  where: string,
  params: unknown[],
): Promise<ListedRow[]> {
  const { rows } = await db.query<Omit<ListedRow, "person_id" | "person_name">>(
    `SELECT a.meeting_id, m.source, m.start_at, a.name, a.affiliation, o.stakeholder_group
     FROM attendance a JOIN meetings m ON m.id = a.meeting_id
     LEFT JOIN organisations o ON o.name = a.affiliation
     WHERE ${where} AND ${visible(v)} ORDER BY m.start_at NULLS LAST, a.meeting_id, a.ord`,
    params,
  );
  const sources = [...new Set(rows.map((r) => r.source))];
  const links = await db.query<{ source: string; key: string; person_id: string; name: string }>(
    `SELECT pm.source, al.key, p.id AS person_id, p.name
     FROM person_meetings pm JOIN aliases al ON al.person_id = pm.person_id JOIN people p ON p.id = pm.person_id
     WHERE pm.source = ANY($1::text[])`,
    [sources],
  );
  const byKey = new Map(links.rows.map((l) => [`${l.source}|${l.key}`, l]));
  return rows.map((r) => {
    const hit = byKey.get(`${r.source}|${nameKey(r.name)}`);
    return { ...r, person_id: hit?.person_id ?? null, person_name: hit?.name ?? null };
  });
}

const time = (t: string | Date | null) => (t === null ? null : new Date(t).getTime());

// Fills missing affiliations from the same person's nearest meeting in time that gives one.
async function inferAffiliations(
  db: Queryable,
  v: Viewer,
  list: Attendee[],
  starts: ReadonlyMap<number, string | Date | null>,
): Promise<void> {
  const missing = list.filter((a) => !a.affiliation && a.personId);
  if (!missing.length) return;
  const ids = [...new Set(missing.map((a) => a.personId!))];
  const elsewhere = (
    await listed(
      db,
      v,
      `a.affiliation IS NOT NULL AND m.source IN (SELECT source FROM person_meetings WHERE person_id = ANY($1::text[]))`,
      [ids],
    )
  ).filter((r) => r.person_id && ids.includes(r.person_id));
  for (const a of missing) {
    const at = time(starts.get(a.meetingId) ?? null);
    let best: ListedRow | null = null;
    let gap = Infinity;
    for (const r of elsewhere) {
      if (r.person_id !== a.personId || r.meeting_id === a.meetingId) continue;
      const t = time(r.start_at);
      const d = at === null || t === null ? Number.MAX_SAFE_INTEGER : Math.abs(t - at);
      if (d < gap) [best, gap] = [r, d];
    }
    if (!best) continue;
    a.affiliation = best.affiliation;
    a.stakeholder = best.stakeholder_group;
    a.inferredFrom = { meetingId: best.meeting_id, source: best.source };
  }
}
