import type { Db, Queryable } from "./db.js";
import { visible } from "./scope.js";
import type { Viewer } from "../model/viewer.js";
import { OWNER } from "../model/viewer.js";
import {
  resolvePeople,
  nameKey,
  type MeetingPeople,
  type PersonDecision,
  type ResolvedPerson,
} from "../resolve/people.js";
import type { StakeholderGroup } from "../resolve/stakeholders.js";
import { faultPoint } from "./fault.js";

/**
 * Everything the store knows about who appears in which meeting, for the resolver: one
 * row per meeting, read a page at a time (a big store's attendance would otherwise
 * arrive as one result of hundreds of thousands of rows).
 */
export async function loadMeetingPeople(db: Queryable): Promise<MeetingPeople[]> {
  const out: MeetingPeople[] = [];
  for (let after = 0; ;) {
    const { rows } = await db.query<{
      id: number;
      source: string;
      moderators: string[] | null;
      participants: [string, string | null][];
      speakers: string[];
      absent: string[] | null;
      mentions: { name: string; alias: string }[] | null;
      group_name: string | null;
    }>(
      `SELECT m.id, m.source, m.group_name, m.record->'moderators' AS moderators, m.record->'absent' AS absent, m.record->'mentions' AS mentions,
         (SELECT coalesce(json_agg(json_build_array(a.name, a.nick) ORDER BY a.ord), '[]') FROM attendance a WHERE a.meeting_id = m.id) AS participants,
         (SELECT coalesce(array_agg(DISTINCT s.speaker ORDER BY s.speaker), '{}') FROM statements s WHERE s.meeting_id = m.id AND s.in_record) AS speakers
       FROM meetings m WHERE m.id > $1 ORDER BY m.id LIMIT ${PAGE}`,
      [after],
    );
    for (const r of rows)
      out.push({
        source: r.source,
        participants: r.participants.map(([name, nick]) => ({ name, nick })),
        moderators: r.moderators ?? [],
        speakers: r.speakers,
        absent: r.absent ?? [],
        mentions: r.mentions ?? [],
        group: r.group_name,
      });
    if (rows.length < PAGE) return out;
    after = rows[rows.length - 1]!.id;
  }
}

const PAGE = 1000;

export async function loadDecisions(db: Queryable): Promise<PersonDecision[]> {
  return (await db.query<PersonDecision>(`SELECT kind, a, b FROM person_decisions ORDER BY id`))
    .rows;
}

/**
 * Rebuilds people, aliases and attendance links from the stored meetings and the manual
 * decisions, in one transaction (readers see the old people or the new, never a mix).
 * Only what changed is written: the new rows go to temporary tables and are compared
 * with the stored ones, so adding one report to a big store touches a few rows instead
 * of rewriting every person's every meeting.
 */
export async function rebuildPeople(
  db: Db,
  classify?: (affiliation: string | null) => StakeholderGroup | null,
): Promise<ResolvedPerson[]> {
  const people = resolvePeople(await loadMeetingPeople(db), await loadDecisions(db));
  const affiliations = classify
    ? (
        await db.query<{ affiliation: string }>(
          `SELECT DISTINCT affiliation FROM attendance WHERE affiliation IS NOT NULL`,
        )
      ).rows.map((r) => r.affiliation)
    : [];
  const aliasRows = new Map<
    string,
    { id: string; alias: string; evidence: string; confidence: number }
  >();
  for (const p of people) {
    for (const a of [
      { alias: p.name, evidence: "the fullest, most frequent spelling", confidence: 1 },
      ...p.evidence,
    ]) {
      const k = `${p.id}\u0000${a.alias}`;
      if (!aliasRows.has(k))
        aliasRows.set(k, {
          id: p.id,
          alias: a.alias,
          evidence: a.evidence,
          confidence: a.confidence,
        });
    }
  }
  const al = [...aliasRows.values()];
  await db.transaction(async (tx) => {
    await tx.query(`CREATE TEMP TABLE new_people (id text, name text) ON COMMIT DROP`);
    await tx.query(
      `CREATE TEMP TABLE new_aliases (person_id text, alias text, key text, evidence text, confidence real) ON COMMIT DROP`,
    );
    await tx.query(`CREATE TEMP TABLE new_links (person_id text, source text) ON COMMIT DROP`);
    await tx.query(`INSERT INTO new_people SELECT * FROM unnest($1::text[], $2::text[])`, [
      people.map((p) => p.id),
      people.map((p) => p.name),
    ]);
    await tx.query(
      `INSERT INTO new_aliases SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::real[])`,
      [
        al.map((a) => a.id),
        al.map((a) => a.alias),
        al.map((a) => nameKey(a.alias)),
        al.map((a) => a.evidence),
        al.map((a) => a.confidence),
      ],
    );
    // in slices of people: one statement for a big store's every attendance would be one huge parameter
    for (let i = 0; i < people.length; i += 200) {
      await tx.query(
        `INSERT INTO new_links SELECT p.id, unnest(p.meetings) FROM json_to_recordset($1::json) AS p(id text, meetings text[])`,
        [JSON.stringify(people.slice(i, i + 200).map((p) => ({ id: p.id, meetings: p.meetings })))],
      );
    }
    await tx.query(
      `DELETE FROM people p WHERE NOT EXISTS (SELECT 1 FROM new_people n WHERE n.id = p.id)`,
    );
    await tx.query(
      `UPDATE people p SET name = n.name FROM new_people n WHERE n.id = p.id AND p.name <> n.name`,
    );
    await tx.query(
      `INSERT INTO people (id, name) SELECT n.id, n.name FROM new_people n WHERE NOT EXISTS (SELECT 1 FROM people p WHERE p.id = n.id)`,
    );
    faultPoint("rebuild-people");
    await tx.query(
      `DELETE FROM aliases a WHERE NOT EXISTS (SELECT 1 FROM new_aliases n WHERE n.person_id = a.person_id AND n.alias = a.alias AND n.key = a.key AND n.evidence = a.evidence AND n.confidence = a.confidence)`,
    );
    await tx.query(
      `INSERT INTO aliases (person_id, alias, key, evidence, confidence) SELECT n.* FROM new_aliases n WHERE NOT EXISTS (SELECT 1 FROM aliases a WHERE a.person_id = n.person_id AND a.alias = n.alias)`,
    );
    await tx.query(
      `DELETE FROM person_meetings x WHERE NOT EXISTS (SELECT 1 FROM new_links n WHERE n.person_id = x.person_id AND n.source = x.source)`,
    );
    await tx.query(
      `INSERT INTO person_meetings (person_id, source) SELECT DISTINCT n.person_id, n.source FROM new_links n WHERE NOT EXISTS (SELECT 1 FROM person_meetings x WHERE x.person_id = n.person_id AND x.source = n.source)`,
    );
    if (classify) {
      await tx.query(`DELETE FROM organisations`);
      await tx.query(
        `INSERT INTO organisations (name, stakeholder_group) SELECT * FROM unnest($1::text[], $2::text[])`,
        [affiliations, affiliations.map((a) => classify(a))],
      );
    }
  });
  return people;
}

/** The people as the contract's Person: id, name, aliases, meetings (sources). */
export interface PersonOut {
  id: string;
  name: string;
  aliases: string[];
  meetings: string[];
}

export async function listPeople(
  db: Queryable,
  v: Viewer = OWNER,
): Promise<
  (PersonOut & { evidence: { alias: string; evidence: string; confidence: number }[] })[]
> {
  const people = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM people ORDER BY name, id`,
  );
  const aliases = await db.query<{
    person_id: string;
    alias: string;
    evidence: string;
    confidence: number;
    key: string;
  }>(`SELECT person_id, alias, evidence, confidence, key FROM aliases ORDER BY person_id, alias`);
  const meetings = await db.query<{ person_id: string; source: string }>(
    `SELECT pm.person_id, pm.source FROM person_meetings pm JOIN meetings m ON m.source = pm.source WHERE ${visible(v)} ORDER BY pm.person_id, pm.source`,
  );
  // a reader sees people of visible meetings only, under the spellings those meetings use
  const spelled = v.editor ? null : await visibleSpellings(db, v);
  if (spelled)
    aliases.rows.splice(0, aliases.rows.length, ...aliases.rows.filter((a) => spelled.has(a.key)));
  const al = new Map<string, { alias: string; evidence: string; confidence: number }[]>(),
    ms = new Map<string, string[]>();
  for (const a of aliases.rows)
    (al.get(a.person_id) ?? al.set(a.person_id, []).get(a.person_id)!).push({
      alias: a.alias,
      evidence: a.evidence,
      confidence: Math.round(a.confidence * 100) / 100,
    });
  for (const m of meetings.rows)
    (ms.get(m.person_id) ?? ms.set(m.person_id, []).get(m.person_id)!).push(m.source);
  return people.rows
    .filter((p) => !spelled || ms.has(p.id))
    .map((p) => {
      const ev = (al.get(p.id) ?? []).filter((a) => a.alias !== p.name);
      return {
        id: p.id,
        name: p.name,
        aliases: ev.map((e) => e.alias),
        meetings: ms.get(p.id) ?? [],
        evidence: ev,
      };
    });
}

/** The name keys of every spelling a visible meeting uses: its lists, nicknames, chairs, speakers, other mentions. */
export async function visibleSpellings(db: Queryable, v: Viewer): Promise<Set<string>> {
  const { rows } = await db.query<{ name: string }>(
    `SELECT a.name FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE ${visible(v)}
     UNION SELECT a.nick FROM attendance a JOIN meetings m ON m.id = a.meeting_id WHERE a.nick IS NOT NULL AND ${visible(v)}
     UNION SELECT s.speaker FROM statements s JOIN meetings m ON m.id = s.meeting_id WHERE s.in_record AND ${visible(v)}
     UNION SELECT json_array_elements_text(m.record->'moderators') FROM meetings m WHERE ${visible(v)}
     UNION SELECT json_array_elements_text(m.record->'absent') FROM meetings m WHERE ${visible(v)} AND json_typeof(m.record->'absent') = 'array'
     UNION SELECT x->>'alias' FROM meetings m, json_array_elements(CASE WHEN json_typeof(m.record->'mentions') = 'array' THEN m.record->'mentions' ELSE '[]'::json END) x WHERE ${visible(v)}`,
  );
  return new Set(rows.map((r) => nameKey(r.name)));
}

/** The person a name (any spelling, or an id) refers to, or null. */
export async function findPerson(
  db: Queryable,
  nameOrId: string,
  v: Viewer = OWNER,
): Promise<{ id: string; name: string } | null> {
  // a reader knows only people of the meetings they may see
  const seen = v.editor
    ? "true"
    : `EXISTS (SELECT 1 FROM person_meetings pm JOIN meetings m ON m.source = pm.source WHERE pm.person_id = p.id AND ${visible(v)})`;
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT * FROM (SELECT p.id, p.name FROM people p WHERE p.id = $1 AND ${seen}
     UNION SELECT p.id, p.name FROM people p JOIN aliases a ON a.person_id = p.id WHERE a.key = $2 AND ${seen}) x ORDER BY id LIMIT 2`,
    [nameOrId, nameKey(nameOrId)],
  );
  return rows[0] ?? null;
}

/** Records a manual merge or split; it is applied at every rebuild from now on. */
export async function addDecision(db: Queryable, d: PersonDecision): Promise<void> {
  await db.query(`INSERT INTO person_decisions (kind, a, b) VALUES ($1, $2, $3)`, [
    d.kind,
    d.a,
    d.b,
  ]);
}
