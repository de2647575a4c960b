import type { Db } from "./db.js";

const BATCH = 2000;

/**
 * Indexes, once, the sections stored before the search index existed (migration 010),
 * in batches of a few thousand, each in its own transaction and reported as it goes; a
 * run stopped half-way goes on where it stopped. One process at a time.
 */
export async function backfillSearchIndex(
  db: Db,
  report: (msg: string) => void = () => undefined,
): Promise<number> {
  const state = async () =>
    (
      await db.query<{ done: number; to: number }>(
        `SELECT backfill_done AS done, backfill_to AS "to" FROM search_stats WHERE id = 1`,
      )
    ).rows[0];
  const first = await state();
  if (!first || first.done >= first.to) return 0;
  return db.exclusive("search-index", async () => {
    const { rows } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM sections, search_stats st
       WHERE st.id = 1 AND sections.id > st.backfill_done AND sections.id <= st.backfill_to`,
    );
    const total = rows[0]?.n ?? 0;
    let indexed = 0;
    for (;;) {
      const s = await state();
      if (!s || s.done >= s.to) break;
      const step = await db.transaction(async (tx) => {
        const batch = await tx.query<{ ids: number[] | null; last: number | null }>(
          `SELECT array_agg(id) AS ids, max(id) AS last FROM
             (SELECT id FROM sections WHERE id > $1 AND id <= $2 ORDER BY id LIMIT ${BATCH}) b`,
          [s.done, s.to],
        );
        const ids = batch.rows[0]?.ids ?? [];
        if (ids.length) await tx.query(`SELECT index_sections($1::int[])`, [ids]);
        await tx.query(`UPDATE search_stats SET backfill_done = $1 WHERE id = 1`, [
          batch.rows[0]?.last ?? s.to,
        ]);
        return ids.length;
      });
      indexed += step;
      if (total > BATCH) report(`search index: ${indexed} of ${total} sections`);
    }
    // the words' document frequencies, now that every section is counted; then the planner's
    // statistics and the visibility map of the rebuilt tables (the embedded server has no
    // autovacuum: without them the first read of a word's whole list took 1.4 s instead of
    // 0.4 s, measured on 10,000 reports after migration 019)
    if (indexed) {
      await db.query(`SELECT refresh_search_stats()`);
      await db.query(`VACUUM (ANALYZE) postings, search_terms`);
    }
    return indexed;
  });
}
