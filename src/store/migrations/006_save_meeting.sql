-- Saving a meeting is one call: a plpgsql function keeps its statement's plan, which a
-- plain statement pays for on every call (a quarter of a report's save in the embedded
-- server). Child rows arrive as JSON arrays of row objects. A later migration that
-- changes these tables must replace this function too.
CREATE FUNCTION save_meeting(p_path text, p_source text, p_format text, p_text text, p_content bytea, p_sha256 text, p_version text, p_record json, p_sections json, p_statements json, p_attendance json, p_actions json, p_links json, p_findings json, p_members_only boolean) RETURNS int LANGUAGE plpgsql AS $$
DECLARE mid int;
BEGIN
  WITH d AS (
    INSERT INTO documents (path, source, format, text, content, sha256, extractor_version)
    VALUES (p_path, p_source, p_format, p_text, p_content, p_sha256, p_version)
    RETURNING id),
  m AS (
    INSERT INTO meetings (document_id, source, group_name, group_acronym, number, start, start_at, next_meeting, members_only, record)
    SELECT d.id, p_record->>'source', p_record->>'group', p_record->>'groupAcronym', (p_record->>'number')::int, p_record->>'start', (p_record->>'start')::timestamptz, p_record->>'nextMeeting', p_members_only, p_record FROM d
    RETURNING id, document_id, start_at),
  s AS (
    INSERT INTO sections (meeting_id, ord, kind, title, agenda_title, agenda_index, speakers, line, end_line, document_id, start_at, head, tsv)
    SELECT m.id, t.ord, t.kind, t.title, t.agenda_title, t.agenda_index, coalesce(t.speakers, '{}'), t.line, t.end_line, m.document_id, m.start_at, t.head, t.tsv
    FROM m, json_to_recordset(p_sections) AS t(ord int, kind text, title text, agenda_title text, agenda_index int, speakers text[], line int, end_line int, head tsvector, tsv tsvector)),
  st AS (
    INSERT INTO statements (meeting_id, section_ord, speaker, line, end_line)
    SELECT m.id, t.* FROM m, json_to_recordset(p_statements) AS t(section_ord int, speaker text, line int, end_line int)),
  at AS (
    INSERT INTO attendance (meeting_id, ord, name, nick, affiliation, roles, line)
    SELECT m.id, t.ord, t.name, t.nick, t.affiliation, coalesce(t.roles, '{}'), t.line
    FROM m, json_to_recordset(p_attendance) AS t(ord int, name text, nick text, affiliation text, roles text[], line int)),
  ac AS (
    INSERT INTO actions (meeting_id, ord, text, owner, due, line)
    SELECT m.id, t.* FROM m, json_to_recordset(p_actions) AS t(ord int, text text, owner text, due text, line int)),
  li AS (
    INSERT INTO links (meeting_id, ord, url, text, line)
    SELECT m.id, t.* FROM m, json_to_recordset(p_links) AS t(ord int, url text, text text, line int)),
  fi AS (
    INSERT INTO findings (meeting_id, ord, code, message, subject, line)
    SELECT m.id, t.* FROM m, json_to_recordset(p_findings) AS t(ord int, code text, message text, subject text, line int))
  SELECT id INTO mid FROM m;
  RETURN mid;
END;
$$;
