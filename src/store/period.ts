import type { Queryable } from "./db.js";
import type { StoredRecord } from "./meeting-rows.js";
import { listActions, type ActionRow } from "./read.js";
import { visible } from "./scope.js";
import { attendees, type Attendee } from "./attendees.js";
import type { Viewer } from "../model/viewer.js";
import { nameKey } from "../resolve/people.js";
import { likeExact } from "./like.js";
import { isOverdue } from "../model/actions.js";

export interface PeriodFacts {
  group: string;
  from: string | null;
  to: string | null;
  meetings: {
    id: number;
    source: string;
    number: number | null;
    start: string | null;
    participants: number;
    sections: number;
  }[];
  attendance: { person: string; meetings: number; first: string | null }[];
  newcomers: string[];
  regulars: string[];
  balance: { meeting: string; stakeholder: string; count: number }[];
  /** How many attendances got their affiliation from another meeting (see attendees.ts). */
  inferred: number;
  /** Each topic (a learned acronym) with the meetings that discussed it: their numbers, else dates. */
  topics: { term: string; meetings: string[] }[];
  decisions: { text: string; meeting: string; start: string | null }[];
  actions: { opened: ActionRow[]; closed: ActionRow[]; overdue: ActionRow[] };
}

/** Facts for a group's period report: activities, engagement and outcomes between two dates. */
export async function periodFacts(
  db: Queryable,
  v: Viewer,
  group: string,
  from: string | null,
  to: string | null,
  today: string,
): Promise<PeriodFacts | null> {
  const all = await db.query<{ id: number; source: string; record: string; start: string | null }>(
    `SELECT id, source, record::text AS record, start FROM meetings m WHERE (group_name ILIKE $1 OR group_acronym ILIKE $1) AND ${visible(v)} ORDER BY start_at NULLS LAST, id`,
    [likeExact(group)],
  );
  if (!all.rows.length) return null;
  const inPeriod = (s: string | null) =>
    !!s && (!from || s.slice(0, 10) >= from) && (!to || s.slice(0, 10) <= to);
  const rows = all.rows.filter((r) => inPeriod(r.start));
  const recs = rows.map((r) => ({ ...r, rec: JSON.parse(r.record) as StoredRecord }));
  // people counted by person, as every page counts them (attendees.ts): a duplicate
  // listing is one person, spellings the people index joins are one person
  const earlier = all.rows.filter((r) => r.start && from && r.start.slice(0, 10) < from);
  const [present, past] = await Promise.all([
    attendees(
      db,
      v,
      rows.map((r) => r.id),
    ),
    attendees(
      db,
      v,
      earlier.map((r) => r.id),
    ),
  ]);
  const who = (a: Attendee) => a.personId ?? `?${nameKey(a.person)}`;
  const before = new Set(past.map(who));
  const startOf = new Map(rows.map((r) => [r.id, r.start]));
  const count = new Map<string, { person: string; meetings: number; first: string | null }>();
  for (const a of present) {
    const e = count.get(who(a)) ?? {
      person: a.person,
      meetings: 0,
      first: startOf.get(a.meetingId) ?? null,
    };
    e.meetings++;
    count.set(who(a), e);
  }
  const attendance = [...count.values()].sort(
    (a, b) => b.meetings - a.meetings || a.person.localeCompare(b.person),
  );
  const newcomerKeys = new Set([...count.keys()].filter((k) => !before.has(k)));
  const balance: PeriodFacts["balance"] = [];
  for (const r of recs) {
    const label = `${r.rec.number ?? "?"} (${(r.start ?? "").slice(0, 10)})`;
    const per = new Map<string, number>();
    for (const a of present.filter((x) => x.meetingId === r.id)) {
      const g = a.stakeholder ?? "Unknown";
      per.set(g, (per.get(g) ?? 0) + 1);
    }
    for (const [stakeholder, c] of per) balance.push({ meeting: label, stakeholder, count: c });
  }
  const inferred = present.filter((a) => a.inferredFrom).length;
  const gl = await db.query<{ acronym: string; expansion: string }>(
    `SELECT acronym, expansion FROM glossary`,
  );
  const topics = gl.rows
    .map((g) => ({
      term: `${g.expansion} (${g.acronym})`,
      meetings: recs
        .filter(
          (r) =>
            JSON.stringify(r.rec.sections).includes(g.acronym) ||
            JSON.stringify(r.rec.agenda).toLowerCase().includes(g.expansion.toLowerCase()) ||
            JSON.stringify(r.rec.agenda).includes(g.acronym),
        )
        .map((r) =>
          r.rec.number !== null ? String(r.rec.number) : (r.start ?? r.source).slice(0, 10),
        ),
    }))
    .filter((t) => t.meetings.length > 0)
    .sort((a, b) => b.meetings.length - a.meetings.length)
    .slice(0, 15);
  const decisions = recs.flatMap((r) =>
    (r.rec.decisions ?? []).map((d) => ({ text: d.text, meeting: r.source, start: r.start })),
  );
  const acts = (await listActions(db, v, { group })).filter((a) => inPeriod(a.start));
  return {
    group: recs[0]?.rec.group ?? all.rows[0]!.source,
    from,
    to,
    meetings: recs.map((r) => ({
      id: r.id,
      source: r.source,
      number: r.rec.number,
      start: r.start,
      participants: present.filter((a) => a.meetingId === r.id).length,
      sections: r.rec.sections.length,
    })),
    attendance,
    newcomers: [...count].filter(([k]) => newcomerKeys.has(k)).map(([, e]) => e.person),
    inferred,
    regulars: attendance
      .filter((a) => a.meetings >= Math.max(2, Math.ceil(recs.length / 2)))
      .map((a) => a.person),
    balance,
    topics,
    decisions,
    actions: {
      opened: acts,
      closed: acts.filter((a) => a.status !== "open"),
      overdue: acts.filter((a) => isOverdue(a, today)),
    },
  };
}
