import type { Queryable } from "./db.js";
import type { StoredRecord } from "./meeting-rows.js";

/** A meeting by its id or its source file name (the newest if several share the name). */
export async function findMeeting(
  db: Queryable,
  idOrSource: string,
): Promise<{ id: number; record: StoredRecord } | null> {
  const id = /^\d+$/.test(idOrSource) ? Number(idOrSource) : -1;
  const { rows } = await db.query<{ id: number; record: string }>(
    `SELECT id, record::text AS record FROM meetings WHERE id = $1 OR source = $2 OR source = $3 ORDER BY (id = $1) DESC, start_at DESC NULLS LAST LIMIT 1`,
    [id, idOrSource, idOrSource.split("/").pop()],
  );
  return rows[0] ? { id: rows[0].id, record: JSON.parse(rows[0].record) as StoredRecord } : null;
}
