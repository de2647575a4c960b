import { PGlite } from "@electric-sql/pglite";
import type { Db, Queryable } from "../db.js";

/** The embedded driver: PostgreSQL compiled to WebAssembly, data in a folder (or memory). */
export async function openPglite(dataDir: string | undefined, snapshot?: Blob): Promise<Db & { dump(): Promise<Blob> }> {
  const pg = new PGlite({ ...(dataDir ? { dataDir } : {}), ...(snapshot ? { loadDataDir: snapshot } : {}) });
  await pg.waitReady;
  if (dataDir) {
    // An embedded store keeps little WAL: the default keeps 80 MB of segments on disk.
    const { rows } = await pg.query<{ s: string }>(`SELECT current_setting('min_wal_size') AS s`);
    const max = await pg.query<{ s: string }>(`SELECT current_setting('max_wal_size') AS s`);
    if (rows[0]?.s !== "32MB" || max.rows[0]?.s !== "32MB") {
      await pg.query(`ALTER SYSTEM SET min_wal_size = '32MB'`);
      // (segments are recycled up to max_wal_size, so that bounds the WAL kept on disk)
      await pg.query(`ALTER SYSTEM SET max_wal_size = '32MB'`);
      await pg.query(`SELECT pg_reload_conf()`);
    }
  }
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
