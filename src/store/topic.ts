import type { Queryable } from "./db.js";
import { search, type SearchHit } from "./search.js";
import { listActions, type ActionRow, type Viewer } from "./read.js";
import { glossaryFor } from "./glossary.js";

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

/** A term's timeline: the meetings and sections that discuss it (acronyms expanded), who spoke, and its actions. */
export async function topicTimeline(db: Queryable, v: Viewer, term: string): Promise<Topic> {
  const g = (await glossaryFor(db, v)).find(
    (x) =>
      x.acronym.toLowerCase() === term.toLowerCase() ||
      x.expansion.toLowerCase() === term.toLowerCase(),
  );
  const hits: SearchHit[] = await search(db, v, { q: term, limit: 100 });
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
    m.sections.push({
      title: h.title,
      ord: h.sectionOrd,
      speakers: h.speakers,
      snippet: h.snippet,
    });
    for (const s of h.speakers) spoke.set(s, (spoke.get(s) ?? 0) + 1);
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
