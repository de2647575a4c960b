-- A serving process keeps the posting lists it reads in memory (posting-cache.ts) while the
-- store's version stands still: every change of the postings, or of the sections they index
-- (saved, deleted, backfilled, whatever the path), moves the version on.
CREATE TRIGGER sections_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON sections FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
CREATE TRIGGER postings_version AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON postings FOR EACH STATEMENT EXECUTE FUNCTION bump_store_version();
