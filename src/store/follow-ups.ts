import type { Queryable } from "./db.js";
import type { Viewer } from "../model/viewer.js";
import { visible } from "./scope.js";
import {
  findFollowUps,
  keyWords,
  type FollowUp,
  type LaterSection,
} from "../resolve/follow-ups.js";
import { stemmerFor } from "./tsvector.js";

/**
 * For each action of a meeting, the later sections of its group that discuss it, with the
 * evidence. The sections' words come from the search index (no report text is read).
 */
export async function followUps(
  db: Queryable,
  v: Viewer,
  meetingId: number,
  actions: { text: string; owner: string | null }[],
): Promise<FollowUp[][]> {
  if (!actions.length) return [];
  const { rows } = await db.query<{
    id: number;
    source: string;
    start: string | null;
    sections: string | null;
  }>(
    // the next few meetings are chosen first, then their sections are read
    `WITH later AS (
       SELECT m.id, m.source, m.start, m.start_at FROM meetings m, meetings me
       WHERE me.id = $1 AND m.group_name = me.group_name AND m.start_at > me.start_at AND ${visible(v)}
       ORDER BY m.start_at LIMIT 4)
     SELECT l.id, l.source, l.start,
       (SELECT json_agg(json_build_object('title', s.title, 'ord', s.ord, 'speakers', s.speakers, 'lexemes', tsvector_to_array(s.tsv)) ORDER BY s.ord)::text
          FROM sections s WHERE s.meeting_id = l.id AND s.kind = 'section') AS sections
     FROM later l ORDER BY l.start_at`,
    [meetingId],
  );
  if (!rows.length) return actions.map(() => []);
  const later = rows.map((r) => ({
    meetingId: r.id,
    source: r.source,
    start: r.start,
    sections: (r.sections ? JSON.parse(r.sections) : []) as LaterSection[],
  }));
  const stemmer = stemmerFor(db);
  await stemmer.learn(
    db,
    actions.map((a) => keyWords(a.text).join(" ")),
  );
  return actions.map((a) => findFollowUps(a, later, (w) => stemmer.stem(w)));
}
