import pg from "pg";
import type { Db, Queryable } from "../db.js";

// Dates stay strings: both drivers then return the same values for the same rows.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

/** The server driver: a pool of connections to PostgreSQL (DATABASE_URL). */
export async function openPg(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection the server closes (restart, admin command) is replaced on next use;
  // without a listener its error would end the process.
  pool.on("error", () => undefined);
  await pool.query("SELECT 1");
  const wrap = (c: { query: pg.Pool["query"] }): Queryable => ({
    query: async <T,>(sql: string, params?: unknown[]) => ({ rows: (await c.query(sql, params)).rows as T[] }),
  });
  return {
    driver: "pg",
    query: wrap(pool).query,
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const out = await fn(wrap(client));
        await client.query("COMMIT");
        return out;
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}
