import type { Queryable } from "./db.js";
import type { FullRecord, MeetingRecord, Provenance } from "../model/record.js";

/** The stored form of a record: the contract plus provenance (what `extract` prints). */
export type StoredRecord = MeetingRecord & { provenance: Provenance };

/** A searchable unit cut from the report: a section with its body, or an undiscussed agenda item. */
export interface Unit { kind: "section" | "agenda"; title: string; agendaTitle: string | null; agendaIndex: number | null; speakers: string[]; line: number | null; endLine: number | null; body: string }

/** Cuts a record into search units, with each section's body read from the report's lines. */
export function unitsOf(record: StoredRecord, lines: readonly string[]): Unit[] {
  const units: Unit[] = record.sections.map((s, i) => {
    const span = record.provenance.sections[i];
    const body = span ? lines.slice(span.line - 1, span.endLine).join("\n").trim() : "";
    const agenda = s.agendaIndex === null ? null : record.agenda[s.agendaIndex] ?? null;
    return { kind: "section", title: s.title, agendaTitle: agenda?.title ?? null, agendaIndex: s.agendaIndex, speakers: s.speakers, line: span?.line ?? null, endLine: span?.endLine ?? null, body };
  });
  const discussed = new Set(record.sections.map((s) => s.agendaIndex));
  let flat = 0;
  record.agenda.forEach((a, i) => {
    const line = record.provenance.agenda[flat]?.line ?? null;
    flat += 1 + countItems(a.items);
    if (discussed.has(i)) return;
    const body = a.items.map((x) => x.title).join("\n");
    units.push({ kind: "agenda", title: a.title, agendaTitle: null, agendaIndex: i, speakers: [], line, endLine: line, body });
  });
  return units;
}

const countItems = (items: MeetingRecord["agenda"]): number => items.reduce((n, x) => n + 1 + countItems(x.items), 0);

/** The stored document a meeting comes from. */
export interface DocumentRow { path: string; source: string; format: string; content: Uint8Array; sha256: string; extractorVersion: string }

/**
 * Saves one meeting and everything it holds in the caller's transaction, replacing any
 * earlier meeting from the same path. Returns the meeting id.
 */
export async function saveMeeting(tx: Queryable, doc: DocumentRow, record: StoredRecord, lines: readonly string[], extra: { nicknames?: FullRecord["nicknames"]; statements?: FullRecord["statements"]; membersOnly?: boolean } = {}): Promise<number> {
  const old = await tx.query<{ members_only: boolean }>(`SELECT m.members_only FROM documents d JOIN meetings m ON m.document_id = d.id WHERE d.path = $1`, [doc.path]);
  await tx.query(`DELETE FROM documents WHERE path = $1`, [doc.path]);
  const { rows: [d] } = await tx.query<{ id: number }>(
    `INSERT INTO documents (path, source, format, content, sha256, extractor_version) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
    [doc.path, doc.source, doc.format, doc.content, doc.sha256, doc.extractorVersion],
  );
  const membersOnly = extra.membersOnly ?? old.rows[0]?.members_only ?? false;
  const { rows: [m] } = await tx.query<{ id: number }>(
    `INSERT INTO meetings (document_id, source, group_name, group_acronym, number, start, start_at, next_meeting, members_only, record)
     VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8, $9, $10) RETURNING id`,
    [d!.id, record.source, record.group, record.groupAcronym, record.number, record.start, record.start, record.nextMeeting, membersOnly, JSON.stringify(record)],
  );
  const id = m!.id;
  const units = unitsOf(record, lines);
  if (units.length) {
    await tx.query(
      `INSERT INTO sections (meeting_id, ord, kind, title, agenda_title, agenda_index, speakers, line, end_line, body, start_at, head, tsv)
       SELECT $1, t.ord, t.kind, t.title, t.agenda_title, t.agenda_index, CASE WHEN t.speakers = '' THEN '{}'::text[] ELSE string_to_array(t.speakers, E'\\x1f') END,
              t.line, t.end_line, t.body, $2::timestamptz, h.head, h.head || setweight(to_tsvector('english', t.body), 'D')
       FROM unnest($3::int[], $4::text[], $5::text[], $6::text[], $7::int[], $8::text[], $9::int[], $10::int[], $11::text[])
            AS t(ord, kind, title, agenda_title, agenda_index, speakers, line, end_line, body),
       LATERAL (SELECT setweight(to_tsvector('english', t.title), 'A') || setweight(to_tsvector('english', coalesce(t.agenda_title, '')), 'B') AS head) h`,
      [id, record.start, units.map((_, i) => i), units.map((u) => u.kind), units.map((u) => u.title), units.map((u) => u.agendaTitle), units.map((u) => u.agendaIndex),
        units.map((u) => u.speakers.join("\x1f")), units.map((u) => u.line), units.map((u) => u.endLine), units.map((u) => u.body)],
    );
  }
  const st = extra.statements ?? [];
  if (st.length) {
    await tx.query(`INSERT INTO statements (meeting_id, section_ord, speaker, line, end_line) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::int[], $5::int[])`,
      [id, st.map((s) => s.section), st.map((s) => s.speaker), st.map((s) => s.line), st.map((s) => s.endLine)]);
  }
  const p = record.participants, nick = new Map((extra.nicknames ?? []).map((n) => [n.name, n.nick]));
  if (p.length) {
    await tx.query(`INSERT INTO attendance (meeting_id, ord, name, nick, affiliation, roles, line)
       SELECT $1, t.ord, t.name, t.nick, t.affiliation, CASE WHEN t.roles = '' THEN '{}'::text[] ELSE string_to_array(t.roles, E'\\x1f') END, t.line
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[]) AS t(ord, name, nick, affiliation, roles, line)`,
      [id, p.map((_, i) => i), p.map((x) => x.name), p.map((x) => nick.get(x.name) ?? null), p.map((x) => x.affiliation), p.map((x) => x.roles.join("\x1f")), p.map((_, i) => record.provenance.participants[i]?.line ?? null)]);
  }
  const a = record.actions;
  if (a.length) {
    await tx.query(`INSERT INTO actions (meeting_id, ord, text, owner, due, line) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[])`,
      [id, a.map((_, i) => i), a.map((x) => x.text), a.map((x) => x.owner), a.map((x) => x.due), a.map((_, i) => record.provenance.actions[i]?.line ?? null)]);
  }
  const l = record.links;
  if (l.length) {
    await tx.query(`INSERT INTO links (meeting_id, ord, url, text, line) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::int[])`,
      [id, l.map((_, i) => i), l.map((x) => x.url), l.map((x) => x.text), l.map((_, i) => record.provenance.links[i]?.line ?? null)]);
  }
  const f = record.issues;
  if (f.length) {
    await tx.query(`INSERT INTO findings (meeting_id, ord, code, message, subject, line) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::int[])`,
      [id, f.map((_, i) => i), f.map((x) => x.code), f.map((x) => x.message), f.map((x) => x.subject), f.map((x) => x.line)]);
  }
  return id;
}

/** How a path stands in the store: absent, unchanged, or changed. */
export async function documentState(db: Queryable, path: string, sha256: string, version: string): Promise<"new" | "unchanged" | "changed" | "duplicate"> {
  const { rows } = await db.query<{ path: string; sha256: string; extractor_version: string }>(`SELECT path, sha256, extractor_version FROM documents WHERE path = $1 OR sha256 = $2`, [path, sha256]);
  const same = rows.find((r) => r.path === path);
  if (same) return same.sha256 === sha256 && same.extractor_version === version ? "unchanged" : "changed";
  return rows.length ? "duplicate" : "new";
}
