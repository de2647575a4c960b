import type { Queryable } from "./db.js";
import type { StoredRecord } from "./meeting-rows.js";
import { listActions, type ActionRow } from "./read.js";
import { visible } from "./scope.js";
import type { Viewer } from "../model/viewer.js";
import { nameKey } from "../resolve/people.js";
import { likeExact } from "./like.js";

export interface DraftFacts {
  group: string;
  acronym: string | null;
  number: number | null;
  start: string | null;
  previous: { source: string; start: string | null; number: number | null };
  openActions: ActionRow[];
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
  // regulars: listed in at least half of the group's last (up to) five meetings
  const seen = new Map<string, { name: string; affiliation: string | null; n: number }>();
  for (const r of records) {
    const once = new Set<string>();
    for (const p of r.participants) {
      const k = nameKey(p.name);
      if (once.has(k)) continue;
      once.add(k);
      const e = seen.get(k) ?? { name: p.name, affiliation: p.affiliation, n: 0 };
      e.n++;
      seen.set(k, e);
    }
  }
  const usual = [...seen.values()]
    .filter((e) => e.n >= Math.ceil(records.length / 2))
    .map(({ name, affiliation }) => ({ name, affiliation }));
  const openActions = (await listActions(db, v, { group })).filter((a) => a.status === "open");
  return {
    group: latest.group ?? group,
    acronym: latest.groupAcronym,
    number: latest.number !== null ? latest.number + 1 : null,
    start: latest.nextMeeting,
    previous: { source: latest.source, start: latest.start, number: latest.number },
    openActions,
    usual,
  };
}
