import { execFile } from "node:child_process";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { PGlite } from "@electric-sql/pglite";
import { RapporteurError, StoreInUseError } from "../../model/errors.js";
import { faultAfter } from "../fault.js";
import { acquireLock, isOwnLock, LOCK_FILE, type StoreLock } from "./lock.js";
import { diskFull } from "../disk-full.js";
import { threadedDb } from "./thread.js";
import { embeddedDb, type PgliteDb } from "./embedded-db.js";

// The embedded server's buffer cache lives in this process's memory and is touched in
// full at start: 128 MB by default. 16 MB is enough for a command, since the operating
// system caches the data files anyway (measured: the same ingest and search times, about
// 110 MB less resident memory); a loaded server wants more (see cli/serve.ts), because
// each page not in the cache costs a synchronous file read.
// An embedded store keeps little WAL: by default 80 MB of segments stay on disk.
/** The embedded server's settings, with a buffer cache of `cacheMb`. */
export const pgliteSettings = (cacheMb = 16): string[] => [
  "-c",
  `shared_buffers=${cacheMb}MB`,
  "-c",
  "min_wal_size=32MB",
  "-c",
  "max_wal_size=32MB",
  // A new WAL segment is not filled with zeros first: on a full disk that write never
  // returned in WebAssembly (seen on a full tmpfs); the real write then fails cleanly.
  "-c",
  "wal_init_zero=off",
];

/** The settings every command but `serve` runs with. */
export const PGLITE_SETTINGS = pgliteSettings();

/** Written before a new store is made and removed when it is complete. */
const CREATING = "rapporteur.creating";
/** Entries of a store folder that are ours, not PostgreSQL's. */
const OURS = new Set([LOCK_FILE, CREATING, "rapporteur.sock"]);

const cannotCreate = (dataDir: string, detail: string) =>
  new RapporteurError(
    "store-unavailable",
    `cannot create the data folder ${dataDir} (${detail}); check that its parent folder exists and is writable, or use --data DIR for another folder`,
  );

/**
 * Makes a new store in `dataDir`, which this process has locked. A creation cut short
 * (killed, disk full) leaves its marker behind, and the next run starts it again from an
 * empty folder rather than taking the half-made files for a store.
 */
async function createDataDir(dataDir: string): Promise<void> {
  const entries = readdirSync(dataDir).filter(
    (e) => !OURS.has(e) && !e.startsWith(`.${LOCK_FILE}`),
  );
  if (existsSync(join(dataDir, CREATING))) {
    for (const e of entries)
      rmSync(join(dataDir, e), { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
  } else if (entries.length) {
    throw new RapporteurError(
      "store-unavailable",
      `${dataDir} is not empty and holds no Rapporteur store; give an empty or new folder with --data DIR`,
    );
  }
  writeFileSync(join(dataDir, CREATING), "");
  // the store holds members-only meetings: only its owner may read it
  chmodSync(dataDir, 0o700);
  const script = new URL("./create-data-dir.mjs", import.meta.url);
  faultAfter("create");
  try {
    await promisify(execFile)(
      process.execPath,
      [script.pathname, String(process.pid), dataDir, ...PGLITE_SETTINGS],
      { maxBuffer: 1 << 20 },
    );
  } catch (e) {
    const out = String((e as { stderr?: string }).stderr || (e as Error).message);
    if (/ENOSPC|No space left/i.test(out)) throw diskFull(dataDir);
    throw cannotCreate(dataDir, /^\w*Error: (.+)$/m.exec(out)?.[1] ?? out.trim().split("\n")[0]!);
  }
  unlinkSync(join(dataDir, CREATING));
}

/** Takes the folder's lock (making the folder if needed), or says who holds it. */
function lockFolder(dataDir: string): StoreLock {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    throw err.code === "ENOSPC"
      ? diskFull(dataDir)
      : cannotCreate(dataDir, err.message.split(", ")[0]!);
  }
  let got;
  try {
    got = acquireLock(dataDir);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "ENOSPC") throw diskFull(dataDir);
    throw new RapporteurError(
      "store-unavailable",
      `cannot use the data folder ${dataDir} (${err.code ?? err.message}); check that it is writable, or use --data DIR for another folder`,
    );
  }
  if (!isOwnLock(got)) throw new StoreInUseError(dataDir, got);
  // a server killed while serving leaves its socket: nobody listens there now
  rmSync(join(dataDir, "rapporteur.sock"), { force: true });
  return got;
}

export type { PgliteDb };

/**
 * The embedded driver: PostgreSQL compiled to WebAssembly, data in a folder (or memory).
 * A folder is used by one process at a time: it is locked from before its creation until
 * `close`.
 */
export async function openPglite(
  dataDir: string | undefined,
  snapshot?: Blob,
  cacheMb?: number,
  threaded = false,
): Promise<PgliteDb> {
  const lock = dataDir ? lockFolder(dataDir) : null;
  let pg: PGlite;
  try {
    if (
      dataDir &&
      !snapshot &&
      (!existsSync(join(dataDir, "PG_VERSION")) || existsSync(join(dataDir, CREATING)))
    )
      await createDataDir(dataDir);
    if (threaded && dataDir) return await threadedDb(dataDir, lock, pgliteSettings(cacheMb));
    pg = new PGlite({
      ...(dataDir ? { dataDir } : {}),
      ...(snapshot ? { loadDataDir: snapshot } : {}),
      startParams: [...PGlite.defaultStartParams, ...pgliteSettings(cacheMb)],
    });
    await pg.waitReady;
  } catch (e) {
    lock?.release();
    throw e;
  }
  return embeddedDb(
    {
      run: async <T>(sql: string, params: unknown[] | undefined) =>
        (await pg.query<T>(sql, params)).rows,
      transaction: (fn) =>
        pg.transaction((tx) =>
          fn(
            async <T>(sql: string, params: unknown[] | undefined) =>
              (await tx.query<T>(sql, params)).rows,
          ),
        ),
      close: () => pg.close(),
    },
    dataDir ?? "memory",
    dataDir,
    lock,
  );
}
