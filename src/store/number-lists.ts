/**
 * Numbers sent back as one PostgreSQL array's text (`{3,1.5,2}`) rather than one row each:
 * the embedded driver spends several microseconds per row it returns (measured: 4,312
 * postings in 12–28 ms as rows, 2–5 ms as two arrays' text), the server about one.
 * Only for int and real arrays, whose elements are never quoted or NULL. Read as JSON,
 * which V8 parses without a string per element (4× faster than splitting, and less garbage).
 */
export function numbersOf(text: string | null | undefined): number[] {
  if (!text || text === "{}") return [];
  return JSON.parse(`[${text.slice(1, -1)}]`) as number[];
}
