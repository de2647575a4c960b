-- A counter that every write moves on: servers compare it to decide whether a page they
-- rendered earlier is still current (so several processes can share one database).
CREATE TABLE store_version (
  id int PRIMARY KEY CHECK (id = 1),
  version bigint NOT NULL
);
INSERT INTO store_version (id, version) VALUES (1, 1);

CREATE FUNCTION bump_store_version() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE store_version SET version = version + 1 WHERE id = 1;
  RETURN NULL;
END;
$$;

CREATE TRIGGER documents_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON documents FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER meetings_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON meetings FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER people_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON people FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER aliases_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON aliases FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER organisations_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON organisations FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER action_events_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON action_events FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER person_decisions_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON person_decisions FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
