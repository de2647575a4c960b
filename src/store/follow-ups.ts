import type { Queryable } from "./db.js";
import type { Viewer } from "../model/viewer.js";
import { visible } from "./scope.js";
import {
  findFollowUps,
  keyWords,
  type FollowUp,
  type LaterSection,
  type Rarity,
} from "../resolve/follow-ups.js";
import { stemmerFor } from "./tsvector.js";

/**
 * For each action of a meeting, the later sections of its group that discuss it, with the
 * evidence. The sections' words come from the search index (no report text is read);
 * a word's rarity is counted over the group's sections.
 */
export async function followUps(
  db: Queryable,
  v: Viewer,
  meetingId: number,
  actions: { text: string; owner: string | null }[],
  names: readonly string[] = [],
): Promise<FollowUp[][]> {
  if (!actions.length) return [];
  const { rows } = await db.query<{
    id: number;
    source: string;
    start: string | null;
    sections: string | null;
  }>(
    // the next few meetings are chosen first, then their sections are read
    `WITH later AS (
       SELECT m.id, m.source, m.start, m.start_at FROM meetings m, meetings me
       WHERE me.id = $1 AND m.group_name = me.group_name AND m.start_at > me.start_at AND ${visible(v)}
       ORDER BY m.start_at LIMIT 4)
     SELECT l.id, l.source, l.start,
       (SELECT json_agg(json_build_object('title', s.title, 'ord', s.ord, 'speakers', s.speakers, 'tsv', s.tsv::text) ORDER BY s.ord)::text
          FROM sections s WHERE s.meeting_id = l.id AND s.kind = 'section') AS sections
     FROM later l ORDER BY l.start_at`,
    [meetingId],
  );
  if (!rows.length) return actions.map(() => []);
  const later = rows.map((r) => ({
    meetingId: r.id,
    source: r.source,
    start: r.start,
    sections: (
      (r.sections ? JSON.parse(r.sections) : []) as (Omit<LaterSection, "lexemes"> & {
        tsv: string;
      })[]
    ).map(({ tsv, ...rest }) => ({ ...rest, ...lexemesOf(tsv) })),
  }));
  const stemmer = stemmerFor(db);
  await stemmer.learn(db, [...actions.map((a) => keyWords(a.text).join(" ")), names.join(" ")]);
  const stem = (w: string) => stemmer.stem(w);
  const stems = [...new Set(actions.flatMap((a) => keyWords(a.text).map((w) => stem(w) ?? w)))];
  const rarity = await rarityIn(db, v, meetingId, stems);
  return actions.map((a) => findFollowUps(a, later, stem, rarity, names));
}

// How many of the group's sections (those the viewer sees) use each stem, and how many there are.
async function rarityIn(
  db: Queryable,
  v: Viewer,
  meetingId: number,
  stems: string[],
): Promise<Rarity> {
  const { rows } = await db.query<{ n: number; df: string | null }>(
    `WITH g AS (
       SELECT s.tsv FROM sections s JOIN meetings m ON m.id = s.meeting_id, meetings me
       WHERE me.id = $1 AND m.group_name = me.group_name AND s.kind = 'section' AND ${visible(v)})
     SELECT (SELECT count(*) FROM g)::int AS n,
       (SELECT json_object_agg(lex, c)::text FROM (
          SELECT lex, count(*) AS c FROM g, unnest(tsvector_to_array(g.tsv)) AS lex
          WHERE lex = ANY($2::text[]) GROUP BY lex) x) AS df`,
    [meetingId, stems],
  );
  const df = new Map(Object.entries(JSON.parse(rows[0]?.df ?? "{}") as Record<string, number>));
  return { sections: rows[0]?.n ?? 0, df };
}

// A tsvector's text form ('river':12,40 'festiv':13A): each lexeme with its word positions.
function lexemesOf(tsv: string): Pick<LaterSection, "lexemes" | "positions"> {
  const positions: Record<string, number[]> = {};
  for (const m of tsv.matchAll(/'((?:[^']|'')*)'(?::([\d,A-D]+))?/g))
    positions[m[1]!.replace(/''/g, "'")] = (m[2] ?? "")
      .split(",")
      .filter(Boolean)
      .map((p) => parseInt(p, 10));
  return { lexemes: Object.keys(positions), positions };
}
