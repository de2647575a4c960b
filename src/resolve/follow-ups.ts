import { contentTokens } from "../extract/text.js";

/** Words too common in reports to tie an action to a later discussion. */
const COMMON = new Set(
  "meeting meetings group members member next step steps update updates discussion discussed agreed decided will should would could work report date time deadline item items also one two three new first second third all participants participant secretariat chair circulate share send publish".split(
    " ",
  ),
);

/** The significant words of a text: content words, minus the common words of reports. */
export function keyWords(text: string): string[] {
  return [
    ...new Set(
      contentTokens(text).filter((t) => t.length > 2 && !COMMON.has(t) && !/^\d+$/.test(t)),
    ),
  ];
}

export interface FollowUp {
  meetingId: number;
  source: string;
  start: string | null;
  section: string;
  ord: number;
  shared: string[];
  owner: boolean;
}

/** A later section as the search index holds it: its lexemes (stems), title and speakers. */
export interface LaterSection {
  title: string;
  ord: number;
  speakers: string[];
  lexemes: string[];
}

/**
 * Later sections that take an action up again: they share at least two significant words
 * with the action (its topic or object), or one when the action's owner speaks there.
 * Words are compared by stem (`stem`), and shown as the action writes them.
 */
export function findFollowUps(
  action: { text: string; owner: string | null },
  later: { meetingId: number; source: string; start: string | null; sections: LaterSection[] }[],
  stem: (w: string) => string | null = (w) => w,
): FollowUp[] {
  const want = keyWords(action.text).map((w) => ({ word: w, stem: stem(w) ?? w }));
  const out: FollowUp[] = [];
  for (const m of later)
    for (const s of m.sections) {
      const have = new Set(s.lexemes);
      const shared = want.filter((w) => have.has(w.stem)).map((w) => w.word);
      const owner = !!action.owner && s.speakers.includes(action.owner);
      if (shared.length >= 2 || (owner && shared.length >= 1))
        out.push({
          meetingId: m.meetingId,
          source: m.source,
          start: m.start,
          section: s.title,
          ord: s.ord,
          shared,
          owner,
        });
    }
  return out.sort((a, b) => b.shared.length - a.shared.length).slice(0, 5);
}
