/** An acronym and what it stands for, with where the corpus first defines it. */
export interface Definition {
  acronym: string;
  expansion: string;
  source?: string | null;
  /** Learned without parentheses (initials of a phrase of the same report): weaker evidence. */
  loose?: boolean;
}

const SMALL = new Set([
  "of",
  "on",
  "and",
  "the",
  "for",
  "in",
  "to",
  "a",
  "an",
  "&",
  "de",
  "la",
  "des",
  "du",
  "et",
]);

/**
 * Definitions written as "Open Data Steering Board (ODSB)": the words before the parentheses
 * whose initials (small words like "of", "on" may be skipped) spell the acronym.
 */
export function findDefinitions(text: string): Definition[] {
  const out: Definition[] = [];
  // Each "(ACRONYM)" first, then the words just before it: a pattern that started with the
  // words would try every position of the text against up to 200 characters.
  for (const m of text.matchAll(/\(([\p{Lu}][\p{Lu}\p{N}&+-]{1,9}s?)\)/gu)) {
    const before = text.slice(Math.max(0, m.index - 240), m.index).replace(/\s+$/, "");
    const run = /[\p{L}\p{N}'’&.,\- ]{3,200}$/u.exec(before)?.[0];
    if (!run) continue;
    const acronym = m[1]!;
    const letters = acronym
      .replace(/s$/, "")
      .replace(/[^\p{Lu}\p{N}]/gu, "")
      .toLowerCase();
    if (letters.length < 2) continue;
    const words = run.split(/\s+/).filter(Boolean);
    const expansion = matchInitials(words, letters);
    if (expansion) out.push({ acronym, expansion });
  }
  return [...out, ...looseDefinitions(text, new Set(out.map((d) => d.acronym)))];
}

/**
 * Acronyms a report uses beside their expansion without parentheses ("the Lantern Access
 * Panel" in one place, "LAP" in another): a capitalised phrase of the same report whose
 * initials spell the acronym, when exactly one phrase does.
 */
function looseDefinitions(text: string, known: ReadonlySet<string>): Definition[] {
  const acronyms = new Set(
    [...text.matchAll(/(?<![\p{L}\p{N}])([\p{Lu}]{2,6})(?![\p{L}\p{N}])/gu)].map((m) => m[1]!),
  );
  const phrases = new Set(
    [
      ...text.matchAll(
        /[\p{Lu}][\p{L}'’-]+(?:\s+(?:(?:of|on|and|the|for|in|to|&)\s+)?[\p{Lu}][\p{L}'’-]+){1,6}/gu,
      ),
    ].map((m) => m[0]),
  );
  const out: Definition[] = [];
  for (const acronym of acronyms) {
    if (known.has(acronym)) continue;
    const letters = acronym.toLowerCase();
    const hits = new Set<string>();
    for (const p of phrases) {
      const words = p.split(/\s+/);
      // the phrase, or its tail, spells the acronym ("At the Lantern Access Panel")
      for (let i = 0; i < words.length - 1; i++)
        if (!SMALL.has(words[i]!.toLowerCase()) && spells(words.slice(i), letters)) {
          hits.add(words.slice(i).join(" "));
          break;
        }
    }
    if (hits.size === 1) out.push({ acronym, expansion: [...hits][0]!, loose: true });
  }
  return out;
}

// The shortest tail of `words` whose initials spell `letters`, small words optional.
function matchInitials(words: string[], letters: string): string | null {
  for (
    let start = words.length - 1;
    start >= 0 && words.length - start <= letters.length + 4;
    start--
  ) {
    const tail = words.slice(start);
    if (SMALL.has(tail[0]!.toLowerCase())) continue;
    if (spells(tail, letters)) return tail.join(" ").replace(/[,.]+$/, "");
  }
  return null;
}

function spells(words: string[], letters: string): boolean {
  // dynamic matching: each significant word gives its first letter (hyphenated parts may give one each)
  const go = (w: number, l: number): boolean => {
    if (l === letters.length)
      return w === words.length || words.slice(w).every((x) => SMALL.has(x.toLowerCase()));
    if (w === words.length) return false;
    const word = words[w]!.replace(/^[^\p{L}\p{N}]+/u, "");
    const lower = word.toLowerCase();
    if (SMALL.has(lower) && go(w + 1, l)) return true;
    if (!word) return go(w + 1, l);
    if (lower[0] === letters[l] && go(w + 1, l + 1)) return true;
    const parts = lower.split("-").filter(Boolean);
    if (
      parts.length > 1 &&
      parts.every((p, i) => p[0] === letters[l + i]) &&
      go(w + 1, l + parts.length)
    )
      return true;
    return false;
  };
  return go(0, 0);
}

/** Merges definitions: user entries win, then the first meeting that defines each acronym. */
export function mergeGlossary(found: Definition[], user: Definition[]): Definition[] {
  const byAcronym = new Map<string, Definition>();
  for (const d of user) byAcronym.set(d.acronym.toUpperCase(), { ...d, source: d.source ?? null });
  for (const d of found)
    if (!byAcronym.has(d.acronym.toUpperCase())) byAcronym.set(d.acronym.toUpperCase(), d);
  return [...byAcronym.values()].sort((a, b) => a.acronym.localeCompare(b.acronym));
}
