import type { Queryable } from "./db.js";
import type { Viewer } from "../model/viewer.js";
import { visible } from "./scope.js";
import { likeContains, likeExact } from "./like.js";

/** One decision of the register, with the meeting that took it and its line. */
export interface DecisionRow {
  meetingId: number;
  source: string;
  group: string | null;
  number: number | null;
  start: string | null;
  text: string;
  line: number | null;
}

/**
 * The decisions register: every decision of the meetings the viewer may see (effective
 * records, so an editor's corrections count), newest meeting first, in each meeting's order.
 */
export async function listDecisions(
  db: Queryable,
  v: Viewer,
  f: { group?: string | undefined } = {},
): Promise<DecisionRow[]> {
  const params: unknown[] = [];
  const where = [visible(v), `json_typeof(m.record->'decisions') = 'array'`];
  if (f.group) {
    params.push(likeContains(f.group), likeExact(f.group));
    where.push(`(m.group_name ILIKE $1 OR m.group_acronym ILIKE $2)`);
  }
  const { rows } = await db.query<{
    id: number;
    source: string;
    group_name: string | null;
    number: number | null;
    start: string | null;
    text: string;
    line: number | null;
  }>(
    `SELECT m.id, m.source, m.group_name, m.number, m.start, d.value->>'text' AS text,
       (m.record->'provenance'->'decisions'->((d.ord - 1)::int)->>'line')::int AS line
     FROM meetings m, json_array_elements(m.record->'decisions') WITH ORDINALITY AS d(value, ord)
     WHERE ${where.join(" AND ")}
     ORDER BY m.start_at DESC NULLS LAST, m.id DESC, d.ord`,
    params,
  );
  return rows.map((r) => ({
    meetingId: r.id,
    source: r.source,
    group: r.group_name,
    number: r.number,
    start: r.start,
    text: r.text,
    line: r.line,
  }));
}
