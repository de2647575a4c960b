/** Small text helpers shared by the passes. Pure, no state. */

/** Removes Markdown emphasis, heading marks and link syntax, keeping the visible text. */
export function stripMarkdown(s: string): string {
  // zero-width characters are invisible formatting left by word processors
  if (/[\u200B-\u200D\uFEFF]/.test(s)) s = s.replace(/[\u200B-\u200D\uFEFF]/g, "");
  // most lines carry no Markdown at all: only fold their white space
  if (!/[*_#[<\\]/.test(s)) return s.replace(FOLD, " ").trim();
  return s
    .replace(/^\s{0,3}#{1,6}\s+/, "")
    .replace(/!?\[([^\]]*)\]\(([^)\s]*)\)(\{[^}]*\})?/g, "$1")
    .replace(/<((?:https?|ftp|mailto):[^>\s]+)>/gi, "$1")
    .replace(/(\*\*|__)/g, "")
    .replace(/(^|[\s(])[*_](?=\S)([^*_]+?)[*_](?=[\s.,;:!?)]|$)/g, "$1$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!:|<>])/g, "$1")
    .replace(FOLD, " ")
    .trim();
}

// A run of spaces, tabs and no-break spaces other than one plain space (which stays as it
// is: a line without such runs is returned as it came, not copied).
const FOLD = /[\t\u00a0][ \t\u00a0]*| [ \t\u00a0]+/g;

/** Lower-case, accent-free, punctuation-free form used to compare names and titles. */
export function norm(s: string | null | undefined): string {
  if (!s) return "";
  // names and titles are normalised again and again: remember short ones
  if (s.length > 120) return normalize(s);
  let hit = normCache.get(s);
  if (hit === undefined) {
    if (normCache.size > 20_000) normCache.clear();
    normCache.set(s, (hit = normalize(s)));
  }
  return hit;
}
const normCache = new Map<string, string>();

function normalize(s: string): string {
  return s
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[’']/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

const STOP = new Set(
  "a an and the of on in for to from with by at as is are was were be this that these those its it".split(
    " ",
  ),
);

/** Content words of a title, for matching sections to agenda items. */
export function contentTokens(s: string): string[] {
  let hit = tokenCache.get(s);
  if (!hit) {
    if (tokenCache.size > 10_000) tokenCache.clear();
    tokenCache.set(
      s,
      (hit = norm(s)
        .split(" ")
        .filter((t) => t && !STOP.has(t))),
    );
  }
  return hit;
}
// Agenda titles are compared with every heading: their tokens are computed once.
const tokenCache = new Map<string, string[]>();

/** Similarity of two titles: Jaccard, or containment of the shorter in the longer. */
export function titleSimilarity(a: string, b: string): number {
  const A = new Set(contentTokens(a)),
    B = new Set(contentTokens(b));
  if (!A.size || !B.size) return 0;
  let inter = 0;
  for (const t of A) if (B.has(t)) inter++;
  const jaccard = inter / (A.size + B.size - inter);
  const containment = inter / Math.min(A.size, B.size);
  return Math.max(jaccard, containment * (Math.min(A.size, B.size) >= 2 ? 0.9 : 0.7));
}

/** Initials of a phrase ("Any other business" -> "aob"), for acronym headings. */
export function initials(s: string): string {
  return norm(s)
    .split(" ")
    .filter(Boolean)
    .map((w) => w[0])
    .join("");
}

// Abbreviations after which a period does not end a sentence.
const ABBREV =
  /(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|No|Nos|Vol|vs|etc|e\.g|i\.e|cf|approx|Amb|Hon|Rev|Gen|Sen|Rep|Inc|Ltd|Co|Corp|Dept|Univ|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|p\.m|a\.m)|\b[A-Z]|\b[A-Z]\.[A-Z])\.$/;

/** Splits a paragraph into sentences, keeping end punctuation; offsets index into `text`. */
export function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  let start = 0;
  const re = /[.!?]+["”’)]*(?=\s+["“(]?[\p{Lu}\d])/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    const end = m.index + m[0].length;
    const candidate = text.slice(start, end);
    if (m[0] === "." && ABBREV.test(candidate)) continue;
    if (candidate.trim())
      out.push({
        text: candidate.trim(),
        start: start + (candidate.length - candidate.trimStart().length),
      });
    start = end;
  }
  const rest = text.slice(start);
  if (rest.trim())
    out.push({ text: rest.trim(), start: start + (rest.length - rest.trimStart().length) });
  return out;
}

/** Upper-case first letter. */
export const capitalize = (s: string) => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

/** Which line (0-based) of a multi-line text the character at `pos` stands on. */
export function lineIndexAt(text: string, pos: number): number {
  let at = 0;
  const lines = text.split("\n");
  for (const [k, l] of lines.entries()) {
    at += l.length + 1;
    if (pos < at) return k;
  }
  return lines.length - 1;
}
