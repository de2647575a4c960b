import type { Queryable } from "./db.js";

/** Stems words the store's way: one stem per word, null for a stop word. */
export type Lexize = (words: string[]) => Promise<(string | null)[]>;

/** Stems with the store's english dictionary (what websearch_to_tsquery('english') uses). */
export function lexizeIn(db: Queryable): Lexize {
  return async (words) => {
    const { rows } = await db.query<{ l: string[] | null }>(
      `SELECT ts_lexize('english_stem', w) AS l FROM unnest($1::text[]) WITH ORDINALITY AS t(w, i) ORDER BY i`,
      [words],
    );
    return rows.map((r) => (r.l && r.l.length ? r.l[0]! : null));
  };
}

/**
 * Builds tsvector values in JavaScript with the server's own stems. Computing
 * to_tsvector('english', …) inside embedded PostgreSQL costs close to a microsecond per
 * character; instead each distinct word is stemmed once by the server (ts_lexize with
 * the english dictionary, so queries made with websearch_to_tsquery('english') match
 * exactly) and remembered, and the vector is sent as a literal.
 */
export class Stemmer {
  private cache = new Map<string, string | null>();

  /**
   * Makes sure every word of `texts` has its stem cached: one call for the new words, to
   * the store itself or to a `Lexize` that asks it (the extraction worker's way).
   */
  async learn(from: Queryable | Lexize, texts: (string | Tokens)[]): Promise<void> {
    const fresh = new Set<string>();
    for (const t of texts)
      for (const token of typeof t === "string" ? tokenize(t) : t)
        for (const w of token) if (!/[\d.]/.test(w) && !this.cache.has(w)) fresh.add(w);
    if (!fresh.size) return;
    const list = [...fresh];
    const stems = await (typeof from === "function" ? from : lexizeIn(from))(list);
    list.forEach((w, i) => this.cache.set(w, stems[i] ?? null));
  }

  /** The stem of a lower-case word; null for a stop word. Numbers stay as written. */
  stem(w: string): string | null {
    if (/[\d./]/.test(w)) return w;
    const s = this.cache.get(w);
    return s === undefined ? w : s;
  }

  /**
   * A tsvector literal for weighted parts, positions running on across parts as
   * `setweight(a) || setweight(b)` would give them.
   */
  vector(parts: { text: string | Tokens; weight: "A" | "B" | "C" | "D" }[]): string {
    const positions = new Map<string, string[]>();
    let pos = 0;
    for (const part of parts) {
      for (const token of typeof part.text === "string" ? tokenize(part.text) : part.text) {
        for (const w of token) {
          pos++;
          const lexeme = this.stem(w);
          if (!lexeme) continue;
          const list = positions.get(lexeme) ?? positions.set(lexeme, []).get(lexeme)!;
          if (list.length < 256)
            list.push(`${Math.min(pos, 16383)}${part.weight === "D" ? "" : part.weight}`);
        }
      }
    }
    return [...positions]
      .map(([l, ps]) => `'${l.replace(/\\/g, "\\\\").replace(/'/g, "''")}':${ps.join(",")}`)
      .join(" ");
  }
}

// Words as PostgreSQL's parser sees most of them: letters and digits, split at apostrophes;
// a hyphenated word gives the whole word, then each of its parts; a URL gives host+path,
// host and path; dotted words ("p.m.", "e.g.", "un.org") stay whole and unstemmed.
const TOKEN =
  /(?:https?|ftp):\/\/([^\s/<>"'()[\]]+)(\/[^\s<>"'()[\]]*)?|[\p{L}\p{N}]+(?:\.[\p{L}\p{N}]+)+|[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;

/** A text's words as the store indexes them (see above), computed once and reused. */
export type Tokens = string[][];

/** Splits a text into tokens; a token is a word, or a compound word and its parts. */
export function tokenize(text: string): Tokens {
  const out: Tokens = [];
  for (const m of text.toLowerCase().matchAll(TOKEN)) {
    const t = m[0];
    if (m[1]) {
      const path = (m[2] ?? "").replace(/[.,;:!?]+$/, "");
      out.push(path.length > 1 ? [m[1] + path, m[1], path] : [m[1]]);
    } else if (t.includes("-") && !t.includes(".")) {
      const parts = t.split("-");
      out.push(parts.every((p) => /\d/.test(p)) ? parts : [t, ...parts]);
    } else out.push([t]);
  }
  return out;
}

/** One stemmer per open store (the server's dictionary may differ between versions). */
const stemmers = new WeakMap<object, Stemmer>();
export function stemmerFor(db: object): Stemmer {
  let s = stemmers.get(db);
  if (!s) stemmers.set(db, (s = new Stemmer()));
  return s;
}
