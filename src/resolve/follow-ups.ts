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
  /** The action's words the section shares, as the action writes them, rarest first. */
  shared: string[];
  /** The evidence: each shared word with the number of the group's sections that use it. */
  rarity: { word: string; sections: number }[];
  /** How many sections the group has: what `rarity` counts against. */
  of: number;
  owner: boolean;
}

/** A later section as the search index holds it: its lexemes (stems) with their positions. */
export interface LaterSection {
  title: string;
  ord: number;
  speakers: string[];
  lexemes: string[];
  /** Where each lexeme stands in the section's text (word positions), when the index keeps them. */
  positions?: Readonly<Record<string, readonly number[]>>;
}

/** How often each stem occurs across a group's sections: the measure of a word's rarity. */
export interface Rarity {
  sections: number;
  df: ReadonlyMap<string, number>;
}

/** A word is rare in a group when at most this share of its sections (and at least two) use it. */
export const RARE_SHARE = 0.05;
/** A phrase's words may be somewhat more common: the phrase itself is the evidence. */
export const PHRASE_SHARE = 0.2;

/**
 * Later sections that take an action up again, by distinctive shared terms: a phrase of
 * the action (two of its words in a row, "river festival") that the section also writes in a
 * row, or two words rare in the group, or one rare word where the action's owner speaks.
 * Rarity is counted over the group's sections (`rarity`); common report words and the
 * words of people's names (`names`, the owner) never count.
 * Words are compared by stem (`stem`), ranked by rarity (inverse section frequency), and
 * shown as the action writes them, each with the number of sections that use it.
 */
export function findFollowUps(
  action: { text: string; owner: string | null },
  later: { meetingId: number; source: string; start: string | null; sections: LaterSection[] }[],
  stem: (w: string) => string | null = (w) => w,
  rarity: Rarity | null = null,
  names: readonly string[] = [],
): FollowUp[] {
  // people's names say who, not what: a later section where they speak is not the action's topic
  const nameWords = new Set(
    [action.owner ?? "", ...names].flatMap((x) => contentTokens(x)).map((w) => stem(w) ?? w),
  );
  const n = rarity?.sections ?? 0;
  const dfOf = (st: string) => rarity?.df.get(st) ?? 0;
  const under = (share: number) => (st: string) => !rarity || dfOf(st) <= Math.max(2, share * n);
  const rare = under(RARE_SHARE),
    phraseable = under(PHRASE_SHARE);
  const words = keyWords(action.text)
    .map((w) => ({ word: w, stem: stem(w) ?? w }))
    .filter((w) => !nameWords.has(w.stem));
  // the action's phrases: consecutive content words, both uncommon in the group
  const seq = contentTokens(action.text).map((w) => stem(w) ?? w);
  const phrases: [string, string][] = [];
  for (let k = 1; k < seq.length; k++) {
    const a = seq[k - 1]!,
      b = seq[k]!;
    if (a !== b && words.some((w) => w.stem === a) && words.some((w) => w.stem === b))
      if (phraseable(a) && phraseable(b)) phrases.push([a, b]);
  }
  const weight = (st: string) => (rarity ? Math.log((n + 1) / (dfOf(st) + 0.5)) : 1);
  const out: (FollowUp & { score: number })[] = [];
  for (const m of later)
    for (const s of m.sections) {
      const have = new Set(s.lexemes);
      const inRow = phrases.filter(([a, b]) => adjacent(s, a, b));
      const phraseStems = new Set(inRow.flat());
      const rareHit = words.filter((w) => have.has(w.stem) && rare(w.stem));
      const owner = !!action.owner && s.speakers.includes(action.owner);
      if (!inRow.length && rareHit.length < 2 && !(owner && rareHit.length >= 1)) continue;
      const hit = words
        .filter((w) => phraseStems.has(w.stem) || rareHit.includes(w))
        .sort((a, b) => dfOf(a.stem) - dfOf(b.stem));
      out.push({
        meetingId: m.meetingId,
        source: m.source,
        start: m.start,
        section: s.title,
        ord: s.ord,
        shared: hit.map((w) => w.word),
        rarity: hit.map((w) => ({ word: w.word, sections: dfOf(w.stem) })),
        of: n,
        owner,
        score: hit.reduce((t, w) => t + weight(w.stem), 0) + inRow.length + (owner ? 1 : 0),
      });
    }
  return out
    .sort((a, b) => b.score - a.score)
    .slice(0, 5)
    .map(({ score: _score, ...f }) => f);
}

// Does the section write a then b, at most one (stop) word apart? Without positions, both present.
function adjacent(s: LaterSection, a: string, b: string): boolean {
  if (!s.positions) return s.lexemes.includes(a) && s.lexemes.includes(b);
  const pa = s.positions[a],
    pb = s.positions[b];
  if (!pa || !pb) return false;
  const after = new Set(pb);
  return pa.some((p) => after.has(p + 1) || after.has(p + 2));
}
