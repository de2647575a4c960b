import type { Queryable } from "./db.js";
import { findPerson } from "./people.js";
import { RapporteurError } from "../model/errors.js";

export interface SearchQuery {
  q: string;
  person?: string | undefined;
  group?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
  /** Members-only meetings are left out unless the caller may see them. */
  includeMembersOnly?: boolean | undefined;
}

export interface SearchHit {
  meetingId: number;
  source: string;
  group: string | null;
  number: number | null;
  start: string | null;
  kind: "section" | "agenda";
  sectionOrd: number;
  title: string;
  speakers: string[];
  line: number | null;
  endLine: number | null;
  rank: number;
  /** The matching passage, hits marked with « and ». */
  snippet: string;
}

// How many of the newest matches each pool ranks. Ranking every match of a word that is in
// most meetings scores tens of thousands of rows; the newest few hundred of those whose
// title/agenda item matches, plus the newest few hundred matching anywhere, hold the best
// hits a secretariat looks for, and cost a bounded, small time.
const POOL = 300;

/**
 * Ranked full-text search (websearch syntax: "phrases", OR, -exclusion; `word*` for a
 * prefix) over sections and undiscussed agenda items; titles and agenda items weigh more
 * than body text. Same SQL on both drivers.
 */
export async function search(db: Queryable, query: SearchQuery): Promise<SearchHit[]> {
  const { web, prefixes } = splitQuery(query.q);
  if (!web && !prefixes.length) throw new RapporteurError("bad-argument", `search query "${query.q}" has no words to look for; give at least one word`);
  const params: unknown[] = [];
  const p = (v: unknown) => { params.push(v); return `$${params.length}`; };
  const parts: string[] = [];
  if (web) parts.push(`websearch_to_tsquery('english', ${p(web)})`);
  if (prefixes.length) parts.push(`to_tsquery('english', ${p(prefixes.map((x) => `${x}:*`).join(" & "))})`);
  const tsq = parts.join(" && ");
  const filters: string[] = [];
  if (!query.includeMembersOnly) filters.push("NOT m.members_only");
  if (query.group) filters.push(`(m.group_name ILIKE ${p(`%${query.group}%`)} OR m.group_acronym ILIKE ${p(query.group)})`);
  if (query.from) filters.push(`m.start_at >= ${p(checkDate(query.from, "--from"))}::timestamptz`);
  if (query.to) filters.push(`m.start_at < (${p(checkDate(query.to, "--to"))}::date + 1)::timestamptz`);
  if (query.person) {
    const who = await findPerson(db, query.person);
    if (!who) throw new RapporteurError("bad-argument", `--person "${query.person}": nobody of that name is in the store; see \`rapporteur people\``);
    filters.push(`s.speakers && (SELECT array_agg(alias) FROM aliases WHERE person_id = ${p(who.id)})`);
  }
  const where = filters.length ? `AND ${filters.join(" AND ")}` : "";
  const limit = p(Math.min(Math.max(query.limit ?? 20, 1), 100));
  // (the title pool must match the whole unit too, or "-word" would not exclude body text)
  const pool = (col: string) =>
    `(SELECT s.id FROM sections s JOIN meetings m ON m.id = s.meeting_id, q WHERE s.${col} @@ q.q ${col === "head" ? "AND s.tsv @@ q.q" : ""} ${where} ORDER BY s.start_at DESC NULLS LAST, s.id DESC LIMIT ${POOL})`;
  const sql = `
    WITH q AS (SELECT ${tsq} AS q),
    cand AS (${pool("head")} UNION ${pool("tsv")}),
    top AS (
      SELECT s.id, s.meeting_id, s.ord, s.kind, s.title, s.speakers, s.line, s.end_line, s.body, s.start_at,
             ts_rank('{0.1, 0.2, 0.4, 1.0}', s.tsv, q.q) AS rank
      FROM cand JOIN sections s ON s.id = cand.id, q
      ORDER BY rank DESC, s.start_at DESC NULLS LAST, s.id DESC
      LIMIT ${limit}
    )
    SELECT top.meeting_id, m.source, m.group_name, m.number, m.start, top.kind, top.ord, top.title, top.speakers, top.line, top.end_line,
           round(top.rank::numeric, 4)::float8 AS rank,
           ts_headline('english', CASE WHEN top.body = '' THEN top.title ELSE top.body END, q.q,
                       'StartSel=«, StopSel=», MaxWords=30, MinWords=10, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
    FROM top JOIN meetings m ON m.id = top.meeting_id, q
    ORDER BY top.rank DESC, top.start_at DESC NULLS LAST, top.id DESC`;
  const { rows } = await db.query<Record<string, unknown>>(sql, params);
  return rows.map((r) => ({
    meetingId: r.meeting_id as number, source: r.source as string, group: r.group_name as string | null, number: r.number as number | null,
    start: r.start as string | null, kind: r.kind as "section" | "agenda", sectionOrd: r.ord as number, title: r.title as string,
    speakers: r.speakers as string[], line: r.line as number | null, endLine: r.end_line as number | null, rank: r.rank as number,
    // neighbouring hits ("«Leadership» «Panel»") read as one
    snippet: String(r.snippet).replace(/\s+/g, " ").replace(/»(\s+)«/g, "$1").trim(),
  }));
}

/** Separates `word*` prefix terms (not part of websearch syntax) from the rest. */
export function splitQuery(q: string): { web: string; prefixes: string[] } {
  const prefixes: string[] = [];
  const web = q.replace(/(^|\s)([\p{L}\p{N}]+)\*(?=\s|$)/gu, (_, sp: string, w: string) => { prefixes.push(w.toLowerCase()); return sp; }).replace(/\s+/g, " ").trim();
  return { web, prefixes };
}

function checkDate(s: string, flag: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || Number.isNaN(Date.parse(s))) throw new RapporteurError("bad-argument", `${flag} ${s}: give a date as YYYY-MM-DD`);
  return s;
}
