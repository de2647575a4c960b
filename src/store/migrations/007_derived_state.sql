-- Derived data (people, glossary, statistics) is rebuilt from the meetings. A save marks
-- it stale in the save's own transaction (a statement trigger), and a rebuild records the
-- version it covered: a process killed between the two leaves the mark, and the next
-- write command or server start rebuilds. Existing stores with meetings start stale, so
-- they are checked once.
CREATE TABLE derived_state (
  id int PRIMARY KEY CHECK (id = 1),
  source_version bigint NOT NULL,
  derived_version bigint NOT NULL
);
INSERT INTO derived_state (id, source_version, derived_version)
SELECT 1, 1, CASE WHEN EXISTS (SELECT 1 FROM meetings) THEN 0 ELSE 1 END;

CREATE FUNCTION mark_derived_stale() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE derived_state SET source_version = source_version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER meetings_derived AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION mark_derived_stale();
CREATE TRIGGER person_decisions_derived AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person_decisions FOR EACH STATEMENT EXECUTE FUNCTION mark_derived_stale();
