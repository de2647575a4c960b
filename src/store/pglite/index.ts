import { PGlite } from "@electric-sql/pglite";
import type { Db, Queryable } from "../db.js";

/** The embedded driver: PostgreSQL compiled to WebAssembly, data in a folder (or memory). */
export async function openPglite(dataDir: string | undefined, snapshot?: Blob): Promise<Db & { dump(): Promise<Blob> }> {
  const pg = new PGlite({ ...(dataDir ? { dataDir } : {}), ...(snapshot ? { loadDataDir: snapshot } : {}) });
  await pg.waitReady;
  const wrap = (q: { query: PGlite["query"] }): Queryable => ({
    query: async <T,>(sql: string, params?: unknown[]) => ({ rows: (await q.query<T>(sql, params as unknown[])).rows }),
  });
  return {
    driver: "pglite",
    query: wrap(pg).query,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
    dump: async () => (await pg.dumpDataDir("none")) as Blob,
  };
}
