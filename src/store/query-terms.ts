import type { Queryable } from "./db.js";

/** A word as a query names it: a lexeme, or a prefix standing for its completions. */
export interface Word {
  lexeme: string;
  prefix: boolean;
}

/** One indexed word the ranking reads: `k` is its place in `Terms.all`. */
export interface Term {
  k: number;
  id: number;
  lexeme: string;
  df: number;
  idf: number;
}

/** A query's words as the index knows them, and the score they give a section. */
export interface Terms {
  /** The store's version when the terms were read (a cache of lists is good for it). */
  version: string;
  /**
   * Whether the rows came from what a serving process kept for that version (`KeptTerms`)
   * rather than from a statement: the store may have moved on since, and the caller checks.
   */
  kept: boolean;
  /** Every term whose postings say whether a section matches, excluded words too. */
  all: Term[];
  /** The terms that score: the lists the threshold algorithm reads. */
  scoring: Term[];
  /** A section's score from its values (idf × tf, 0 when absent) in `all`'s order, from `at`. */
  score: (values: ArrayLike<number>, at?: number) => number;
  /** Whether the score is a plain sum (no best-of), so ties at the bound can be settled. */
  ties: boolean;
  /** How many postings stand for a word; Infinity when not all its completions are read. */
  cost: (w: Word) => number;
  /** The term ids standing for a word. */
  idsOf: (w: Word) => number[];
  /**
   * Whether a section has the word, given which terms it has (`present(k)`, by place in
   * `all`); null when the postings cannot tell.
   */
  has: (w: Word, present: (k: number) => boolean) => boolean | null;
}

// Prefix words ("migrat*") stand for their most frequent completions.
const PREFIX_TERMS = 32;

const key = (w: Word) => `${w.prefix ? "*" : "="}${w.lexeme}`;

/** A term as the terms' statement gives it: for an exact word, or a prefix's completion. */
export interface TermRow {
  id: number;
  lexeme: string;
  df: number;
  pre: string | null;
}

/** Rows of words a serving process keeps for one store version (posting-cache.ts). */
export interface KeptTerms {
  /** The rows of all these words (by key) and the collection's size, when all are kept. */
  termRows(
    keys: readonly string[],
  ): { version: string; n: string; rows: ReadonlyMap<string, TermRow[]> } | null;
  /** Keeps the rows of these words, read at `version` with the collection's size `n`. */
  keepTermRows(version: string, n: string, rows: ReadonlyMap<string, TermRow[]>): void;
}

/**
 * Looks up a query's words (`scoring` are those not excluded) with their inverse document
 * frequency. The score sums the scoring words; a prefix counts its best completion, and an
 * acronym and its expansion (`alternatives`, as lexemes) the better of the two sides.
 */
export async function termsOf(
  db: Queryable,
  words: readonly Word[],
  scoringWords: readonly Word[],
  alternatives: readonly (readonly [readonly string[], readonly string[]])[],
  kept?: KeptTerms,
): Promise<Terms> {
  const exact = [...new Set(words.filter((w) => !w.prefix).map((w) => w.lexeme))];
  const prefixes = [...new Set(words.filter((w) => w.prefix).map((w) => w.lexeme))];
  const keys = [
    ...exact.map((l) => key({ lexeme: l, prefix: false })),
    ...prefixes.map((p) => key({ lexeme: p, prefix: true })),
  ];
  const held = kept?.termRows(keys);
  const read = held ?? (await readTerms(db, keys, exact, prefixes));
  if (!held) kept?.keepTermRows(read.version, read.n, read.rows);
  const rows = keys.flatMap((k) => read.rows.get(k) ?? []);
  const all: Term[] = [];
  const byId = new Map<number, Term>();
  const of = new Map<string, Term[]>();
  const complete = new Set<string>(exact.map((l) => key({ lexeme: l, prefix: false })));
  for (const p of prefixes) {
    const found = read.rows.get(key({ lexeme: p, prefix: true }))?.length ?? 0;
    if (found <= PREFIX_TERMS) complete.add(key({ lexeme: p, prefix: true }));
  }
  for (const row of rows) {
    const w = { lexeme: row.pre ?? row.lexeme, prefix: row.pre !== null };
    const list = of.get(key(w)) ?? of.set(key(w), []).get(key(w))!;
    if (list.length >= PREFIX_TERMS) continue;
    let t = byId.get(row.id);
    if (!t) {
      const n = Number(read.n);
      const df = Math.max(row.df, 1);
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      t = { k: all.length, id: row.id, lexeme: row.lexeme, df: row.df, idf };
      all.push(t);
      byId.set(t.id, t);
    }
    list.push(t);
  }
  const termsFor = (w: Word) => of.get(key(w)) ?? [];
  // the score: single words summed, a prefix's best completion, an acronym's better side
  const scoringKeys = new Set(scoringWords.map(key));
  const inAlternative = new Set(alternatives.flatMap(([a, e]) => [...a, ...e]));
  const sides = alternatives.map(([a, e]) =>
    [a, e].map((side) =>
      side.flatMap((l) => termsFor({ lexeme: l, prefix: false }).map((t) => t.k)),
    ),
  );
  const free = exact
    .filter((l) => scoringKeys.has(key({ lexeme: l, prefix: false })) && !inAlternative.has(l))
    .flatMap((l) => termsFor({ lexeme: l, prefix: false }).map((t) => t.k));
  const groups = prefixes
    .filter((p) => scoringKeys.has(key({ lexeme: p, prefix: true })))
    .map((p) => termsFor({ lexeme: p, prefix: true }).map((t) => t.k));
  const scoringK = new Set([...free, ...groups.flat(), ...sides.flat(2)]);
  const score = (v: ArrayLike<number>, at = 0) => {
    let total = 0;
    for (const k of free) total += v[at + k]!;
    for (const g of groups) {
      let m = 0;
      for (const k of g) if (v[at + k]! > m) m = v[at + k]!;
      total += m;
    }
    for (const [a, e] of sides) {
      let x = 0,
        y = 0;
      for (const k of a!) x += v[at + k]!;
      for (const k of e!) y += v[at + k]!;
      total += Math.max(x, y);
    }
    return total;
  };
  // a word's terms and completeness, looked up once per word (the tree's nodes are reused)
  const seen = new WeakMap<Word, { ks: number[]; complete: boolean }>();
  const about = (w: Word) => {
    let a = seen.get(w);
    if (!a) seen.set(w, (a = { ks: termsFor(w).map((t) => t.k), complete: complete.has(key(w)) }));
    return a;
  };
  return {
    version: read.version,
    kept: !!held,
    all,
    scoring: all.filter((t) => scoringK.has(t.k)),
    score,
    ties: !sides.length && groups.every((g) => g.length <= 1),
    cost: (w) => (complete.has(key(w)) ? termsFor(w).reduce((a, t) => a + t.df, 0) : Infinity),
    idsOf: (w) => termsFor(w).map((t) => t.id),
    has: (w, present) => {
      const a = about(w);
      return a.ks.some(present) ? true : a.complete ? false : null;
    },
  };
}

// The words' rows from the store, by word key, with the collection's size and the version.
async function readTerms(
  db: Queryable,
  keys: readonly string[],
  exact: readonly string[],
  prefixes: readonly string[],
): Promise<{ version: string; n: string; rows: Map<string, TermRow[]> }> {
  const { rows: got } = await db.query<
    Omit<TermRow, "id"> & { id: number | null; n: string; v: string }
  >(
    // a function keeping its plan (migration 015)
    `SELECT id, lexeme, df, pre, n::text AS n, v FROM query_terms($1::text[], $2::text[], $3)`,
    [exact, prefixes, PREFIX_TERMS + 1],
  );
  const rows = new Map(keys.map((k) => [k, [] as TermRow[]]));
  // one row has the version even when no term is found: its id is null (migration 017)
  for (const r of got)
    if (r.id !== null)
      rows.get(key({ lexeme: r.pre ?? r.lexeme, prefix: r.pre !== null }))?.push({
        id: r.id,
        lexeme: r.lexeme,
        df: r.df,
        pre: r.pre,
      });
  return { version: got[0]!.v, n: got[0]!.n, rows };
}
