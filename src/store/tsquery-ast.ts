/**
 * A tsquery's text (`'budget' & !'draft' | 'migrat':* <-> 'plan'`, as PostgreSQL prints it)
 * as a tree, so that the ranking can tell from a section's postings alone whether it
 * matches: every operator but the phrase one depends only on which words a section has.
 */
export type TsNode =
  | { op: "word"; lexeme: string; prefix: boolean; weights?: string }
  | { op: "not"; arg: TsNode }
  | { op: "and" | "or"; args: TsNode[] }
  | { op: "phrase"; args: TsNode[]; dist: number[] };

/** Parses PostgreSQL's text form of a tsquery; null for an empty one. */
export function parseTsquery(text: string): TsNode | null {
  const tokens = [...text.matchAll(/'((?:[^']|'')*)'(:[*A-D]+)?|<(?:\d+|-)>|[&|!()]/g)].map(
    (m) => m,
  );
  let at = 0;
  const peek = () => tokens[at]?.[0];
  const or = (): TsNode => {
    const args = [and()];
    while (peek() === "|") {
      at++;
      args.push(and());
    }
    return args.length === 1 ? args[0]! : { op: "or", args };
  };
  const and = (): TsNode => {
    const args = [phrase()];
    while (peek() === "&") {
      at++;
      args.push(phrase());
    }
    return args.length === 1 ? args[0]! : { op: "and", args };
  };
  const phrase = (): TsNode => {
    const args = [unary()];
    const dist: number[] = [];
    while (peek()?.startsWith("<")) {
      const d = tokens[at++]![0].slice(1, -1);
      dist.push(d === "-" ? 1 : Number(d));
      args.push(unary());
    }
    return args.length === 1 ? args[0]! : { op: "phrase", args, dist };
  };
  const unary = (): TsNode => {
    const t = tokens[at++];
    if (!t) throw new Error(`tsquery ends early: ${text}`);
    if (t[0] === "!") return { op: "not", arg: unary() };
    if (t[0] === "(") {
      const inner = or();
      if (peek() !== ")") throw new Error(`tsquery misses ")": ${text}`);
      at++;
      return inner;
    }
    if (t[1] === undefined) throw new Error(`tsquery has "${t[0]}" where a word belongs: ${text}`);
    const weights = t[2]?.replace(/[^A-D]/g, "");
    const lexeme = t[1].replace(/''/g, "'");
    const prefix = !!t[2]?.includes("*");
    return weights ? { op: "word", lexeme, prefix, weights } : { op: "word", lexeme, prefix };
  };
  if (!tokens.length) return null;
  const tree = or();
  if (at < tokens.length) throw new Error(`tsquery has more after its end: ${text}`);
  return tree;
}

/** A phrase node of the tree. */
export type PhraseNode = Extract<TsNode, { op: "phrase" }>;

/**
 * Whether a section with these words matches: true, false, or null when the postings
 * cannot tell (a phrase needs the words' positions; a prefix whose completions were not
 * all read). `has(word)` answers from the section's postings; `phrase`, when given, from
 * the words' positions for a phrase all of whose words the section has.
 */
export function matches(
  node: TsNode,
  has: (w: { lexeme: string; prefix: boolean }) => boolean | null,
  phrase?: (p: PhraseNode) => boolean | null,
): boolean | null {
  switch (node.op) {
    case "word":
      return has(node);
    case "not": {
      const v = matches(node.arg, has, phrase);
      return v === null ? null : !v;
    }
    case "and":
    case "or": {
      let unknown = false;
      for (const a of node.args) {
        const v = matches(a, has, phrase);
        if (v === null) unknown = true;
        else if (v === (node.op === "or")) return v;
      }
      return unknown ? null : node.op === "and";
    }
    case "phrase": {
      // every word of a phrase must be there; whether in order is for the positions to say
      let all = true;
      for (const a of node.args) {
        const v = matches(a, has);
        if (v === false) return false;
        if (v === null) all = false;
      }
      return all && phrase ? phrase(node) : null;
    }
  }
}

/** Every word the query names, excluded ones too. */
export function wordsOf(node: TsNode): { lexeme: string; prefix: boolean }[] {
  if (node.op === "word") return [node];
  if (node.op === "not") return wordsOf(node.arg);
  return node.args.flatMap(wordsOf);
}

/**
 * Sets of words one of which every match must have: for a word, itself; for an AND or a
 * phrase, the best of its parts' sets; for an OR, the union of every part's. Null when
 * some match may have none of the query's words (a query that is only an exclusion).
 * `cost` prices a set (the sections its words are in), so the cheapest is chosen.
 */
export function cover(
  node: TsNode,
  cost: (ws: readonly { lexeme: string; prefix: boolean }[]) => number,
): { lexeme: string; prefix: boolean }[] | null {
  switch (node.op) {
    case "word":
      return [node];
    case "not":
      return null;
    case "or": {
      const parts = node.args.map((a) => cover(a, cost));
      return parts.some((p) => p === null) ? null : parts.flatMap((p) => p!);
    }
    case "and":
    case "phrase": {
      const parts = node.args
        .map((a) => cover(a, cost))
        .filter((p): p is NonNullable<typeof p> => p !== null);
      if (!parts.length) return null;
      return parts.reduce((a, b) => (cost(b) < cost(a) ? b : a));
    }
  }
}

/** The words that count towards a match's score: those not under an exclusion. */
export function scoringWordsOf(node: TsNode): { lexeme: string; prefix: boolean }[] {
  if (node.op === "word") return [node];
  if (node.op === "not") return [];
  return node.args.flatMap(scoringWordsOf);
}
