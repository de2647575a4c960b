-- The ranked sections as search hits (src/store/search.ts present), as a plpgsql function
-- so that its plan is kept: planning the statement took 4–9 ms against 1.3 ms to run it
-- in the embedded server, on every search. A later migration that changes these tables
-- must replace this function too.
CREATE FUNCTION search_hits(p_ids int[], p_scores float8[])
RETURNS TABLE (meeting_id int, source text, group_name text, number int, start text, kind text,
               ord int, title text, speakers text[], line int, end_line int, rank float8, body text)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT s.meeting_id, m.source, m.group_name, m.number, m.start, s.kind, s.ord, s.title,
         s.speakers, s.line, s.end_line, round(top.score::numeric, 4)::float8,
         array_to_string((string_to_array(d.text, E'\n'))[s.line:s.end_line], E'\n')
  FROM unnest(p_ids, p_scores) WITH ORDINALITY AS top(id, score, n)
  JOIN sections s ON s.id = top.id
  JOIN meetings m ON m.id = s.meeting_id
  JOIN documents d ON d.id = s.document_id
  ORDER BY top.n;
END $$;
