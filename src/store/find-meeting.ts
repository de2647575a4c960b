import type { Queryable } from "./db.js";
import type { StoredRecord } from "./meeting-rows.js";

/** SQL: the nicknames of meeting `m`'s list as a JSON text of { name, nick } (column `nicks`). */
export const NICKNAMES =
  "(SELECT json_agg(json_build_object('name', a.name, 'nick', a.nick))::text FROM attendance a WHERE a.meeting_id = m.id AND a.nick IS NOT NULL) AS nicks";

/** A meeting by its id or its source file name (the newest if several share the name). */
export async function findMeeting(
  db: Queryable,
  idOrSource: string,
): Promise<{
  id: number;
  record: StoredRecord;
  lines: string[];
  nicknames: { name: string; nick: string }[];
} | null> {
  const id = /^\d+$/.test(idOrSource) ? Number(idOrSource) : -1;
  const { rows } = await db.query<{
    id: number;
    record: string;
    text: string;
    nicks: string | null;
  }>(
    `SELECT m.id, m.record::text AS record, d.text,
       ${NICKNAMES}
     FROM meetings m JOIN documents d ON d.id = m.document_id WHERE m.id = $1 OR m.source = $2 OR m.source = $3 ORDER BY (m.id = $1) DESC, m.start_at DESC NULLS LAST LIMIT 1`,
    [id, idOrSource, idOrSource.split("/").pop()],
  );
  const r = rows[0];
  return r
    ? {
        id: r.id,
        record: JSON.parse(r.record) as StoredRecord,
        lines: r.text.split("\n"),
        nicknames: r.nicks ? (JSON.parse(r.nicks) as { name: string; nick: string }[]) : [],
      }
    : null;
}
