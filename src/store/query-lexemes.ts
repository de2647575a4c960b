/** The words a query looks for (not those it excludes): 'budget', and 'draft' for 'draft':*. */
export function queryLexemes(q: string): { exact: Set<string>; prefixes: string[] } {
  const exact = new Set<string>(),
    prefixes: string[] = [];
  for (const m of q.matchAll(/(!?)'((?:[^']|'')+)'(:\*)?/g)) {
    if (m[1]) continue;
    const lex = m[2]!.replace(/''/g, "'");
    if (m[3]) prefixes.push(lex);
    else exact.add(lex);
  }
  return { exact, prefixes };
}
