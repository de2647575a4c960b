-- One meeting as its page reads it (src/store/read.ts getMeeting), as a plpgsql function so
-- that its plan is kept: planning this statement took twice as long as running it (1 ms
-- against 0.5 in the embedded server), on every page view. A later migration that changes
-- these tables must replace this function too.
CREATE FUNCTION meeting_page(p_id int, p_all boolean)
RETURNS TABLE (id int, members_only boolean, record text, text text, people text, orgs text,
               statuses text, corrections text, extracted text, nicks text)
LANGUAGE plpgsql STABLE AS $$
#variable_conflict use_column
BEGIN
  RETURN QUERY
  SELECT m.id, m.members_only, m.record::text, d.text,
    (SELECT json_agg(json_build_array(a.key, a.person_id))::text FROM person_meetings pm
       JOIN aliases a ON a.person_id = pm.person_id WHERE pm.source = m.source),
    (SELECT json_agg(json_build_array(o.name, o.stakeholder_group))::text FROM organisations o
       WHERE o.name IN (SELECT affiliation FROM attendance WHERE meeting_id = m.id)),
    (SELECT json_agg(json_build_array(e.action_key, e.status))::text
       FROM (SELECT DISTINCT ON (action_key) action_key, status FROM action_events
             WHERE source = m.source ORDER BY action_key, id DESC) e),
    (SELECT json_agg(c ORDER BY c.id)::text
       FROM (SELECT id, field, action, value, previous, extracted, editor, at, note
             FROM corrections WHERE source = m.source) c),
    m.extracted::text,
    (SELECT json_agg(json_build_object('name', a.name, 'nick', a.nick))::text FROM attendance a
       WHERE a.meeting_id = m.id AND a.nick IS NOT NULL)
  FROM meetings m JOIN documents d ON d.id = m.document_id
  WHERE m.id = p_id AND (p_all OR NOT m.members_only);
END $$;
