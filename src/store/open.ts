import type { Db, StoreLocation } from "./db.js";
import { openPglite } from "./pglite/index.js";
import { openPg } from "./pg/index.js";
import { migrate } from "./migrate.js";
import { backfillSearchIndex } from "./search-index.js";

/** Opens the store where `loc` says and brings its schema (and, once, its search index) up to date. */
export async function openStore(loc: StoreLocation, report?: (msg: string) => void): Promise<Db> {
  const db = loc.databaseUrl
    ? await openPg(loc.databaseUrl)
    : await openPglite(loc.dataDir, undefined, loc.cacheMb, loc.threaded);
  try {
    await migrate(db, report);
    await backfillSearchIndex(db, report);
  } catch (e) {
    await db.close();
    throw e;
  }
  return db;
}
