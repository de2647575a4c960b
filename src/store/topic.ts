import type { Queryable } from "./db.js";
import type { PostingCache } from "./posting-cache.js";
import { search, type SearchHit } from "./search.js";
import { listActions, type ActionRow, type Viewer } from "./read.js";
import { glossaryFor } from "./glossary.js";
import { speakersOnTopic, termMatcher, type SpokenLines } from "../resolve/topic-speakers.js";

export interface Topic {
  term: string;
  expansion: string | null;
  acronym: string | null;
  meetings: {
    meetingId: number;
    source: string;
    group: string | null;
    number: number | null;
    start: string | null;
    sections: { title: string; ord: number; speakers: string[]; snippet: string }[];
  }[];
  speakers: { name: string; sections: number }[];
  actions: ActionRow[];
}

/**
 * A term's timeline: the meetings and sections that discuss it (acronyms expanded), who
 * spoke on it (in the paragraphs that mention it, see resolve/topic-speakers.ts), and its
 * actions.
 */
export async function topicTimeline(
  db: Queryable,
  v: Viewer,
  term: string,
  lists?: PostingCache,
): Promise<Topic> {
  const g = (await glossaryFor(db, v)).find(
    (x) =>
      x.acronym.toLowerCase() === term.toLowerCase() ||
      x.expansion.toLowerCase() === term.toLowerCase(),
  );
  const hits: SearchHit[] = await search(db, v, { q: term, limit: 100 }, lists);
  const mentions = termMatcher([term, g?.acronym ?? "", g?.expansion ?? ""]);
  const onTopic = await paragraphSpeakers(db, hits, mentions);
  const byMeeting = new Map<number, Topic["meetings"][number]>();
  const spoke = new Map<string, number>();
  for (const h of [...hits].sort(
    (a, b) => (a.start ?? "").localeCompare(b.start ?? "") || a.sectionOrd - b.sectionOrd,
  )) {
    const m =
      byMeeting.get(h.meetingId) ??
      byMeeting
        .set(h.meetingId, {
          meetingId: h.meetingId,
          source: h.source,
          group: h.group,
          number: h.number,
          start: h.start,
          sections: [],
        })
        .get(h.meetingId)!;
    const speakers = onTopic(h);
    m.sections.push({ title: h.title, ord: h.sectionOrd, speakers, snippet: h.snippet });
    for (const s of speakers) spoke.set(s, (spoke.get(s) ?? 0) + 1);
  }
  const words = [term, g?.acronym, g?.expansion]
    .filter((x): x is string => !!x)
    .map((x) => x.toLowerCase());
  const actions = (await listActions(db, v)).filter((a) =>
    words.some((w) => a.text.toLowerCase().includes(w)),
  );
  return {
    term,
    expansion: g?.expansion ?? null,
    acronym: g?.acronym ?? null,
    meetings: [...byMeeting.values()],
    speakers: [...spoke]
      .map(([name, sections]) => ({ name, sections }))
      .sort((a, b) => b.sections - a.sections || a.name.localeCompare(b.name)),
    actions,
  };
}

// Each hit's speakers on the topic, read from the stored text and statements of its meeting.
async function paragraphSpeakers(
  db: Queryable,
  hits: readonly SearchHit[],
  mentions: (text: string) => boolean,
): Promise<(h: SearchHit) => string[]> {
  const ids = [...new Set(hits.filter((h) => h.kind === "section").map((h) => h.meetingId))];
  if (!ids.length) return (h) => h.speakers;
  const { rows } = await db.query<{ id: number; text: string; said: string | null }>(
    `SELECT m.id, d.text,
       (SELECT json_agg(json_build_object('speaker', s.speaker, 'line', s.line, 'endLine', s.end_line))::text
          FROM statements s WHERE s.meeting_id = m.id AND s.in_record) AS said
     FROM meetings m JOIN documents d ON d.id = m.document_id WHERE m.id = ANY($1::int[])`,
    [ids],
  );
  const byMeeting = new Map(
    rows.map((r) => [
      r.id,
      { lines: r.text.split("\n"), said: JSON.parse(r.said ?? "[]") as SpokenLines[] },
    ]),
  );
  return (h) => {
    const m = byMeeting.get(h.meetingId);
    if (!m || h.kind !== "section") return h.speakers;
    return speakersOnTopic(
      m.lines,
      { title: h.title, line: h.line, endLine: h.endLine, speakers: h.speakers },
      m.said,
      mentions,
    );
  };
}
