import { plainText } from "../extract/section-text.js";
import { dayExists } from "../model/record.js";
import type { Queryable } from "./db.js";
import { findPerson } from "./people.js";
import { visible } from "./scope.js";
import type { Viewer } from "../model/viewer.js";
import { glossaryFor } from "./glossary.js";
import { RapporteurError } from "../model/errors.js";
import { stemmerFor, type Stemmer } from "./tsvector.js";
import { likeContains, likeExact } from "./like.js";
import type { SearchRow } from "./rows.js";

export interface SearchQuery {
  q: string;
  person?: string | undefined;
  group?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  limit?: number | undefined;
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
const POOL = 100;
const RECENT = 3000;

/**
 * Ranked full-text search (websearch syntax: "phrases", OR, -exclusion; `word*` for a
 * prefix) over sections and undiscussed agenda items; titles and agenda items weigh more
 * than body text. Same SQL on both drivers.
 */
export async function search(db: Queryable, v: Viewer, query: SearchQuery): Promise<SearchHit[]> {
  const split = splitQuery(query.q);
  const { prefixes } = split;
  let { web } = split;
  if (!web && !prefixes.length)
    throw new RapporteurError(
      "bad-argument",
      `search query "${query.q}" has no words to look for; give at least one word`,
    );
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts: string[] = [];
  // an acronym also finds its expansion, and an expansion its acronym
  const glossary = await glossaryFor(db, v);
  for (const g of glossary) {
    const acr = new RegExp(
      `(^|\\s)(${g.acronym.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})(?=\\s|$)`,
      "i",
    );
    const exp = new RegExp(`"?${g.expansion.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"?`, "i");
    if (acr.test(web) && !/"/.test(web)) {
      web = web.replace(acr, "$1").trim();
      parts.push(
        `(websearch_to_tsquery('english', ${p(g.acronym)}) || phraseto_tsquery('english', ${p(g.expansion)}))`,
      );
    } else if (exp.test(web)) {
      web = web.replace(exp, " ").trim();
      parts.push(
        `(websearch_to_tsquery('english', ${p(g.acronym)}) || phraseto_tsquery('english', ${p(g.expansion)}))`,
      );
    }
  }
  if (web) parts.push(`websearch_to_tsquery('english', ${p(web)})`);
  if (prefixes.length)
    parts.push(`to_tsquery('english', ${p(prefixes.map((x) => `${x}:*`).join(" & "))})`);
  // The query is built first and passed as a constant: the planner can then weigh how
  // common its words are (scan the newest sections for a common word, the index for a rare one).
  const built = await db.query<{ q: string }>(`SELECT (${parts.join(" && ")})::text AS q`, params);
  const queryText = built.rows[0]!.q;
  if (!queryText) return [];
  params.length = 0;
  const tsq = `${p(queryText)}::tsquery`;
  const filters: string[] = [];
  if (!v.editor) filters.push(visible(v));
  if (query.group)
    filters.push(
      `(m.group_name ILIKE ${p(likeContains(query.group))} OR m.group_acronym ILIKE ${p(likeExact(query.group))})`,
    );
  if (query.from) filters.push(`m.start_at >= ${p(checkDate(query.from, "--from"))}::timestamptz`);
  if (query.to)
    filters.push(`m.start_at < (${p(checkDate(query.to, "--to"))}::date + 1)::timestamptz`);
  if (query.person) {
    const who = await findPerson(db, query.person, v);
    if (!who)
      throw new RapporteurError(
        "bad-argument",
        `--person "${query.person}": nobody of that name is in the store; see \`rapporteur people\``,
      );
    filters.push(
      `s.speakers && (SELECT array_agg(alias) FROM aliases WHERE person_id = ${p(who.id)})`,
    );
  }
  const where = filters.length ? `AND ${filters.join(" AND ")}` : "";
  // Candidates come from two pools: the newest POOL matching anywhere, and the newest POOL
  // whose title or agenda item matches (the small `head` index; the whole unit must match
  // too, or "-word" would not exclude body text). First only the newest RECENT sections are
  // read: for words found in most meetings that already fills the pools in bounded time,
  // whatever the planner guesses about how common a combination of words is. Rarer words
  // go to the indexes.
  const filterParams = params.length;
  const recent = await db.query<{ id: number; title: boolean }>(
    `SELECT s.id, s.head @@ ${tsq} AS title FROM (SELECT id, tsv, head, speakers, meeting_id, start_at FROM sections ORDER BY start_at DESC NULLS LAST, id DESC LIMIT ${RECENT}) s
     JOIN meetings m ON m.id = s.meeting_id WHERE s.tsv @@ ${tsq} ${where} ORDER BY s.start_at DESC NULLS LAST, s.id DESC LIMIT ${POOL}`,
    params.slice(0, filterParams),
  );
  let ids = recent.rows.map((r) => r.id);
  if (recent.rows.length < POOL) {
    const pool = (cond: string) =>
      `(SELECT s.id FROM sections s JOIN meetings m ON m.id = s.meeting_id WHERE ${cond} ${where} ORDER BY s.start_at DESC NULLS LAST, s.id DESC LIMIT ${POOL})`;
    const more = await db.query<{ id: number }>(
      `${pool(`s.head @@ ${tsq} AND s.tsv @@ ${tsq}`)} UNION ${pool(`s.tsv @@ ${tsq}`)}`,
      params.slice(0, filterParams),
    );
    ids = [...new Set([...ids, ...more.rows.map((r) => r.id)])];
  }
  if (!ids.length) return [];
  params.length = 1; // the ranking query needs only the tsquery ($1), the candidates and the limit
  const limit = p(Math.min(Math.max(query.limit ?? 20, 1), 100));
  const sql = `
    WITH q AS (SELECT ${tsq} AS q),
    cand AS (SELECT unnest(${p(ids)}::int[]) AS id),
    top AS (
      SELECT s.id, s.meeting_id, s.ord, s.kind, s.title, s.speakers, s.line, s.end_line, s.document_id, s.start_at,
             ts_rank('{0.1, 0.2, 0.4, 1.0}', s.tsv, q.q) AS rank
      FROM cand JOIN sections s ON s.id = cand.id, q
      ORDER BY rank DESC, s.start_at DESC NULLS LAST, s.id DESC
      LIMIT ${limit}
    )
    SELECT top.meeting_id, m.source, m.group_name, m.number, m.start, top.kind, top.ord, top.title, top.speakers, top.line, top.end_line,
           round(top.rank::numeric, 4)::float8 AS rank,
           array_to_string((string_to_array(d.text, E'\n'))[top.line:top.end_line], E'\n') AS body
    FROM top JOIN meetings m ON m.id = top.meeting_id JOIN documents d ON d.id = top.document_id, q
    ORDER BY top.rank DESC, top.start_at DESC NULLS LAST, top.id DESC`;
  const { rows } = await db.query<SearchRow>(sql, params);
  const stemmer = stemmerFor(db);
  await stemmer.learn(
    db,
    rows.map((r) => String(r.body ?? "")),
  );
  const wanted = queryLexemes(queryText);
  return rows.map((r) => ({
    meetingId: r.meeting_id,
    source: r.source,
    group: r.group_name,
    number: r.number,
    start: r.start,
    kind: r.kind,
    sectionOrd: r.ord,
    title: r.title,
    speakers: r.speakers,
    line: r.line,
    endLine: r.end_line,
    rank: r.rank,
    // a snippet reads as text: no Markdown link or emphasis syntax
    snippet: snippet(stemmer, plainText(String(r.body || r.title)), wanted),
  }));
}

/** The words a query looks for (not those it excludes): 'budget', and 'draft' for 'draft':*. */
export function queryLexemes(q: string): { exact: Set<string>; prefixes: string[] } {
  const exact = new Set<string>(),
    prefixes: string[] = [];
  for (const m of q.matchAll(/(!?)'((?:[^']|'')+)'(:\*)?/g)) {
    if (m[1]) continue;
    const lex = m[2]!.replace(/''/g, "'");
    if (m[3]) prefixes.push(lex);
    else exact.add(lex);
  }
  return { exact, prefixes };
}

/**
 * A snippet cut around the passage with most hits, hits marked «so». Made here rather
 * than by ts_headline: it costs a fraction, and reads the same on every server version.
 */
export function snippet(
  stemmer: Stemmer,
  text: string,
  wanted: { exact: Set<string>; prefixes: string[] },
  size = 32,
): string {
  const words = [...text.replace(/[*_#|]/g, " ").matchAll(/\S+/g)].map((m) => m[0]);
  const hit = words.map((w) => {
    const core = w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");
    if (!core) return false;
    const stem = stemmer.stem(core) ?? core;
    return (
      wanted.exact.has(stem) ||
      wanted.exact.has(core) ||
      wanted.prefixes.some((p) => core.startsWith(p))
    );
  });
  let best = 0,
    bestScore = -1;
  for (let i = 0; i < Math.max(1, words.length - size + 1); i += 4) {
    let score = 0;
    for (let k = i; k < Math.min(words.length, i + size); k++) if (hit[k]) score++;
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  const out: string[] = [];
  for (let k = best; k < Math.min(words.length, best + size); k++)
    out.push(hit[k] ? `«${words[k]}»` : words[k]!);
  return `${best > 0 ? "… " : ""}${out.join(" ").replace(/»(\s+)«/g, "$1")}${best + size < words.length ? " …" : ""}`;
}

/** Separates `word*` prefix terms (not part of websearch syntax) from the rest. */
export function splitQuery(q: string): { web: string; prefixes: string[] } {
  const prefixes: string[] = [];
  const web = q
    .replace(/(^|\s)([\p{L}\p{N}]+)\*(?=\s|$)/gu, (_, sp: string, w: string) => {
      prefixes.push(w.toLowerCase());
      return sp;
    })
    .replace(/\s+/g, " ")
    .trim();
  return { web: asIndexed(web), prefixes };
}

// A term written with symbols ("Plan+10", "AI/ML") is indexed as its words in a row, but
// PostgreSQL's query parser reads "+20" as a signed number: outside quotes the term becomes
// the phrase of its words, inside quotes the symbols become spaces.
function asIndexed(web: string): string {
  const JOINED = /([\p{L}\p{N}])[+&#/]+(?=[\p{L}\p{N}])/gu;
  return web
    .split('"')
    .map((part, i) =>
      i % 2
        ? part.replace(JOINED, "$1 ")
        : part.replace(
            /[\p{L}\p{N}]+(?:[+&#/]+[\p{L}\p{N}]+)+/gu,
            (t) => `"${t.replace(JOINED, "$1 ")}"`,
          ),
    )
    .join('"');
}

function checkDate(s: string, flag: string): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s) || !dayExists(s))
    throw new RapporteurError("bad-argument", `${flag} ${s}: give a date as YYYY-MM-DD`);
  return s;
}
