-- An impact-ordered inverted index for exact top-k search (src/store/top-k.ts). Each
-- posting holds the BM25 term-frequency part of one word in one section (a title word
-- counts 10 times, an agenda word 5, a body word once: a title match weighs most; k1 = 1.2, b = 0.75, length against the average
-- at the time it was written); the word's inverse document frequency is applied at query
-- time from search_terms.df, recounted with the derived data (refresh_search_stats; until
-- then a new word counts as in one section: both rankings read the same statistics). Sections stored before this
-- migration are indexed once, in batches with progress (search-index.ts: backfill_done
-- runs up to backfill_to); sections saved since are indexed by the trigger.
CREATE TABLE search_terms (
  id serial PRIMARY KEY,
  lexeme text COLLATE "C" NOT NULL UNIQUE,
  df int NOT NULL DEFAULT 0
);
CREATE TABLE search_stats (
  id int PRIMARY KEY CHECK (id = 1),
  sections bigint NOT NULL DEFAULT 0,
  total_len bigint NOT NULL DEFAULT 0,
  backfill_done int NOT NULL DEFAULT 0,
  backfill_to int NOT NULL DEFAULT 0
);
INSERT INTO search_stats (id, backfill_to) SELECT 1, coalesce(max(id), 0) FROM sections;
CREATE TABLE postings (
  term_id int NOT NULL,
  section_id int NOT NULL REFERENCES sections (id) ON DELETE CASCADE,
  tf real NOT NULL
);
CREATE INDEX postings_term ON postings (term_id, tf DESC, section_id DESC);
CREATE INDEX postings_section ON postings (section_id, term_id) INCLUDE (tf);

-- Indexes the given sections: new words get an id, the collection's length grows, then
-- one posting per word. Words are inserted in lexeme order so that two writers on a server
-- take their locks in the same order. Document frequencies are recounted by
-- refresh_search_stats() with the other derived data (counting them here would rewrite a
-- row per word per section).
CREATE FUNCTION index_sections(p_ids int[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE v_avg float8;
BEGIN
  IF p_ids IS NULL OR cardinality(p_ids) = 0 THEN RETURN; END IF;
  INSERT INTO search_terms (lexeme)
    SELECT DISTINCT x.lexeme FROM sections s, unnest(s.tsv) AS x
    WHERE s.id = ANY(p_ids) ORDER BY x.lexeme
  ON CONFLICT (lexeme) DO NOTHING;
  UPDATE search_stats SET
    sections = sections + (SELECT count(*) FROM sections WHERE id = ANY(p_ids)),
    total_len = total_len + (SELECT coalesce(sum(cardinality(x.positions)), 0)
                             FROM sections s, unnest(s.tsv) AS x WHERE s.id = ANY(p_ids))
  WHERE id = 1
  RETURNING total_len::float8 / greatest(sections, 1) INTO v_avg;
  INSERT INTO postings (term_id, section_id, tf)
  SELECT t.id, s.id,
    (w.tfw * 2.2 / (w.tfw + 1.2 * (0.25 + 0.75 * l.len / greatest(v_avg, 1))))::real
  FROM sections s
  CROSS JOIN LATERAL (SELECT coalesce(sum(cardinality(y.positions)), 0) AS len FROM unnest(s.tsv) AS y) l
  CROSS JOIN LATERAL unnest(s.tsv) AS x
  CROSS JOIN LATERAL (SELECT sum(CASE c WHEN 'A' THEN 10 WHEN 'B' THEN 5 ELSE 1 END)::float8 AS tfw
                      FROM unnest(x.weights) AS c) w
  JOIN search_terms t ON t.lexeme = x.lexeme
  WHERE s.id = ANY(p_ids);
END $$;

-- The document frequencies and the collection's size, recounted from the postings.
CREATE FUNCTION refresh_search_stats() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE search_terms t SET df = coalesce(c.n, 0)
  FROM search_terms t2 LEFT JOIN (SELECT term_id, count(*)::int AS n FROM postings GROUP BY term_id) c
    ON c.term_id = t2.id
  WHERE t.id = t2.id AND t.df IS DISTINCT FROM coalesce(c.n, 0);
  UPDATE search_stats SET
    sections = (SELECT count(*) FROM sections s WHERE s.id <= backfill_done OR s.id > backfill_to),
    total_len = (SELECT coalesce(sum(cardinality(x.positions)), 0) FROM sections s, unnest(s.tsv) AS x
                 WHERE s.id <= backfill_done OR s.id > backfill_to)
  WHERE id = 1;
END $$;

CREATE FUNCTION index_new_sections() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM index_sections((SELECT array_agg(id) FROM new_rows));
  RETURN NULL;
END $$;

-- Deleted sections leave the collection's size (their postings go with them by the foreign
-- key); sections still waiting for the backfill were never counted.
CREATE FUNCTION unindex_old_sections() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE v_done int; v_to int;
BEGIN
  SELECT backfill_done, backfill_to INTO v_done, v_to FROM search_stats WHERE id = 1;
  UPDATE search_stats SET
    sections = sections - (SELECT count(*) FROM old_rows s WHERE s.id <= v_done OR s.id > v_to),
    total_len = total_len - (SELECT coalesce(sum(cardinality(x.positions)), 0)
                             FROM old_rows s, unnest(s.tsv) AS x WHERE s.id <= v_done OR s.id > v_to)
  WHERE id = 1;
  RETURN NULL;
END $$;

CREATE FUNCTION reset_search_index() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  TRUNCATE search_terms;
  UPDATE search_stats SET sections = 0, total_len = 0, backfill_done = 0, backfill_to = 0 WHERE id = 1;
  RETURN NULL;
END $$;

CREATE TRIGGER sections_index AFTER INSERT ON sections REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION index_new_sections();
CREATE TRIGGER sections_unindex AFTER DELETE ON sections REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION unindex_old_sections();
CREATE TRIGGER sections_reset AFTER TRUNCATE ON sections
  FOR EACH STATEMENT EXECUTE FUNCTION reset_search_index();
