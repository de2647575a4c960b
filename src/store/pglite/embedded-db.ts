import type { Db, Queryable } from "../db.js";
import { diskFull, isDiskFullError } from "../disk-full.js";
import { faultDiskFull } from "../fault.js";
import { serialised } from "../serialised.js";
import type { StoreLock } from "./lock.js";
import { spaceGuard } from "./space-guard.js";

/** Runs one statement, returning its rows. */
export type Run = <T>(sql: string, params: unknown[] | undefined) => Promise<T[]>;

/** What an embedded server gives the driver, in process or in a thread (thread.ts). */
export interface EmbeddedServer {
  run: Run;
  /** Runs `fn` in one transaction, its statements through the given `Run`. */
  transaction<T>(fn: (run: Run) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The embedded driver's handle: a Db, plus the lock of its folder. */
export type PgliteDb = Db & { lock: StoreLock | null };

/**
 * The embedded driver over a server: a full disk is one clear error naming `where` (checked
 * before writes when there is a folder), `exclusive` is an in-process queue (one process
 * holds a folder: the lock), and closing releases the lock.
 */
export function embeddedDb(
  server: EmbeddedServer,
  where: string,
  dataDir: string | undefined,
  lock: StoreLock | null,
): PgliteDb {
  const roomFor = dataDir ? spaceGuard(dataDir) : () => true;
  const wrap = (run: Run): Queryable => ({
    query: async <T>(sql: string, params?: unknown[]) => {
      try {
        faultDiskFull(sql);
        if (!roomFor(sql)) throw diskFull(where);
        return { rows: await run<T>(sql, params) };
      } catch (e) {
        if (isDiskFullError(e)) throw diskFull(where);
        throw e;
      }
    },
  });
  let closed = false;
  const queues = new Map<string, ReturnType<typeof serialised>>();
  return {
    driver: "pglite",
    lock,
    query: wrap(server.run).query,
    transaction: async (fn) => {
      try {
        return await server.transaction((run) => fn(wrap(run)));
      } catch (e) {
        throw isDiskFullError(e) ? diskFull(where) : e;
      }
    },
    exclusive: (key, fn) => {
      if (!queues.has(key)) queues.set(key, serialised());
      return queues.get(key)!(fn);
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await server.close();
      } finally {
        lock?.release();
      }
    },
  };
}
