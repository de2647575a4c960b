import type { Queryable } from "./db.js";
import type { Viewer } from "../model/viewer.js";
import { visible } from "./scope.js";
import type { CalendarMeeting } from "../model/calendar.js";
import { likeExact } from "./like.js";

/** A group's held meetings and the next meetings its reports announce (not yet held). */
export async function groupCalendar(
  db: Queryable,
  v: Viewer,
  group: string,
): Promise<{ name: string; meetings: CalendarMeeting[] } | null> {
  const { rows } = await db.query<{
    id: number;
    group_name: string;
    number: number | null;
    start: string | null;
    next_meeting: string | null;
    source: string;
  }>(
    `SELECT id, group_name, number, start, next_meeting, source FROM meetings m
     WHERE (group_name ILIKE $1 OR group_acronym ILIKE $1) AND ${visible(v)} ORDER BY start_at NULLS LAST, id`,
    [likeExact(group)],
  );
  if (!rows.length) return null;
  const held = rows
    .filter((r) => r.start)
    .map((r) => ({
      id: r.id,
      group: r.group_name,
      number: r.number,
      start: r.start!,
      held: true,
      source: r.source,
    }));
  const heldDays = new Set(held.map((h) => h.start.slice(0, 10)));
  const announced: CalendarMeeting[] = [];
  for (const r of rows) {
    if (
      !r.next_meeting ||
      heldDays.has(r.next_meeting.slice(0, 10)) ||
      announced.some((a) => a.start === r.next_meeting)
    )
      continue;
    announced.push({
      id: null,
      group: r.group_name,
      number: r.number !== null ? r.number + 1 : null,
      start: r.next_meeting,
      held: false,
      source: r.source,
    });
  }
  return { name: rows[0]!.group_name, meetings: [...held, ...announced] };
}
