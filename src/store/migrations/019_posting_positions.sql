-- Each posting keeps its word's positions in the section, as the section's tsvector has
-- them: a phrase's word order is then told from the postings of its words (phrase-check.ts)
-- instead of by reading each candidate section's whole vector (10–30 µs each, hundreds of
-- candidates for a phrase of two common words). The index is rebuilt once, the way a store
-- made before migration 010 is indexed: in batches with progress when the store is opened
-- (search-index.ts); the words keep their ids.
ALTER TABLE postings ADD COLUMN pos int2[];

CREATE OR REPLACE FUNCTION index_sections(p_ids int[]) RETURNS void LANGUAGE plpgsql AS $$
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
  INSERT INTO postings (term_id, section_id, tf, pos)
  SELECT t.id, s.id,
    (w.tfw * 2.2 / (w.tfw + 1.2 * (0.25 + 0.75 * l.len / greatest(v_avg, 1))))::real,
    x.positions
  FROM sections s
  CROSS JOIN LATERAL (SELECT coalesce(sum(cardinality(y.positions)), 0) AS len FROM unnest(s.tsv) AS y) l
  CROSS JOIN LATERAL unnest(s.tsv) AS x
  CROSS JOIN LATERAL (SELECT sum(CASE c WHEN 'A' THEN 10 WHEN 'B' THEN 5 ELSE 1 END)::float8 AS tfw
                      FROM unnest(x.weights) AS c) w
  JOIN search_terms t ON t.lexeme = x.lexeme
  WHERE s.id = ANY(p_ids);
END $$;

TRUNCATE postings;
UPDATE search_stats SET sections = 0, total_len = 0, backfill_done = 0,
  backfill_to = (SELECT coalesce(max(id), 0) FROM sections)
WHERE id = 1;
