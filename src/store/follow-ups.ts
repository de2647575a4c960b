import type { Queryable } from "./db.js";
import type { Viewer } from "./read.js";
import { findFollowUps, type FollowUp } from "../resolve/follow-ups.js";

/** For each action of a meeting, the later sections of its group that discuss it, with the evidence. */
export async function followUps(db: Queryable, v: Viewer, meetingId: number, actions: { text: string; owner: string | null }[]): Promise<FollowUp[][]> {
  if (!actions.length) return [];
  const { rows } = await db.query<{ id: number; source: string; start: string | null; text: string; sections: { title: string; ord: number; line: number | null; end_line: number | null; speakers: string[] }[] | string }>(
    `SELECT m.id, m.source, m.start, d.text,
       (SELECT json_agg(json_build_object('title', s.title, 'ord', s.ord, 'line', s.line, 'end_line', s.end_line, 'speakers', s.speakers) ORDER BY s.ord)::text FROM sections s WHERE s.meeting_id = m.id AND s.kind = 'section') AS sections
     FROM meetings m JOIN documents d ON d.id = m.document_id, meetings me
     WHERE me.id = $1 AND m.group_name = me.group_name AND m.start_at > me.start_at AND ${v.editor ? "true" : "NOT m.members_only"}
     ORDER BY m.start_at LIMIT 12`, [meetingId]);
  const later = rows.map((r) => {
    const lines = r.text.split("\n");
    const secs = (typeof r.sections === "string" ? JSON.parse(r.sections) : r.sections ?? []) as { title: string; ord: number; line: number | null; end_line: number | null; speakers: string[] }[];
    return { meetingId: r.id, source: r.source, start: r.start, sections: secs.map((s) => ({ title: s.title, ord: s.ord, speakers: s.speakers, body: s.line ? lines.slice(s.line - 1, s.end_line ?? s.line).join(" ") : "" })) };
  });
  return actions.map((a) => findFollowUps(a, later));
}
