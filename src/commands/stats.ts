import type { Db } from "../store/db.js";
import { listMeetings } from "../store/read.js";
import { listPeople } from "../store/people.js";
import type { Viewer } from "../model/viewer.js";

/** Counts of what the viewer may see: meetings, people, groups, findings. */
export async function stats(
  db: Db,
  v: Viewer,
): Promise<{ meetings: number; people: number; groups: number; findings: number }> {
  const ms = await listMeetings(db, v, { limit: 100000 });
  const ps = await listPeople(db, v);
  return {
    meetings: ms.length,
    people: ps.length,
    groups: new Set(ms.map((m) => m.group)).size,
    findings: ms.reduce((a, m) => a + m.findings, 0),
  };
}
