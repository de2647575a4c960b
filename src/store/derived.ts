import type { Db } from "./db.js";
import type { StakeholderGroup } from "../resolve/stakeholders.js";
import type { Definition } from "../resolve/glossary.js";
import { rebuildPeople } from "./people.js";
import { rebuildGlossary } from "./glossary.js";

/** What rebuilding the derived tables takes from the user's config: the stakeholder rules and glossary. */
export interface Derivation {
  classify?: ((affiliation: string | null) => StakeholderGroup | null) | undefined;
  glossary?: Definition[] | undefined;
}

/** Whether a save happened since derived data was last rebuilt (see migration 007). */
export async function derivedStale(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ stale: boolean }>(
    `SELECT source_version > derived_version AS stale FROM derived_state WHERE id = 1`,
  );
  return rows[0]?.stale ?? true;
}

/**
 * Rebuilds what is derived from all meetings at once — people across meetings, the
 * glossary, the search index's word counts, and the planner's statistics (which let it tell common words from rare ones
 * in searches) — and records which saves it covered. One process at a time rebuilds; a
 * process that waited finds the work done and returns at once, unless `force`.
 */
export async function refreshDerived(
  db: Db,
  derive: Derivation,
  opts: { replaced?: "some" | "all"; force?: boolean } = {},
): Promise<boolean> {
  return db.exclusive("derived", async () => {
    const { rows } = await db.query<{ source: number; derived: number }>(
      `SELECT source_version AS source, derived_version AS derived FROM derived_state WHERE id = 1`,
    );
    const covered = Number(rows[0]!.source);
    if (!opts.force && covered <= Number(rows[0]!.derived)) return false;
    await rebuildPeople(db, derive.classify);
    await rebuildGlossary(db, derive.glossary);
    // the search index's word and collection counts (see migration 010)
    await db.query(`SELECT refresh_search_stats()`);
    // Rebuilt tables (and replaced meetings) leave dead rows behind, and the embedded
    // server has no autovacuum: without this a store would grow with every ingest. When
    // every meeting was replaced (reextract) the files are rewritten to give the space
    // back (measured: 8 s for 10,000 reports, 503 MB back to 274 MB; on a server this
    // locks the tables meanwhile, fine for a maintenance command).
    if (opts.replaced === "all") await db.query("VACUUM (FULL, ANALYZE)");
    else if (opts.replaced === "some") await db.query("VACUUM (ANALYZE)");
    else {
      await db.query(
        "VACUUM (ANALYZE) people, aliases, person_meetings, organisations, glossary, postings, search_terms",
      );
      // New index entries wait in a pending list that every search reads through until it
      // is merged (VACUUM does it in the other branches): 7 ms of a rare word's search
      // after a 10,000-report ingest, 0.4 s to merge.
      await db.query(
        "SELECT gin_clean_pending_list('sections_tsv'::regclass), gin_clean_pending_list('sections_head'::regclass)",
      );
      await db.query("ANALYZE");
    }
    await db.query(
      `UPDATE derived_state SET derived_version = greatest(derived_version, $1) WHERE id = 1`,
      [covered],
    );
    return true;
  });
}
