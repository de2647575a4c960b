-- Editors' corrections are data of their own: one row per change, never updated, keyed by
-- the meeting's source like action statuses, so re-extraction and re-ingest find them.
-- `value` is what was set (null for a revert, which gives the field back to extraction),
-- `previous` the field's effective value before, `extracted` what extraction read then.
CREATE TABLE corrections (
  id serial PRIMARY KEY,
  source text NOT NULL,
  field text NOT NULL,
  action text NOT NULL CHECK (action IN ('set', 'revert')),
  value json,
  previous json,
  extracted json,
  editor text NOT NULL,
  at timestamptz NOT NULL DEFAULT now(),
  note text
);
CREATE INDEX corrections_source ON corrections (source, id);

-- A corrected meeting keeps what extraction read beside its effective record (`record`,
-- what everything reads); null when nothing is corrected.
ALTER TABLE meetings ADD COLUMN extracted json;

-- Statements are extraction's; one whose speaker a correction took out of its section is
-- kept (a revert brings it back) but no longer counts.
ALTER TABLE statements ADD COLUMN in_record boolean NOT NULL DEFAULT true;

-- Rewrites one meeting's record and the rows derived from it in place (its id stays),
-- after a correction. Child rows arrive as JSON arrays, as for save_meeting.
CREATE FUNCTION rewrite_meeting(p_id int, p_record json, p_extracted json, p_sections json, p_attendance json, p_actions json, p_links json, p_findings json) RETURNS void LANGUAGE plpgsql AS $$
DECLARE doc int; at_start timestamptz;
BEGIN
  UPDATE meetings SET group_name = p_record->>'group', group_acronym = p_record->>'groupAcronym',
    number = (p_record->>'number')::int, start = p_record->>'start', start_at = (p_record->>'start')::timestamptz,
    next_meeting = p_record->>'nextMeeting', record = p_record, extracted = p_extracted
  WHERE id = p_id RETURNING document_id, start_at INTO doc, at_start;
  DELETE FROM sections WHERE meeting_id = p_id;
  DELETE FROM attendance WHERE meeting_id = p_id;
  DELETE FROM actions WHERE meeting_id = p_id;
  DELETE FROM links WHERE meeting_id = p_id;
  DELETE FROM findings WHERE meeting_id = p_id;
  INSERT INTO sections (meeting_id, ord, kind, title, agenda_title, agenda_index, speakers, line, end_line, document_id, start_at, head, tsv)
  SELECT p_id, t.ord, t.kind, t.title, t.agenda_title, t.agenda_index, coalesce(t.speakers, '{}'), t.line, t.end_line, doc, at_start, t.head, t.tsv
  FROM json_to_recordset(p_sections) AS t(ord int, kind text, title text, agenda_title text, agenda_index int, speakers text[], line int, end_line int, head tsvector, tsv tsvector);
  INSERT INTO attendance (meeting_id, ord, name, nick, affiliation, roles, line)
  SELECT p_id, t.ord, t.name, t.nick, t.affiliation, coalesce(t.roles, '{}'), t.line
  FROM json_to_recordset(p_attendance) AS t(ord int, name text, nick text, affiliation text, roles text[], line int);
  INSERT INTO actions (meeting_id, ord, text, owner, due, line)
  SELECT p_id, t.* FROM json_to_recordset(p_actions) AS t(ord int, text text, owner text, due text, line int);
  INSERT INTO links (meeting_id, ord, url, text, line)
  SELECT p_id, t.* FROM json_to_recordset(p_links) AS t(ord int, url text, text text, line int);
  INSERT INTO findings (meeting_id, ord, code, message, subject, line)
  SELECT p_id, t.* FROM json_to_recordset(p_findings) AS t(ord int, code text, message text, subject text, line int);
  UPDATE statements s SET in_record = EXISTS (
    SELECT 1 FROM json_array_elements(p_record->'sections') WITH ORDINALITY AS x(sec, n)
    WHERE x.n - 1 = s.section_ord AND s.speaker IN (SELECT json_array_elements_text(x.sec->'speakers')))
  WHERE s.meeting_id = p_id;
END;
$$;

-- A correction changes what readers see: cached answers must go (see migration 003).
CREATE TRIGGER corrections_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON corrections FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
