import type { Queryable } from "./db.js";
import type { FullRecord, MeetingRecord, Provenance } from "../model/record.js";
import { Stemmer } from "./tsvector.js";

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

/** Formats whose line text is the original: for these the text alone is kept. */
export const TEXT_FORMATS = new Set(["txt", "md"]);

/**
 * Saves one meeting and everything it holds in the caller's transaction, replacing any
 * earlier meeting from the same path. All rows go in one statement (one round trip: the
 * embedded server pays a fixed cost per statement). Returns the meeting id.
 */
export async function saveMeeting(tx: Queryable, doc: DocumentRow, record: StoredRecord, lines: readonly string[], extra: { nicknames?: FullRecord["nicknames"]; statements?: FullRecord["statements"]; membersOnly?: boolean; replace?: boolean; stemmer?: Stemmer } = {}): Promise<number> {
  let membersOnly = extra.membersOnly ?? false;
  if (extra.replace !== false) {
    const old = await tx.query<{ members_only: boolean }>(`DELETE FROM documents d USING meetings m WHERE d.path = $1 AND m.document_id = d.id RETURNING m.members_only`, [doc.path]);
    await tx.query(`DELETE FROM documents WHERE path = $1`, [doc.path]);
    membersOnly = extra.membersOnly ?? old.rows[0]?.members_only ?? false;
  }
  const units = unitsOf(record, lines);
  const stemmer = extra.stemmer ?? new Stemmer();
  await stemmer.learn(tx, units.flatMap((u) => [u.title, u.agendaTitle ?? "", u.body]));
  const vectors = units.map((u) => stemmer.vector([{ text: u.title, weight: "A" }, { text: u.agendaTitle ?? "", weight: "B" }, { text: u.body, weight: "D" }]));
  const heads = units.map((u) => stemmer.vector([{ text: u.title, weight: "A" }, { text: u.agendaTitle ?? "", weight: "B" }]));
  const st = extra.statements ?? [];
  const p = record.participants, nick = new Map((extra.nicknames ?? []).map((n) => [n.name, n.nick]));
  const a = record.actions, l = record.links, f = record.issues, pv = record.provenance;
  const params: unknown[] = [];
  const $ = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const sql = `
    WITH d AS (
      INSERT INTO documents (path, source, format, text, content, sha256, extractor_version)
      VALUES (${$(doc.path)}, ${$(doc.source)}, ${$(doc.format)}, ${$(lines.join("\n"))}, ${$(TEXT_FORMATS.has(doc.format) ? null : doc.content)}, ${$(doc.sha256)}, ${$(doc.extractorVersion)})
      RETURNING id),
    m AS (
      INSERT INTO meetings (document_id, source, group_name, group_acronym, number, start, start_at, next_meeting, members_only, record)
      SELECT d.id, ${$(record.source)}, ${$(record.group)}, ${$(record.groupAcronym)}, ${$(record.number)}::int, ${$(record.start)}, ${$(record.start)}::timestamptz, ${$(record.nextMeeting)}, ${$(membersOnly)}::boolean, ${$(JSON.stringify(record))}::json FROM d
      RETURNING id, document_id, start_at),
    s AS (
      INSERT INTO sections (meeting_id, ord, kind, title, agenda_title, agenda_index, speakers, line, end_line, document_id, start_at, head, tsv)
      SELECT m.id, t.ord, t.kind, t.title, t.agenda_title, t.agenda_index, CASE WHEN t.speakers = '' THEN '{}'::text[] ELSE string_to_array(t.speakers, E'\\x1f') END,
             t.line, t.end_line, m.document_id, m.start_at, t.head::tsvector, t.tsv::tsvector
      FROM m, unnest(${$(units.map((_, i) => i))}::int[], ${$(units.map((u) => u.kind))}::text[], ${$(units.map((u) => u.title))}::text[], ${$(units.map((u) => u.agendaTitle))}::text[],
                     ${$(units.map((u) => u.agendaIndex))}::int[], ${$(units.map((u) => u.speakers.join("\x1f")))}::text[], ${$(units.map((u) => u.line))}::int[], ${$(units.map((u) => u.endLine))}::int[], ${$(heads)}::text[], ${$(vectors)}::text[])
           AS t(ord, kind, title, agenda_title, agenda_index, speakers, line, end_line, head, tsv)),
    st AS (
      INSERT INTO statements (meeting_id, section_ord, speaker, line, end_line)
      SELECT m.id, t.* FROM m, unnest(${$(st.map((x) => x.section))}::int[], ${$(st.map((x) => x.speaker))}::text[], ${$(st.map((x) => x.line))}::int[], ${$(st.map((x) => x.endLine))}::int[]) AS t),
    at AS (
      INSERT INTO attendance (meeting_id, ord, name, nick, affiliation, roles, line)
      SELECT m.id, t.ord, t.name, t.nick, t.affiliation, CASE WHEN t.roles = '' THEN '{}'::text[] ELSE string_to_array(t.roles, E'\\x1f') END, t.line
      FROM m, unnest(${$(p.map((_, i) => i))}::int[], ${$(p.map((x) => x.name))}::text[], ${$(p.map((x) => nick.get(x.name) ?? null))}::text[], ${$(p.map((x) => x.affiliation))}::text[],
                     ${$(p.map((x) => x.roles.join("\x1f")))}::text[], ${$(p.map((_, i) => pv.participants[i]?.line ?? null))}::int[]) AS t(ord, name, nick, affiliation, roles, line)),
    ac AS (
      INSERT INTO actions (meeting_id, ord, text, owner, due, line)
      SELECT m.id, t.* FROM m, unnest(${$(a.map((_, i) => i))}::int[], ${$(a.map((x) => x.text))}::text[], ${$(a.map((x) => x.owner))}::text[], ${$(a.map((x) => x.due))}::text[], ${$(a.map((_, i) => pv.actions[i]?.line ?? null))}::int[]) AS t),
    li AS (
      INSERT INTO links (meeting_id, ord, url, text, line)
      SELECT m.id, t.* FROM m, unnest(${$(l.map((_, i) => i))}::int[], ${$(l.map((x) => x.url))}::text[], ${$(l.map((x) => x.text))}::text[], ${$(l.map((_, i) => pv.links[i]?.line ?? null))}::int[]) AS t),
    fi AS (
      INSERT INTO findings (meeting_id, ord, code, message, subject, line)
      SELECT m.id, t.* FROM m, unnest(${$(f.map((_, i) => i))}::int[], ${$(f.map((x) => x.code))}::text[], ${$(f.map((x) => x.message))}::text[], ${$(f.map((x) => x.subject))}::text[], ${$(f.map((x) => x.line))}::int[]) AS t)
    SELECT id FROM m`;
  const { rows } = await tx.query<{ id: number }>(sql, params);
  return rows[0]!.id;
}
