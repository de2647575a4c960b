import type { Stemmer } from "./tsvector.js";

/** The query's words as a snippet marks them: stems, and prefixes. */
export interface Wanted {
  exact: Set<string>;
  prefixes: string[];
}

/**
 * A text's words as offsets (no string per word: a search cuts twenty sections' snippets,
 * and strings per word were half of what a search allocated), and the words that could be
 * hits with their cores (lower case, without the punctuation around them).
 */
export interface SnippetWords {
  text: string;
  /** How many words. */
  n: number;
  /** Where every fourth word starts (word 4j at `quarters[j]`): a passage starts at one. */
  quarters: number[];
  /** Indexes of the words that could be hits (ascending), and their cores. */
  maybe: number[];
  cores: string[];
}

// Passages start at every STRIDE-th word.
const STRIDE = 4;

// Words are separated by white space (as `\s` means it) and by Markdown's * _ # |.
function isSeparator(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 127) return c === 42 || c === 95 || c === 35 || c === 124;
  return (
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

// a word's letters and digits, lower case, without the punctuation around it
const core = (w: string) => w.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "");

// Whether a word could be a hit: an English stem keeps the start of its word but may
// rewrite up to three letters of its end ("policies" → "polici"), so a word that does not
// start like a query word cannot stem to it.
const startOf = (x: string) => x.slice(0, Math.max(1, x.length - 3));
function mayHit(word: string, wanted: Wanted): boolean {
  for (const x of wanted.exact) if (word.startsWith(startOf(x))) return true;
  return wanted.prefixes.some((p) => word.startsWith(p));
}

/** The words of `text`, and those that could be hits for `wanted`. */
export function snippetWords(text: string, wanted: Wanted): SnippetWords {
  const keys = [...wanted.exact]
    .map(startOf)
    .concat(wanted.prefixes)
    .map((x) => x.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  // one test at each word's start (punctuation, then the start of a query word) rules
  // most words out; `mayHit` then decides on the word itself
  const at = keys.length ? new RegExp(`[^\\p{L}\\p{N}\\s*_#|]*(?:${keys.join("|")})`, "uy") : null;
  const lower = text.toLowerCase();
  // lower-casing that changes the length (rare letters) is tested word by word
  const aligned = lower.length === text.length;
  const out: SnippetWords = { text, n: 0, quarters: [], maybe: [], cores: [] };
  for (let i = 0; i < text.length;) {
    if (isSeparator(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let e = i + 1;
    while (e < text.length && !isSeparator(text.charCodeAt(e))) e++;
    if (at) {
      let word: string | null = null;
      if (aligned) {
        at.lastIndex = i;
        if (at.test(lower)) word = lower.slice(i, e);
      } else {
        const w = text.slice(i, e).toLowerCase();
        at.lastIndex = 0;
        if (at.test(w)) word = w;
      }
      const c = word === null ? "" : core(word);
      if (c && mayHit(c, wanted)) {
        out.maybe.push(out.n);
        out.cores.push(c);
      }
    }
    if (out.n % STRIDE === 0) out.quarters.push(i);
    out.n++;
    i = e;
  }
  return out;
}

/** The passage of `size` words with most hits, hits marked «so», from `snippetWords`. */
export function cutSnippet(stemmer: Stemmer, w: SnippetWords, wanted: Wanted, size = 32): string {
  const { n } = w;
  // the hits' word indexes, ascending
  const hits: number[] = [];
  w.maybe.forEach((k, j) => {
    const c = w.cores[j]!;
    const stem = stemmer.stem(c) ?? c;
    if (
      wanted.exact.has(stem) ||
      wanted.exact.has(c) ||
      wanted.prefixes.some((p) => c.startsWith(p))
    )
      hits.push(k);
  });
  // the first passage (at every STRIDE-th word) with most hits: hits in [i, i + size)
  let best = 0,
    bestScore = -1;
  for (let i = 0, lo = 0, hi = 0; i < Math.max(1, n - size + 1); i += STRIDE) {
    while (lo < hits.length && hits[lo]! < i) lo++;
    if (hi < lo) hi = lo;
    while (hi < hits.length && hits[hi]! < i + size) hi++;
    if (hi - lo > bestScore) {
      bestScore = hi - lo;
      best = i;
    }
  }
  const out: string[] = [];
  const text = w.text;
  let at = w.quarters[best / STRIDE] ?? text.length;
  let h = 0;
  for (let k = best; k < Math.min(n, best + size); k++) {
    while (isSeparator(text.charCodeAt(at))) at++;
    let e = at + 1;
    while (e < text.length && !isSeparator(text.charCodeAt(e))) e++;
    const word = text.slice(at, e);
    while (h < hits.length && hits[h]! < k) h++;
    out.push(hits[h] === k ? `«${word}»` : word);
    at = e;
  }
  return `${best > 0 ? "… " : ""}${out.join(" ").replace(/»(\s+)«/g, "$1")}${best + size < n ? " …" : ""}`;
}

/**
 * A snippet cut around the passage with most hits, hits marked «so». Made here rather
 * than by ts_headline: it costs a fraction, and reads the same on every server version.
 */
export function snippet(stemmer: Stemmer, text: string, wanted: Wanted, size = 32): string {
  return cutSnippet(stemmer, snippetWords(text, wanted), wanted, size);
}
