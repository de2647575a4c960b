-- The terms' statement (015) gave no row, so no store version, for a query whose words no
-- section has: a serving process that planned with a kept glossary (search.ts) could then
-- not tell it was current and planned again. It now always gives one row with the version;
-- when no term is found that row's id is NULL (src/store/query-terms.ts skips it).
CREATE OR REPLACE FUNCTION query_terms(p_exact text[], p_prefixes text[], p_per_prefix int)
RETURNS TABLE (id int, lexeme text, df int, pre text, n bigint, v text)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT t.id, t.lexeme, t.df, t.pre, st.sections, sv.version::text
  FROM search_stats st CROSS JOIN store_version sv LEFT JOIN
    (SELECT id, lexeme, df, NULL::text AS pre FROM search_terms WHERE lexeme = ANY(p_exact)
     UNION ALL
     SELECT x.id, x.lexeme, x.df, pre FROM unnest(p_prefixes) AS pre,
       LATERAL (SELECT id, lexeme, df FROM search_terms
                WHERE lexeme >= pre AND lexeme < pre || chr(1114111)
                ORDER BY df DESC, id LIMIT p_per_prefix) x) t ON true
  WHERE st.id = 1 AND sv.id = 1;
END $$;
