import { plainText } from "../extract/section-text.js";
import { dayExists } from "../model/record.js";
import type { Queryable } from "./db.js";
import { findPerson } from "./people.js";
import { visible } from "./scope.js";
import type { Viewer } from "../model/viewer.js";
import { glossaryAt, glossaryFor } from "./glossary.js";
import { storeVersion } from "./version.js";
import { RapporteurError } from "../model/errors.js";
import { stemmerFor } from "./tsvector.js";
import { cutSnippet, snippetWords } from "./snippet.js";
import { likeContains, likeExact } from "./like.js";
import type { SearchRow } from "./rows.js";
import { queryLexemes } from "./query-lexemes.js";
import { rankAt, type Ranked, type RankRequest } from "./top-k.js";
import type { PostingCache } from "./posting-cache.js";

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

/**
 * Ranked full-text search (websearch syntax: "phrases", OR, -exclusion; `word*` for a
 * prefix) over sections and undiscussed agenda items; titles and agenda items weigh more
 * than body text. Same SQL on both drivers.
 */
export async function search(
  db: Queryable,
  v: Viewer,
  query: SearchQuery,
  lists?: PostingCache,
): Promise<SearchHit[]> {
  return searchWith(db, v, query, lists, true);
}

async function searchWith(
  db: Queryable,
  v: Viewer,
  query: SearchQuery,
  lists: PostingCache | undefined,
  reuse: boolean,
): Promise<SearchHit[]> {
  // A serving process plans and ranks with what it kept for one store version (the
  // glossary, the words' terms, posting lists, the hidden sections): the answer stands only
  // if the statements this search makes read that version, else it is made again from the
  // store. (A command, or a search made again, reads everything from the store.)
  const held = reuse ? lists?.glossary(!!v.editor) : undefined;
  const glossary = held ?? (await glossaryAt(db, v));
  if (!held) lists?.keepGlossary(!!v.editor, glossary);
  const plan = await planSearch(db, v, query, glossary.entries);
  // Every match is ranked (exactly, by the threshold algorithm over the impact-ordered
  // index, see top-k.ts): the best match is found whatever its age.
  const got = plan
    ? await rankAt(db, plan, lists, reuse)
    : { ranked: [], version: null, kept: false };
  const again = () => searchWith(db, v, query, lists, false);
  if (got.kept ? got.version !== glossary.version : held && got.version !== held.version)
    return again();
  if (!plan || !got.ranked.length) {
    if (got.kept && (await storeVersion(db)) !== got.version) return again();
    return [];
  }
  const { hits, version } = await present(db, got.ranked, plan.query);
  if (got.kept && version !== got.version) return again();
  return hits;
}

/**
 * A query as the ranking reads it: its tsquery (acronyms with their expansions, prefixes),
 * the filters and the viewer's scope as SQL, and how many; null when it can match nothing.
 */
export async function planSearch(
  db: Queryable,
  v: Viewer,
  query: SearchQuery,
  known?: readonly { acronym: string; expansion: string }[],
): Promise<RankRequest | null> {
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
  const used: { acronym: string; expansion: string }[] = [];
  // an acronym also finds its expansion, and an expansion its acronym
  const glossary = known ?? (await glossaryFor(db, v));
  for (const g of glossary) {
    const acr = new RegExp(
      `(^|\\s)(${g.acronym.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")})(?=\\s|$)`,
      "i",
    );
    const exp = new RegExp(`"?${g.expansion.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}"?`, "i");
    if (acr.test(web) && !/"/.test(web)) {
      web = web.replace(acr, "$1").trim();
      used.push(g);
      parts.push(
        `(websearch_to_tsquery('english', ${p(g.acronym)}) || phraseto_tsquery('english', ${p(g.expansion)}))`,
      );
    } else if (exp.test(web)) {
      web = web.replace(exp, " ").trim();
      used.push(g);
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
  if (!queryText) return null;
  params.length = 0;
  p(queryText); // $1: the query; the filters' parameters follow (top-k.ts reads them so)
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
  const limit = Math.min(Math.max(query.limit ?? 20, 1), 100);
  // an acronym and its expansion name one thing: a section scores the better of the two
  const alternatives = used.length
    ? (
        await db.query<{ a: string; e: string }>(
          `SELECT websearch_to_tsquery('english', a)::text AS a, phraseto_tsquery('english', e)::text AS e
           FROM unnest($1::text[], $2::text[]) AS g(a, e)`,
          [used.map((g) => g.acronym), used.map((g) => g.expansion)],
        )
      ).rows.map((r) => [[...queryLexemes(r.a).exact], [...queryLexemes(r.e).exact]] as const)
    : [];
  const scopeOnly = filters.length <= (v.editor ? 0 : 1) ? { all: !!v.editor } : undefined;
  return { query: queryText, where, params: params.slice(1), limit, alternatives, scopeOnly };
}

// The ranked sections as hits: their meeting, their text's matching passage.
async function present(
  db: Queryable,
  ranked: Ranked[],
  queryText: string,
): Promise<{ hits: SearchHit[]; version: string | undefined }> {
  // one call of a function that keeps its plan (migrations 012, 018), which says the version
  const sql = `SELECT * FROM search_hits($1::int[], $2::float8[])`;
  const { rows } = await db.query<SearchRow>(sql, [
    ranked.map((x) => x.id),
    ranked.map((x) => x.score),
  ]);
  const stemmer = stemmerFor(db);
  const wanted = queryLexemes(queryText);
  const texts = rows.map((r) => snippetWords(plainText(String(r.body || r.title)), wanted));
  // only words that could stem to a query word are stemmed (a stem keeps its word's start)
  await stemmer.learn(db, [texts.flatMap((t) => t.cores.map((w) => [w]))]);
  const hits = rows.map((r, i) => ({
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
    snippet: cutSnippet(stemmer, texts[i]!, wanted),
  }));
  return { hits, version: rows[0]?.v };
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
