import type { Queryable } from "./db.js";
import type { StoredRecord } from "./meeting-rows.js";
import { nameKey } from "../resolve/people.js";
import { createHash } from "node:crypto";
import { norm } from "../extract/text.js";
import { followUps } from "./follow-ups.js";
import type { FollowUp } from "../resolve/follow-ups.js";
import { likeContains, likeExact } from "./like.js";

import type { Viewer } from "../model/viewer.js";
export type { Viewer } from "../model/viewer.js";

import { visible } from "./scope.js";
import type {
  MeetingListRow,
  PersonMeetingRow,
  ActionListRow,
  FindingRow,
  CorrectionRow,
} from "./rows.js";
import { toCorrection, type EffectiveRecord } from "./corrections.js";
import type { Correction } from "../model/corrections.js";
import { visibleSpellings } from "./people.js";
import { attendees } from "./attendees.js";

export interface MeetingSummary {
  id: number;
  source: string;
  group: string | null;
  groupAcronym: string | null;
  number: number | null;
  start: string | null;
  nextMeeting: string | null;
  membersOnly: boolean;
  participants: number;
  findings: number;
}

/** Meetings, newest first, filtered by group and date range. */
export async function listMeetings(
  db: Queryable,
  v: Viewer,
  f: {
    group?: string | undefined;
    from?: string | undefined;
    to?: string | undefined;
    limit?: number | undefined;
  } = {},
): Promise<MeetingSummary[]> {
  const params: unknown[] = [];
  const p = (x: unknown) => {
    params.push(x);
    return `$${params.length}`;
  };
  const where = [visible(v)];
  if (f.group)
    where.push(
      `(m.group_name ILIKE ${p(likeContains(f.group))} OR m.group_acronym ILIKE ${p(likeExact(f.group))})`,
    );
  if (f.from) where.push(`m.start_at >= ${p(f.from)}::timestamptz`);
  if (f.to) where.push(`m.start_at < (${p(f.to)}::date + 1)::timestamptz`);
  const { rows } = await db.query<MeetingListRow>(
    `SELECT m.id, m.source, m.group_name, m.group_acronym, m.number, m.start, m.next_meeting, m.members_only,
            (SELECT count(*)::int FROM attendance a WHERE a.meeting_id = m.id) AS participants,
            (SELECT count(*)::int FROM findings x WHERE x.meeting_id = m.id) AS findings
     FROM meetings m WHERE ${where.join(" AND ")} ORDER BY m.start_at DESC NULLS LAST, m.id DESC LIMIT ${p(f.limit ?? 200)}`,
    params,
  );
  return rows.map((r) => ({
    id: r.id,
    source: r.source,
    group: r.group_name,
    groupAcronym: r.group_acronym,
    number: r.number,
    start: r.start,
    nextMeeting: r.next_meeting,
    membersOnly: r.members_only,
    participants: r.participants,
    findings: r.findings,
  }));
}

export interface MeetingDetail {
  id: number;
  membersOnly: boolean;
  record: EffectiveRecord;
  lines: string[];
  people: Record<string, string>; // spelling -> person id
  stakeholders: Record<string, string | null>; // affiliation -> group
  actions: (StoredRecord["actions"][number] & {
    key: string;
    status: string;
    followUps: FollowUp[];
  })[];
  /** Nicknames the report gives listed people ("Margaret Okafor (Peggy)"). */
  nicknames: { name: string; nick: string }[];
  /** Every change editors made, oldest first; the version is their number. */
  corrections: Correction[];
  version: number;
  /** What extraction reads, when a field is corrected (null when none is). */
  extracted: StoredRecord | null;
}

/** Key of an action: stable across re-extraction as long as its text is. */
export const actionKey = (text: string) =>
  createHash("sha1").update(norm(text)).digest("hex").slice(0, 16);

/** One meeting with its original lines, person links, stakeholder groups and action statuses. */
export async function getMeeting(
  db: Queryable,
  v: Viewer,
  id: number,
  opts: { followUps?: boolean } = {},
): Promise<MeetingDetail | null> {
  // one call (migration 011): the record, its text, person links, stakeholder groups, action statuses
  // (the record comes as text: the embedded driver is several times slower at turning json into objects)
  const { rows } = await db.query<{
    id: number;
    members_only: boolean;
    record: string;
    text: string;
    people: [string, string][] | null;
    orgs: [string, string | null][] | null;
    statuses: [string, string][] | null;
    corrections: string | null;
    extracted: string | null;
    nicks: string | null;
  }>(`SELECT * FROM meeting_page($1, $2)`, [id, !!v.editor]);
  const r = rows[0];
  if (!r) return null;
  const rec = JSON.parse(r.record) as EffectiveRecord;
  const names = [
    ...new Set([
      ...rec.participants.map((p) => p.name),
      ...rec.moderators,
      ...rec.sections.flatMap((s) => s.speakers),
    ]),
  ];
  const people: Record<string, string> = {};
  const parsed = <T>(s: unknown): T[] =>
    typeof s === "string" ? (JSON.parse(s) as T[]) : ((s as T[] | null) ?? []);
  const byKey = new Map(parsed<[string, string]>(r.people));
  for (const n of names) {
    const id2 = byKey.get(nameKey(n));
    if (id2) people[n] = id2;
  }
  const stakeholders = Object.fromEntries(parsed<[string, string | null]>(r.orgs));
  const statuses = new Map(parsed<[string, string]>(r.statuses));
  // where each action was taken up later: asked for by the API and the follow-ups page, not
  // by the meeting page (it reads the next meetings' sections, the costliest part)
  const later = opts.followUps ? await followUps(db, v, r.id, rec.actions, names) : [];
  const actions = rec.actions.map((a, i) => {
    const key = actionKey(a.text);
    return { ...a, key, status: statuses.get(key) ?? "open", followUps: later[i] ?? [] };
  });
  return {
    id: r.id,
    membersOnly: r.members_only,
    record: rec,
    lines: r.text.split("\n"),
    people,
    stakeholders,
    actions,
    nicknames: parsed<{ name: string; nick: string }>(r.nicks),
    corrections: parsed<CorrectionRow>(r.corrections).map(toCorrection),
    version: parsed<CorrectionRow>(r.corrections).length,
    extracted: r.extracted ? (JSON.parse(r.extracted) as StoredRecord) : null,
  };
}

/** The latest status of each action of a meeting. */
export async function actionStatuses(db: Queryable, source: string): Promise<Map<string, string>> {
  const { rows } = await db.query<{ action_key: string; status: string }>(
    `SELECT DISTINCT ON (action_key) action_key, status FROM action_events WHERE source = $1 ORDER BY action_key, id DESC`,
    [source],
  );
  return new Map(rows.map((r) => [r.action_key, r.status]));
}

export interface PersonDetail {
  id: string;
  name: string;
  aliases: { alias: string; evidence: string }[];
  meetings: {
    id: number;
    source: string;
    group: string | null;
    number: number | null;
    start: string | null;
    listedAs: string | null;
    affiliation: string | null;
    roles: string[];
    statements: { section: string; text: string; line: number }[];
  }[];
}

/** A person: every spelling, and meeting by meeting their listing, affiliation and words. */
export async function getPerson(
  db: Queryable,
  v: Viewer,
  id: string,
): Promise<PersonDetail | null> {
  const p = await db.query<{ id: string; name: string }>(
    `SELECT id, name FROM people WHERE id = $1`,
    [id],
  );
  if (!p.rows[0]) return null;
  const aliases = await db.query<{ alias: string; evidence: string; key: string }>(
    `SELECT alias, evidence, key FROM aliases WHERE person_id = $1 ORDER BY alias`,
    [id],
  );
  const keys = aliases.rows.map((a) => a.key);
  const spellings = aliases.rows.map((a) => a.alias);
  const ms = await db.query<PersonMeetingRow>(
    `SELECT m.id, m.source, m.group_name, m.number, m.start, m.record, d.text FROM person_meetings pm JOIN meetings m ON m.source = pm.source JOIN documents d ON d.id = m.document_id
     WHERE pm.person_id = $1 AND ${visible(v)} ORDER BY m.start_at NULLS LAST, m.id`,
    [id],
  );
  const meetings = ms.rows.map((r) => {
    const rec = r.record;
    const lines = r.text.split("\n");
    const listed = rec.participants.find((x) => keys.includes(nameKey(x.name)));
    const st = rec.sections;
    return {
      id: r.id,
      source: r.source,
      group: r.group_name,
      number: r.number,
      start: r.start,
      listedAs: listed?.name ?? null,
      affiliation: listed?.affiliation ?? null,
      roles: listed?.roles ?? [],
      statements: [] as { section: string; text: string; line: number }[],
      _sections: st,
      _lines: lines,
    };
  });
  const stm = await db.query<{
    meeting_id: number;
    section_ord: number;
    line: number;
    end_line: number;
  }>(
    `SELECT meeting_id, section_ord, line, end_line FROM statements WHERE meeting_id = ANY($1::int[]) AND speaker = ANY($2::text[]) AND in_record ORDER BY meeting_id, line`,
    [meetings.map((m) => m.id), spellings],
  );
  // one statement once: two spellings of the person, or two speakers in one paragraph,
  // can point at the same lines
  const said = new Set<string>();
  for (const s of stm.rows) {
    const m = meetings.find((x) => x.id === s.meeting_id)!;
    const text = m._lines.slice(s.line - 1, s.end_line).join(" ");
    const key = `${s.meeting_id}|${s.section_ord}|${sentenceAround(text)}`;
    if (said.has(key)) continue;
    said.add(key);
    m.statements.push({
      section: m._sections[s.section_ord]?.title ?? "",
      text: sentenceAround(text),
      line: s.line,
    });
  }
  // a reader knows a person only through the meetings they may see, and only the
  // spellings those meetings use
  if (!v.editor && !meetings.length) return null;
  const seen = v.editor ? null : await visibleSpellings(db, v);
  const shown = aliases.rows.filter(
    (a) => a.alias !== p.rows[0]!.name && (!seen || seen.has(a.key)),
  );
  return {
    id,
    name: p.rows[0].name,
    aliases: shown.map(({ alias, evidence }) => ({ alias, evidence })),
    meetings: meetings.map(({ _sections, _lines, ...m }) => m),
  };
}

const sentenceAround = (t: string) =>
  (t.length > 600 ? t.slice(0, 600) + "…" : t).replace(/[*_#]/g, "").trim();

/** Groups with their meeting counts, visible to the viewer. */
export async function listGroups(
  db: Queryable,
  v: Viewer,
): Promise<{ group: string; acronym: string | null; meetings: number; last: string | null }[]> {
  const { rows } = await db.query<{
    group_name: string;
    acronym: string | null;
    n: number;
    last: string | null;
  }>(
    `SELECT m.group_name, max(m.group_acronym) AS acronym, count(*)::int AS n, max(m.start) AS last FROM meetings m WHERE m.group_name IS NOT NULL AND ${visible(v)} GROUP BY m.group_name ORDER BY max(m.start_at) DESC NULLS LAST`,
  );
  return rows.map((r) => ({
    group: r.group_name,
    acronym: r.acronym,
    meetings: r.n,
    last: r.last,
  }));
}

export interface ActionRow {
  meetingId: number;
  source: string;
  group: string | null;
  start: string | null;
  text: string;
  owner: string | null;
  due: string | null;
  key: string;
  status: string;
}

/** Actions of visible meetings with their current status. */
export async function listActions(
  db: Queryable,
  v: Viewer,
  f: { group?: string | undefined } = {},
): Promise<ActionRow[]> {
  const params: unknown[] = [];
  const where = [visible(v)];
  if (f.group) {
    params.push(likeContains(f.group), likeExact(f.group));
    where.push(`(m.group_name ILIKE $1 OR m.group_acronym ILIKE $2)`);
  }
  const { rows } = await db.query<ActionListRow>(
    `SELECT m.id, m.source, m.group_name, m.start, a.text, a.owner, a.due
     FROM meetings m, LATERAL (SELECT x->>'text' AS text, x->>'owner' AS owner, x->>'due' AS due FROM json_array_elements(m.record->'actions') x) a
     WHERE ${where.join(" AND ")} ORDER BY a.due NULLS LAST, m.start_at DESC`,
    params,
  );
  // the latest status of every action (keys are computed from the action's text)
  const ev = await db.query<{ source: string; action_key: string; status: string }>(
    `SELECT DISTINCT ON (source, action_key) source, action_key, status FROM action_events ORDER BY source, action_key, id DESC`,
  );
  const status = new Map(ev.rows.map((e) => [`${e.source}|${e.action_key}`, e.status]));
  return rows.map((r) => {
    const key = actionKey(r.text);
    return {
      meetingId: r.id,
      source: r.source,
      group: r.group_name,
      start: r.start,
      text: r.text,
      owner: r.owner,
      due: r.due,
      key,
      status: status.get(`${r.source}|${key}`) ?? "open",
    };
  });
}

/** Findings of visible meetings. */
export async function listFindings(
  db: Queryable,
  v: Viewer,
): Promise<
  {
    meetingId: number;
    source: string;
    code: string;
    message: string;
    subject: string | null;
    line: number | null;
  }[]
> {
  const { rows } = await db.query<FindingRow>(
    `SELECT m.id, m.source, f.code, f.message, f.subject, f.line FROM findings f JOIN meetings m ON m.id = f.meeting_id WHERE ${visible(v)} ORDER BY m.start_at DESC NULLS LAST, f.ord`,
  );
  return rows.map((r) => ({
    meetingId: r.id,
    source: r.source,
    code: r.code,
    message: r.message,
    subject: r.subject,
    line: r.line,
  }));
}

/** Attendance (people × meetings) and stakeholder balance per meeting, for a group and dates. */
export async function participation(
  db: Queryable,
  v: Viewer,
  f: { group?: string | undefined; from?: string | undefined; to?: string | undefined },
): Promise<{
  meetings: MeetingSummary[];
  attendance: { person: string; personId: string | null; meetingId: number }[];
  balance: { meetingId: number; stakeholder: string; count: number }[];
}> {
  const meetings = await listMeetings(db, v, { ...f, limit: 60 });
  // people counted by person, affiliations inferred where a list omits them (attendees.ts)
  const list = await attendees(
    db,
    v,
    meetings.map((m) => m.id),
  );
  const attendance = list.map((a) => ({
    person: a.person,
    personId: a.personId,
    meetingId: a.meetingId,
  }));
  const balance = new Map<string, number>();
  for (const a of list) {
    const b = `${a.meetingId}|${a.stakeholder ?? "Unknown"}`;
    balance.set(b, (balance.get(b) ?? 0) + 1);
  }
  return {
    meetings,
    attendance,
    balance: [...balance].map(([k, count]) => ({
      meetingId: Number(k.split("|")[0]),
      stakeholder: k.split("|")[1]!,
      count,
    })),
  };
}
