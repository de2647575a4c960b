-- A serving process may rank a search wholly from what it keeps for one store version
-- (posting lists, the hidden sections, the glossary, the words' terms): the hits' statement,
-- the one a search always makes, then says which version the store is at, and a search
-- whose kept data is older is made again from the store (src/store/search.ts). The hits'
-- text is each section's own (migration 016), not its lines cut from the whole report.
DROP FUNCTION search_hits(int[], float8[]);

CREATE FUNCTION search_hits(p_ids int[], p_scores float8[])
RETURNS TABLE (meeting_id int, source text, group_name text, number int, start text, kind text,
               ord int, title text, speakers text[], line int, end_line int, rank float8, body text,
               v text)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT s.meeting_id, m.source, m.group_name, m.number, m.start, s.kind, s.ord, s.title,
         s.speakers, s.line, s.end_line, round(top.score::numeric, 4)::float8, b.body, sv.version::text
  FROM unnest(p_ids, p_scores) WITH ORDINALITY AS top(id, score, n)
  JOIN sections s ON s.id = top.id
  JOIN meetings m ON m.id = s.meeting_id
  LEFT JOIN section_bodies b ON b.section_id = s.id
  CROSS JOIN store_version sv
  WHERE sv.id = 1
  ORDER BY top.n;
END $$;
