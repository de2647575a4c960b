import { execFile } from "node:child_process";
import { existsSync, readdirSync, renameSync, rmdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import type { Db, Queryable } from "../db.js";
import { RapporteurError } from "../../model/errors.js";

// The embedded server's buffer cache lives in this process's memory and is touched in
// full at start: 128 MB by default. A small one is enough, since the operating system
// caches the data files anyway (measured: the same ingest and search times at 16 MB,
// about 110 MB less resident memory).
// An embedded store keeps little WAL: by default 80 MB of segments stay on disk.
export const PGLITE_SETTINGS = ["-c", "shared_buffers=16MB", "-c", "min_wal_size=32MB", "-c", "max_wal_size=32MB"];

/**
 * Creates a new data folder in a child process (see create-data-dir.mjs for why). It is
 * made beside its place and moved in when complete, so a creation cut short (killed, disk
 * full) leaves no half-made store that the next run would take for a real one.
 */
async function createDataDir(dataDir: string): Promise<void> {
  const script = new URL("./create-data-dir.mjs", import.meta.url);
  const fresh = !existsSync(dataDir) || (statSync(dataDir).isDirectory() && readdirSync(dataDir).length === 0);
  const target = fresh ? `${dataDir.replace(/\/+$/, "")}.creating-${process.pid}` : dataDir;
  try {
    await promisify(execFile)(process.execPath, [script.pathname, target, ...PGLITE_SETTINGS], { maxBuffer: 1 << 20 });
  } catch (e) {
    if (fresh) try { rmSync(target, { recursive: true, force: true }); } catch { /* nothing was made */ }
    const out = String((e as { stderr?: string }).stderr || (e as Error).message);
    const detail = (/^\w*Error: (.+)$/m.exec(out)?.[1] ?? out.trim().split("\n")[0]!).split(target).join(dataDir);
    throw new RapporteurError("store-unavailable", `cannot create the data folder ${dataDir} (${detail}); check that its parent folder exists and is writable, or use --data DIR for another folder`);
  }
  if (fresh) {
    if (existsSync(dataDir)) rmdirSync(dataDir);
    renameSync(target, dataDir);
  }
}

/** The embedded driver: PostgreSQL compiled to WebAssembly, data in a folder (or memory). */
export async function openPglite(dataDir: string | undefined, snapshot?: Blob): Promise<Db & { dump(): Promise<Blob> }> {
  if (dataDir && !snapshot && !existsSync(join(dataDir, "PG_VERSION"))) await createDataDir(dataDir);
  const pg = new PGlite({ ...(dataDir ? { dataDir } : {}), ...(snapshot ? { loadDataDir: snapshot } : {}), startParams: [...PGlite.defaultStartParams, ...PGLITE_SETTINGS] });
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
