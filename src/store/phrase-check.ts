import type { Queryable } from "./db.js";
import type { Candidate, CheckContext } from "./candidate-checks.js";
import type { PostingSource } from "./posting-source.js";
import type { Terms } from "./query-terms.js";
import type { RankRequest } from "./top-k.js";
import { indexIn } from "./section-order.js";
import { matches, type PhraseNode, type TsNode } from "./tsquery-ast.js";

// A phrase decided from its words' stored positions rather than the section's text.

/**
 * The words of a phrase whose order its words' positions decide: a chain of plain words
 * (what `phraseto_tsquery` and quotes give), each at its distance after the one before.
 * Null for other phrases (a prefix, a weight, a nested operator): the text decides those.
 */
export function chainOf(p: PhraseNode): { lexeme: string; prefix: false }[] | null {
  const words: { lexeme: string; prefix: false }[] = [];
  for (const a of p.args) {
    if (a.op !== "word" || a.prefix || a.weights) return null;
    words.push({ lexeme: a.lexeme, prefix: false });
  }
  return words;
}

/**
 * Whether a chain of words (`chainOf`) stands in a text whose words are at these positions
 * (`at(i)`: the i-th word's, ascending, as the stored tsvector has them): some position of
 * the first word with each next word exactly its distance further on, the rule PostgreSQL
 * applies to the same positions. Null when a word has no positions to tell.
 */
export function chainAt(
  dist: readonly number[],
  at: (i: number) => ArrayLike<number> | null,
): boolean | null {
  const lists: ArrayLike<number>[] = [];
  for (let i = 0; i <= dist.length; i++) {
    const l = at(i);
    if (!l || !l.length) return null;
    lists.push(l);
  }
  const first = lists[0]!;
  for (let j = 0; j < first.length; j++) {
    let pos = first[j]!;
    let ok = true;
    for (let i = 1; ok && i < lists.length; i++) {
      pos += dist[i - 1]!;
      ok = indexIn(lists[i]!, pos) >= 0;
    }
    if (ok) return true;
  }
  return false;
}

/**
 * How a query's candidates are checked (candidate-checks.ts): a phrase of plain words is
 * told from its words' positions (migration 019), read for the candidates that have all of
 * them; what positions cannot tell is left to the section's text.
 */
export function checkContext(
  db: Queryable,
  src: PostingSource,
  r: RankRequest,
  t: Terms,
  tree: TsNode,
): CheckContext {
  // each phrase's words as places in `t.all`, or null when positions cannot tell
  const chains = new Map<PhraseNode, number[] | null>();
  const visit = (n: TsNode): void => {
    if (n.op === "phrase") {
      const words = chainOf(n);
      const ks = words?.map((w) => t.all.findIndex((x) => x.id === t.idsOf(w)[0]));
      chains.set(n, ks && ks.every((k) => k >= 0) ? ks : null);
    }
    if (n.op === "not") visit(n.arg);
    else if (n.op !== "word") n.args.forEach(visit);
  };
  visit(tree);
  const places = [...new Set([...chains.values()].flatMap((ks) => ks ?? []))];
  if (!places.length) return { db, src, r };
  const decide = async (cands: Candidate[]) => {
    const unsure = cands.filter((c) => c.state === null && c.words);
    const pairs: [number, number][] = [];
    for (const c of unsure)
      for (const k of places) if (c.words![c.at! + k]) pairs.push([c.id, t.all[k]!.id]);
    const pos = await src.positions(pairs);
    for (const c of unsure) {
      const words = c.words!,
        at = c.at!;
      const has = (k: number) => words[at + k] === 1;
      const phrase = (p: PhraseNode) => {
        const ks = chains.get(p);
        return ks ? chainAt(p.dist, (i) => pos.get(c.id, t.all[ks[i]!]!.id)) : null;
      };
      c.state = matches(tree, (w) => t.has(w, has), phrase);
      if (c.state !== null) c.words = undefined;
    }
  };
  return { db, src, r, decide };
}
