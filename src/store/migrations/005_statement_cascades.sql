-- Foreign keys check every inserted row with a query of their own: in the embedded server
-- that was about a fifth of the time to save a report (80 child rows each) and half the
-- time to rebuild people. Rows are only written by statements that insert their parent in
-- the same statement, so the per-row checks go; what they also did, removing the children
-- with their parent, is kept by one statement-level trigger per parent table.
ALTER TABLE meetings DROP CONSTRAINT IF EXISTS meetings_document_id_fkey;
ALTER TABLE sections DROP CONSTRAINT IF EXISTS sections_meeting_id_fkey;
ALTER TABLE statements DROP CONSTRAINT IF EXISTS statements_meeting_id_fkey;
ALTER TABLE attendance DROP CONSTRAINT IF EXISTS attendance_meeting_id_fkey;
ALTER TABLE actions DROP CONSTRAINT IF EXISTS actions_meeting_id_fkey;
ALTER TABLE links DROP CONSTRAINT IF EXISTS links_meeting_id_fkey;
ALTER TABLE findings DROP CONSTRAINT IF EXISTS findings_meeting_id_fkey;
ALTER TABLE aliases DROP CONSTRAINT IF EXISTS aliases_person_id_fkey;
ALTER TABLE person_meetings DROP CONSTRAINT IF EXISTS person_meetings_person_id_fkey;

CREATE FUNCTION delete_document_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM meetings WHERE document_id IN (SELECT id FROM gone);
  RETURN NULL;
END;
$$;
CREATE TRIGGER documents_cascade AFTER DELETE ON documents REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION delete_document_rows();

CREATE FUNCTION delete_meeting_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM sections WHERE meeting_id IN (SELECT id FROM gone);
  DELETE FROM statements WHERE meeting_id IN (SELECT id FROM gone);
  DELETE FROM attendance WHERE meeting_id IN (SELECT id FROM gone);
  DELETE FROM actions WHERE meeting_id IN (SELECT id FROM gone);
  DELETE FROM links WHERE meeting_id IN (SELECT id FROM gone);
  DELETE FROM findings WHERE meeting_id IN (SELECT id FROM gone);
  RETURN NULL;
END;
$$;
CREATE TRIGGER meetings_cascade AFTER DELETE ON meetings REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION delete_meeting_rows();

CREATE FUNCTION delete_person_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM aliases WHERE person_id IN (SELECT id FROM gone);
  DELETE FROM person_meetings WHERE person_id IN (SELECT id FROM gone);
  RETURN NULL;
END;
$$;
CREATE TRIGGER people_cascade AFTER DELETE ON people REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION delete_person_rows();
