-- Which of a search's candidate sections a viewer may see and, for those whose postings
-- cannot tell (phrases), match the query (src/store/top-k.ts): the check a reader's every
-- search makes, as a function that keeps its plan (planning it cost more than running it).
CREATE FUNCTION checked_sections(p_ids int[], p_unsure int[], p_query tsquery, p_all boolean)
RETURNS SETOF int LANGUAGE plpgsql STABLE AS $$
BEGIN
  RETURN QUERY
  SELECT s.id FROM sections s JOIN meetings m ON m.id = s.meeting_id
  WHERE s.id = ANY(p_ids) AND (s.id <> ALL(p_unsure) OR s.tsv @@ p_query)
    AND (p_all OR NOT m.members_only);
END $$;
