-- Two statements every search makes, as functions that keep their plans (as 012 and 013):
-- planning them cost the embedded server about as much as running them (measured on 10,000
-- reports: the terms' statement 2.2 ms as SQL, 1.2 ms as a function).

-- A query's words as the index knows them (src/store/query-terms.ts): the exact lexemes,
-- and for each prefix its most frequent completions (up to p_per_prefix), with the
-- collection's size and the store's version.
CREATE FUNCTION query_terms(p_exact text[], p_prefixes text[], p_per_prefix int)
RETURNS TABLE (id int, lexeme text, df int, pre text, n bigint, v text)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT t.id, t.lexeme, t.df, t.pre, st.sections, sv.version::text
  FROM search_stats st, store_version sv,
    (SELECT id, lexeme, df, NULL::text AS pre FROM search_terms WHERE lexeme = ANY(p_exact)
     UNION ALL
     SELECT x.id, x.lexeme, x.df, pre FROM unnest(p_prefixes) AS pre,
       LATERAL (SELECT id, lexeme, df FROM search_terms
                WHERE lexeme >= pre AND lexeme < pre || chr(1114111)
                ORDER BY df DESC, id LIMIT p_per_prefix) x) t
  WHERE st.id = 1 AND sv.id = 1;
END $$;

-- The glossary a viewer may use: the user's entries, and those learnt from meetings the
-- viewer may see (p_all: an editor's, every meeting; the rule of src/store/scope.ts).
CREATE FUNCTION glossary_for(p_all boolean)
RETURNS TABLE (acronym text, expansion text) LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT g.acronym, g.expansion FROM glossary g
  WHERE g.source IS NULL
     OR EXISTS (SELECT 1 FROM meetings m WHERE m.source = g.source AND (p_all OR NOT m.members_only));
END $$;
