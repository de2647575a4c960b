-- Acronyms and their expansions: learned from the reports ("Open Data Steering Board (ODSB)")
-- and from the user's glossary in rapporteur.config.json; rebuilt after every ingest.
CREATE TABLE glossary (
  acronym text PRIMARY KEY,
  expansion text NOT NULL,
  source text
);
CREATE TRIGGER glossary_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON glossary FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
