import { createHash } from "node:crypto";
import { realpath, stat } from "node:fs/promises";
import { resolve, extname } from "node:path";
import { glob } from "tinyglobby";
import type { Db } from "../store/db.js";
import { insertMeeting } from "../store/meetings.js";
import type { MeetingRows } from "../store/meeting-rows.js";
import { lexizeIn } from "../store/tsvector.js";
import { refreshDerived } from "../store/derived.js";
import { faultPoint } from "../store/fault.js";
import { EXTRACTOR_VERSION } from "../extract/pipeline.js";
import { RapporteurError, isRapporteurError } from "../model/errors.js";
import { ExtractPool } from "../runtime/extract-pool.js";
import { collectGarbage } from "../runtime/collect-garbage.js";
import { loadFile, describe, type Io } from "../runtime/io.js";
import { withStore, loadConfig, derivationOf, type StoreOptions } from "../runtime/store-access.js";
export { refreshDerived } from "../store/derived.js";

const REPORT_EXTENSIONS = new Set([".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"]);

import { noProgress, type Progress } from "../runtime/progress.js";
import { documentStates } from "../store/documents.js";
export { noProgress, type Progress } from "../runtime/progress.js";

export interface IngestSummary {
  new: number;
  updated: number;
  unchanged: number;
  failed: { path: string; reason: string }[];
  /** Files skipped because the store holds the same content under another path. */
  sameAs?: { path: string; as: string }[];
}

/**
 * Files, folders (searched for reports) and globs to the list of report paths. Each real
 * file is listed once, however many links lead to it (a link loop would list it again at
 * every turn).
 */
export async function expandPaths(
  cwd: string,
  inputs: string[],
): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [],
    missing: string[] = [];
  for (const input of inputs) {
    const full = resolve(cwd, input);
    const st = await stat(full).catch(() => null);
    if (st?.isFile()) {
      files.push(full);
      continue;
    }
    if (st?.isDirectory()) {
      const found = await glob("**/*", { cwd: full, absolute: true, onlyFiles: true });
      files.push(...found.filter((f) => REPORT_EXTENSIONS.has(extname(f).toLowerCase())).sort());
      continue;
    }
    if (/[*?[{]/.test(input)) {
      const found = await glob(input, { cwd, absolute: true, onlyFiles: true });
      if (found.length) {
        files.push(...found.sort());
        continue;
      }
    }
    missing.push(input);
  }
  const seen = new Set<string>();
  const unique: string[] = [];
  for (const f of files) {
    const real = await realpath(f).catch(() => f);
    if (seen.has(real)) continue;
    seen.add(real);
    unique.push(f);
  }
  return { files: unique, missing };
}

/**
 * Ingests many files in order. The next files are prepared ahead (read, extracted and
 * indexed; in a worker thread for long runs, so two cores share the work) while the
 * current one is written.
 */
export async function ingestFiles(
  db: Db,
  inputs: (string | { path: string; source?: string })[],
  summary: IngestSummary,
  progress: Progress = noProgress,
): Promise<void> {
  // a file may be known by another name than its own (the bundled examples are)
  const files = inputs.map((f) => (typeof f === "string" ? f : f.path));
  const names = new Map(
    inputs.flatMap((f) => (typeof f !== "string" && f.source ? [[f.path, f.source] as const] : [])),
  );
  const pool = new ExtractPool(lexizeIn(db));
  const known = new Map((await documentStates(db)).map((r) => [r.path, r]));
  // content already stored (or met earlier in this run) under another path: one meeting
  const shas = new Map([...known.values()].map((r) => [r.sha256, r.path]));
  type Job = {
    path: string;
    state: "new" | "changed" | "skip";
    as?: string;
    rows?: Promise<MeetingRows>;
    error?: Error;
  };
  const prepare = async (path: string): Promise<Job> => {
    try {
      const { bytes, source } = await loadFile("/", path);
      const sha256 = createHash("sha256").update(bytes).digest("hex");
      const old = known.get(path);
      const state = old
        ? old.sha256 === sha256 && old.extractor_version === EXTRACTOR_VERSION
          ? "skip"
          : "changed"
        : shas.has(sha256)
          ? "skip"
          : "new";
      if (state === "skip") {
        const as = old ? undefined : shas.get(sha256);
        return { path, state, ...(as !== undefined ? { as } : {}) };
      }
      shas.set(sha256, path);
      const rows = pool.prepare({ bytes, source: names.get(path) ?? source, path, sha256 });
      rows.catch(() => undefined); // handled when the job is saved
      return { path, state, rows };
    } catch (error) {
      return { path, state: "new", error: error as Error };
    }
  };
  const AHEAD = 8;
  const queue: Promise<Job>[] = files.slice(0, AHEAD).map(prepare);
  try {
    for (let i = 0; i < files.length; i++) {
      const job = await queue.shift()!;
      if (i + AHEAD < files.length) queue.push(prepare(files[i + AHEAD]!));
      try {
        if (job.error) throw job.error;
        if (job.state === "skip") {
          summary.unchanged++;
          if (job.as !== undefined) (summary.sameAs ??= []).push({ path: job.path, as: job.as });
          continue;
        }
        const rows = await job.rows!;
        summary[await saveJob(db, job.state, rows)]++;
        faultPoint("save");
      } catch (e) {
        // a full disk stops the run: every later save would fail the same way
        if (isRapporteurError(e) && e.code === "disk-full") throw e;
        summary.failed.push({ path: job.path, reason: describe(e, job.path) });
      } finally {
        progress.tick(job.path);
      }
      // Let the event loop run: the worker's results and file reads arrive as events,
      // which a loop of ready promises would otherwise hold back until it ran dry.
      await new Promise((r) => setImmediate(r));
      if (i % 500 === 499) collectGarbage();
    }
  } finally {
    await pool.close();
  }
}

/**
 * Saves one prepared report. A new document is saved by one statement, atomic on its
 * own; a replacement deletes first, so it needs a transaction around both. When another
 * process (sharing a PostgreSQL server) saved the same path first, the file counts as
 * unchanged when that process saved the same content, else it replaces it.
 */
async function saveJob(
  db: Db,
  state: "new" | "changed",
  rows: MeetingRows,
): Promise<"new" | "updated" | "unchanged"> {
  try {
    if (state === "changed") await db.transaction((tx) => insertMeeting(tx, rows));
    else await insertMeeting(db, rows, { replace: false });
    return state === "changed" ? "updated" : "new";
  } catch (e) {
    if ((e as { code?: string }).code !== "23505") throw e;
  }
  const now = await documentStates(db, rows.document.path);
  if (
    now[0]?.sha256 === rows.document.sha256 &&
    now[0].extractor_version === rows.document.extractorVersion
  )
    return "unchanged";
  await db.transaction((tx) => insertMeeting(tx, rows));
  return "updated";
}

/** Extracts bytes and saves the meeting in one transaction (replacing one from the same path); returns its id. */
export async function ingestBytes(
  db: Db,
  input: {
    path: string;
    source: string;
    bytes: Uint8Array;
    sha256?: string;
    contentType?: string;
    membersOnly?: boolean;
  },
): Promise<number> {
  const sha256 = input.sha256 ?? createHash("sha256").update(input.bytes).digest("hex");
  const pool = new ExtractPool(lexizeIn(db));
  let rows: MeetingRows;
  try {
    rows = await pool.prepare({
      bytes: input.bytes,
      source: input.source,
      path: input.path,
      sha256,
      contentType: input.contentType,
    });
  } finally {
    await pool.close();
  }
  return db.transaction((tx) =>
    insertMeeting(
      tx,
      rows,
      input.membersOnly !== undefined ? { membersOnly: input.membersOnly } : {},
    ),
  );
}

/**
 * `rapporteur ingest PATH...`: each report in its own transaction, idempotent by content
 * hash; a summary line, one reason per failure; people are rebuilt at the end.
 * Exit 0, or 1 when some file failed (the others are kept).
 */
export async function ingestCommand(
  cwd: string,
  options: StoreOptions & { paths: string[] },
  io: Io,
  progress: Progress = noProgress,
): Promise<number> {
  if (!options.paths.length)
    throw new RapporteurError(
      "bad-argument",
      "nothing to ingest; name report files, folders or globs",
    );
  const config = await loadConfig(cwd);
  const { files, missing } = await expandPaths(cwd, options.paths);
  const summary: IngestSummary = {
    new: 0,
    updated: 0,
    unchanged: 0,
    failed: missing.map((m) => ({
      path: m,
      reason: `${m}: no such file or folder; check the path`,
    })),
  };
  const derive = derivationOf(config);
  await withStore(cwd, options, io, async (db) => {
    progress.start(files.length);
    try {
      await ingestFiles(db, files, summary, progress);
    } catch (e) {
      if (!isRapporteurError(e) || e.code !== "disk-full") throw e;
      const saved = summary.new + summary.updated;
      throw new RapporteurError(
        "disk-full",
        `${e.message.split(";")[0]}; ${saved} report${saved === 1 ? " was" : "s were"} saved before it filled and are kept: make room there and run the command again`,
      );
    } finally {
      progress.stop();
    }
    // whatever this run or an earlier one (killed before its rebuild) left stale
    await refreshDerived(db, derive, summary.updated ? { replaced: "some" } : {});
  });
  io.err(
    `rapporteur: ingested ${files.length + missing.length} path${files.length + missing.length === 1 ? "" : "s"}: ${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} failed`,
  );
  for (const s of summary.sameAs ?? [])
    io.err(`  unchanged: ${s.path}: same content as ${s.as} (kept once)`);
  for (const f of summary.failed) io.err(`  failed: ${f.reason}`);
  return summary.failed.length ? 1 : 0;
}
