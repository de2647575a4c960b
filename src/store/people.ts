import type { Db, Queryable } from "./db.js";
import { resolvePeople, nameKey, type MeetingPeople, type PersonDecision, type ResolvedPerson } from "../resolve/people.js";
import type { StakeholderGroup } from "../resolve/stakeholders.js";

/** Everything the store knows about who appears in which meeting, for the resolver. */
export async function loadMeetingPeople(db: Queryable): Promise<MeetingPeople[]> {
  const meetings = await db.query<{ id: number; source: string; moderators: string[] }>(`SELECT id, source, record->'moderators' AS moderators FROM meetings ORDER BY id`);
  const att = await db.query<{ meeting_id: number; name: string; nick: string | null }>(`SELECT meeting_id, name, nick FROM attendance ORDER BY meeting_id, ord`);
  const spk = await db.query<{ meeting_id: number; speaker: string }>(`SELECT DISTINCT meeting_id, speaker FROM statements ORDER BY meeting_id, speaker`);
  const byId = new Map<number, MeetingPeople>();
  for (const m of meetings.rows) byId.set(m.id, { source: m.source, participants: [], moderators: m.moderators ?? [], speakers: [] });
  for (const a of att.rows) byId.get(a.meeting_id)?.participants.push({ name: a.name, nick: a.nick });
  for (const s of spk.rows) byId.get(s.meeting_id)?.speakers.push(s.speaker);
  return [...byId.values()];
}

export async function loadDecisions(db: Queryable): Promise<PersonDecision[]> {
  return (await db.query<PersonDecision>(`SELECT kind, a, b FROM person_decisions ORDER BY id`)).rows;
}

/**
 * Rebuilds people, aliases and attendance links from the stored meetings and the manual
 * decisions, in one transaction (readers see the old people or the new, never a mix).
 */
export async function rebuildPeople(db: Db, classify?: (affiliation: string | null) => StakeholderGroup | null): Promise<ResolvedPerson[]> {
  const people = resolvePeople(await loadMeetingPeople(db), await loadDecisions(db));
  const affiliations = classify ? (await db.query<{ affiliation: string }>(`SELECT DISTINCT affiliation FROM attendance WHERE affiliation IS NOT NULL`)).rows.map((r) => r.affiliation) : [];
  await db.transaction(async (tx) => {
    await tx.query(`DELETE FROM people`);
    await tx.query(`INSERT INTO people (id, name) SELECT * FROM unnest($1::text[], $2::text[])`, [people.map((p) => p.id), people.map((p) => p.name)]);
    const al = people.flatMap((p) => [{ id: p.id, alias: p.name, evidence: "the fullest, most frequent spelling", confidence: 1 }, ...p.evidence.map((e) => ({ id: p.id, alias: e.alias, evidence: e.evidence, confidence: e.confidence }))]);
    await tx.query(`INSERT INTO aliases (person_id, alias, key, evidence, confidence) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::real[]) ON CONFLICT DO NOTHING`,
      [al.map((a) => a.id), al.map((a) => a.alias), al.map((a) => nameKey(a.alias)), al.map((a) => a.evidence), al.map((a) => a.confidence)]);
    const pm = people.flatMap((p) => p.meetings.map((s) => [p.id, s] as const));
    await tx.query(`INSERT INTO person_meetings (person_id, source) SELECT * FROM unnest($1::text[], $2::text[]) ON CONFLICT DO NOTHING`, [pm.map((x) => x[0]), pm.map((x) => x[1])]);
    if (classify) {
      await tx.query(`DELETE FROM organisations`);
      await tx.query(`INSERT INTO organisations (name, stakeholder_group) SELECT * FROM unnest($1::text[], $2::text[])`, [affiliations, affiliations.map((a) => classify(a))]);
    }
  });
  return people;
}

/** The people as the contract's Person: id, name, aliases, meetings (sources). */
export interface PersonOut { id: string; name: string; aliases: string[]; meetings: string[] }

export async function listPeople(db: Queryable): Promise<(PersonOut & { evidence: { alias: string; evidence: string; confidence: number }[] })[]> {
  const people = await db.query<{ id: string; name: string }>(`SELECT id, name FROM people ORDER BY name, id`);
  const aliases = await db.query<{ person_id: string; alias: string; evidence: string; confidence: number }>(`SELECT person_id, alias, evidence, confidence FROM aliases ORDER BY person_id, alias`);
  const meetings = await db.query<{ person_id: string; source: string }>(`SELECT person_id, source FROM person_meetings ORDER BY person_id, source`);
  const al = new Map<string, { alias: string; evidence: string; confidence: number }[]>(), ms = new Map<string, string[]>();
  for (const a of aliases.rows) (al.get(a.person_id) ?? al.set(a.person_id, []).get(a.person_id)!).push({ alias: a.alias, evidence: a.evidence, confidence: Math.round(a.confidence * 100) / 100 });
  for (const m of meetings.rows) (ms.get(m.person_id) ?? ms.set(m.person_id, []).get(m.person_id)!).push(m.source);
  return people.rows.map((p) => {
    const ev = (al.get(p.id) ?? []).filter((a) => a.alias !== p.name);
    return { id: p.id, name: p.name, aliases: ev.map((e) => e.alias), meetings: ms.get(p.id) ?? [], evidence: ev };
  });
}

/** The person a name (any spelling, or an id) refers to, or null. */
export async function findPerson(db: Queryable, nameOrId: string): Promise<{ id: string; name: string } | null> {
  const { rows } = await db.query<{ id: string; name: string }>(
    `SELECT p.id, p.name FROM people p WHERE p.id = $1
     UNION SELECT p.id, p.name FROM people p JOIN aliases a ON a.person_id = p.id WHERE a.key = $2 ORDER BY id LIMIT 2`,
    [nameOrId, nameKey(nameOrId)],
  );
  return rows[0] ?? null;
}

/** Records a manual merge or split; it is applied at every rebuild from now on. */
export async function addDecision(db: Queryable, d: PersonDecision): Promise<void> {
  await db.query(`INSERT INTO person_decisions (kind, a, b) VALUES ($1, $2, $3)`, [d.kind, d.a, d.b]);
}
