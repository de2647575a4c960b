import pg from "pg";
import type { Db, Queryable } from "../db.js";
import { diskFull, isDiskFullError } from "../disk-full.js";
import { serialised } from "../serialised.js";

// Dates stay strings: both drivers then return the same values for the same rows.
pg.types.setTypeParser(pg.types.builtins.TIMESTAMPTZ, (v) => new Date(v));
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

const SERVER = "the database server's disk";

/** The server driver: a pool of connections to PostgreSQL (DATABASE_URL). */
export async function openPg(url: string): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: 4 });
  // An idle connection the server closes (restart, admin command) is replaced on next use;
  // without a listener its error would end the process.
  pool.on("error", () => undefined);
  await pool.query("SELECT 1");
  const wrap = (c: { query: pg.Pool["query"] }): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => {
      try {
        return { rows: (await c.query(sql, params)).rows as T[] };
      } catch (e) {
        if (isDiskFullError(e)) throw diskFull(SERVER);
        throw e;
      }
    },
  });
  const local = serialised();
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
        throw isDiskFullError(e) ? diskFull(SERVER) : e;
      } finally {
        client.release();
      }
    },
    // Other processes may share the server: a session advisory lock, held on a
    // connection of its own while `fn` works through the pool.
    exclusive: (key, fn) =>
      local(async () => {
        const client = await pool.connect();
        try {
          await client.query("SELECT pg_advisory_lock($1)", [lockNumber(key)]);
          try {
            return await fn();
          } finally {
            await client
              .query("SELECT pg_advisory_unlock($1)", [lockNumber(key)])
              .catch(() => undefined);
          }
        } finally {
          client.release();
        }
      }),
    close: () => pool.end(),
  };
}

// A stable 32-bit number per name (advisory locks are keyed by numbers).
function lockNumber(key: string): number {
  let h = 74_201_102;
  for (const c of key) h = (Math.imul(h, 31) + c.charCodeAt(0)) | 0;
  return h;
}
