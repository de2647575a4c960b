import { Worker } from "node:worker_threads";
import { embeddedDb, type PgliteDb } from "./embedded-db.js";
import type { StoreLock } from "./lock.js";

const HOST = new URL("./thread-host.mjs", import.meta.url);

/** An error from the thread, as the server raised it (its fields, such as `code`, kept). */
function revive(e: Record<string, unknown>): Error {
  return Object.assign(new Error(String(e.message)), e);
}

/** The embedded server running in a worker thread (thread-host.mjs), one message per call. */
export interface ServerThread {
  query<T>(sql: string, params: unknown[] | undefined, tx?: number): Promise<T[]>;
  /** Begins a transaction; its statements pass its id; `end` commits or rolls it back. */
  begin(): Promise<number>;
  end(tx: number, commit: boolean): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts the embedded server on `dataDir` in a worker thread. Statements of one caller run
 * in order; PGlite's own lock keeps a transaction's statements from interleaving with others.
 */
export async function startServerThread(
  dataDir: string,
  settings: string[],
): Promise<ServerThread> {
  const worker = new Worker(HOST, { workerData: { dataDir, settings } });
  const waiting = new Map<number, { ok: (rows: unknown[]) => void; fail: (e: Error) => void }>();
  let next = 1;
  let gone: Error | null = null;
  await new Promise<void>((resolve, reject) => {
    worker.once("message", (m: { ready: boolean; error?: Record<string, unknown> }) =>
      m.ready ? resolve() : reject(revive(m.error ?? { message: "the server did not start" })),
    );
    worker.once("error", reject);
  });
  worker.on("message", (m: { id: number; rows?: unknown[]; error?: Record<string, unknown> }) => {
    const w = waiting.get(m.id);
    if (!w) return;
    waiting.delete(m.id);
    if (m.error) w.fail(revive(m.error));
    else w.ok(m.rows ?? []);
  });
  const stop = (e: Error) => {
    gone = e;
    for (const w of waiting.values()) w.fail(e);
    waiting.clear();
  };
  worker.on("error", stop);
  worker.on("exit", () => stop(gone ?? new Error("the embedded server's thread has stopped")));
  const ask = <T>(m: Record<string, unknown>): Promise<T[]> =>
    new Promise<T[]>((ok, fail) => {
      if (gone) return fail(gone);
      const id = next++;
      waiting.set(id, { ok: ok as (rows: unknown[]) => void, fail });
      worker.postMessage({ ...m, id });
    });
  let txs = 0;
  return {
    query: <T>(sql: string, params: unknown[] | undefined, tx?: number) =>
      ask<T>({ op: "query", sql, params, tx }),
    async begin() {
      const tx = ++txs;
      await ask({ op: "begin", tx });
      return tx;
    },
    async end(tx, commit) {
      await ask({ op: "end", tx, commit });
    },
    async close() {
      if (gone) return;
      await ask({ op: "close" });
      await worker.terminate();
    },
  };
}

/** The embedded driver with its server in a worker thread; transactions held open there. */
export async function threadedDb(
  dataDir: string,
  lock: StoreLock | null,
  settings: string[],
): Promise<PgliteDb> {
  const thread = await startServerThread(dataDir, settings);
  return embeddedDb(
    {
      run: (sql, params) => thread.query(sql, params),
      async transaction(fn) {
        const tx = await thread.begin();
        let result;
        try {
          result = await fn((sql, params) => thread.query(sql, params, tx));
        } catch (e) {
          await thread.end(tx, false).catch(() => undefined);
          throw e;
        }
        await thread.end(tx, true);
        return result;
      },
      close: () => thread.close(),
    },
    dataDir,
    dataDir,
    lock,
  );
}
