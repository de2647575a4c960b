import type { Queryable } from "./db.js";
import type { StoredRecord } from "./meeting-rows.js";
import { listActions, type ActionRow } from "./read.js";
import { visible } from "./scope.js";
import type { Viewer } from "../model/viewer.js";
import { nameKey } from "../resolve/people.js";
import { likeExact } from "./like.js";
import { norm } from "../extract/text.js";

export interface DraftFacts {
  group: string;
  acronym: string | null;
  number: number | null;
  start: string | null;
  previous: { source: string; start: string | null; number: number | null };
  openActions: ActionRow[];
  /** Open actions of older meetings, not carried (the draft says so). */
  olderOpen: number;
  /** Items of the latest meeting's agenda its discussion never took up. */
  notReached: string[];
  /** Agenda items that recur in most of the group's recent meetings. */
  standing: string[];
  /** How many meetings ago each carried action was taken, by its key. */
  ageOf: Record<string, number>;
  usual: { name: string; affiliation: string | null }[];
}

/** What the next meeting's skeleton needs: the group's latest meeting, open actions, regular participants. */
export async function draftFacts(
  db: Queryable,
  v: Viewer,
  group: string,
): Promise<DraftFacts | null> {
  const { rows } = await db.query<{ source: string; record: string; start: string | null }>(
    `SELECT source, record::text AS record, start FROM meetings m WHERE (group_name ILIKE $1 OR group_acronym ILIKE $1) AND ${visible(v)} ORDER BY start_at DESC NULLS LAST, id DESC LIMIT 5`,
    [likeExact(group)],
  );
  if (!rows.length) return null;
  const records = rows.map((r) => JSON.parse(r.record) as StoredRecord);
  const latest = records[0]!;
  // regulars: listed in at least half of the group's last (up to) five meetings, the latest
  // meeting's moderators first, then by how recently and how often they came
  const seen = new Map<
    string,
    { name: string; affiliation: string | null; n: number; last: number }
  >();
  for (const [age, r] of records.entries()) {
    const once = new Set<string>();
    for (const p of r.participants) {
      const k = nameKey(p.name);
      if (once.has(k)) continue;
      once.add(k);
      const e = seen.get(k) ?? { name: p.name, affiliation: p.affiliation, n: 0, last: age };
      e.n++;
      seen.set(k, e);
    }
  }
  const chairs = latest.moderators.map(nameKey);
  const usual = [...seen.entries()]
    .filter(([k, e]) => e.n >= Math.ceil(records.length / 2) || chairs.includes(k))
    .sort(
      ([ka, a], [kb, b]) =>
        Number(chairs.includes(kb)) - Number(chairs.includes(ka)) || a.last - b.last || b.n - a.n,
    )
    .map(([, { name, affiliation }]) => ({ name, affiliation }));
  for (const m of latest.moderators)
    if (!seen.has(nameKey(m))) usual.unshift({ name: m, affiliation: null });
  // carried over: open actions of the meetings the draft is made from; older ones are
  // counted, not carried silently
  const recent = new Set(rows.map((r) => r.source));
  const open = (await listActions(db, v, { group })).filter((a) => a.status === "open");
  const openActions = open.filter((a) => recent.has(a.source));
  const discussed = new Set(latest.sections.map((s) => s.agendaIndex));
  const notReached = latest.agenda
    .filter((_, i) => !discussed.has(i) && latest.sections.length > 0)
    .map((a) => a.title);
  return {
    group: latest.group ?? group,
    acronym: latest.groupAcronym,
    number: latest.number !== null ? latest.number + 1 : null,
    start: latest.nextMeeting,
    previous: { source: latest.source, start: latest.start, number: latest.number },
    openActions,
    olderOpen: open.length - openActions.length,
    notReached,
    standing: standingItems(records),
    ageOf: Object.fromEntries(
      openActions.map((a) => [a.key, rows.findIndex((r) => r.source === a.source)]),
    ),
    usual,
  };
}

/**
 * Items on the agenda of most of the recent meetings (at least three, and more than half),
 * other than the opening and closing ones every draft has.
 */
export function standingItems(records: readonly StoredRecord[]): string[] {
  if (records.length < 3) return [];
  const count = new Map<string, { title: string; n: number }>();
  for (const r of records)
    for (const k of new Set(r.agenda.map((a) => norm(a.title)))) {
      const title = r.agenda.find((a) => norm(a.title) === k)!.title;
      const e = count.get(k) ?? { title, n: 0 };
      e.n++;
      count.set(k, e);
    }
  return [...count.entries()]
    .filter(
      ([k, e]) =>
        e.n >= 3 &&
        e.n > records.length / 2 &&
        !/\b(adoption of the agenda|any other business|aob)\b/.test(k),
    )
    .map(([, e]) => e.title);
}
