import { createHash } from "node:crypto";
import { stat } from "node:fs/promises";
import { resolve, extname } from "node:path";
import { glob } from "tinyglobby";
import type { Db, Queryable } from "../store/db.js";
import { documentState, saveMeeting } from "../store/meetings.js";
import { stemmerFor } from "../store/tsvector.js";
import { rebuildPeople } from "../store/people.js";
import { readDocument } from "../readers/index.js";
import { extract, looksLikeReport, EXTRACTOR_VERSION } from "../extract/pipeline.js";
import { RapporteurError } from "../model/errors.js";
import { printable } from "./extract.js";
import { loadFile, describe, type Io } from "./io.js";
import { withStore, loadConfig, classifierFor, type StoreOptions } from "./store.js";

const REPORT_EXTENSIONS = new Set([".txt", ".md", ".markdown", ".html", ".htm", ".docx", ".pdf"]);

/** A progress display for long work; the CLI shows a bar on a terminal, tests pass none. */
export interface Progress { start(total: number): void; tick(label: string): void; stop(): void }
export const noProgress: Progress = { start() {}, tick() {}, stop() {} };

export interface IngestSummary { new: number; updated: number; unchanged: number; failed: { path: string; reason: string }[] }

/** Files, folders (searched for reports) and globs to the list of report paths. */
export async function expandPaths(cwd: string, inputs: string[]): Promise<{ files: string[]; missing: string[] }> {
  const files: string[] = [], missing: string[] = [];
  for (const input of inputs) {
    const full = resolve(cwd, input);
    const st = await stat(full).catch(() => null);
    if (st?.isFile()) { files.push(full); continue; }
    if (st?.isDirectory()) {
      const found = await glob("**/*", { cwd: full, absolute: true, onlyFiles: true });
      files.push(...found.filter((f) => REPORT_EXTENSIONS.has(extname(f).toLowerCase())).sort());
      continue;
    }
    if (/[*?[{]/.test(input)) {
      const found = await glob(input, { cwd, absolute: true, onlyFiles: true });
      if (found.length) { files.push(...found.sort()); continue; }
    }
    missing.push(input);
  }
  return { files: [...new Set(files)], missing };
}

/** Ingests one file into an open store: skipped when unchanged, replaced when changed. */
export async function ingestFile(db: Db, path: string, summary: IngestSummary, opts: { source?: string; membersOnly?: boolean } = {}): Promise<void> {
  try {
    const { bytes, source } = await loadFile("/", path);
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    const state = await documentState(db, path, sha256, EXTRACTOR_VERSION);
    if (state === "unchanged" || state === "duplicate") { summary.unchanged++; return; }
    await ingestBytes(db, { path, source: opts.source ?? source, bytes, sha256, replace: state === "changed", ...(opts.membersOnly !== undefined ? { membersOnly: opts.membersOnly } : {}) });
    summary[state === "changed" ? "updated" : "new"]++;
  } catch (e) {
    summary.failed.push({ path, reason: describe(e, path) });
  }
}

/** Extracts bytes and saves the meeting in one transaction; returns its id. */
export async function ingestBytes(db: Db, input: { path: string; source: string; bytes: Uint8Array; sha256?: string; contentType?: string; membersOnly?: boolean; replace?: boolean }): Promise<number> {
  const doc = await readDocument(input.bytes, input.source, input.contentType);
  const record = extract(doc);
  if (!looksLikeReport(record)) throw new RapporteurError("not-a-report", `${input.source}: does not look like a meeting report (no meeting date, number, agenda, discussion or participant list found)`);
  const sha256 = input.sha256 ?? createHash("sha256").update(input.bytes).digest("hex");
  // A new document is saved by one statement, atomic on its own; a replacement deletes
  // first, so it needs a transaction around both.
  const save = (tx: Queryable) =>
    saveMeeting(tx, { path: input.path, source: input.source, format: doc.format, content: input.bytes, sha256, extractorVersion: EXTRACTOR_VERSION }, printable(record), doc.lines, {
      nicknames: record.nicknames, statements: record.statements, stemmer: stemmerFor(db), replace: input.replace ?? true,
      ...(input.membersOnly !== undefined ? { membersOnly: input.membersOnly } : {}),
    });
  return input.replace === false ? save(db) : db.transaction(save);
}

/**
 * `rapporteur ingest PATH...`: each report in its own transaction, idempotent by content
 * hash; a summary line, one reason per failure; people are rebuilt at the end.
 * Exit 0, or 1 when some file failed (the others are kept).
 */
export async function ingestCommand(cwd: string, options: StoreOptions & { paths: string[] }, io: Io, progress: Progress = noProgress): Promise<number> {
  if (!options.paths.length) throw new RapporteurError("bad-argument", "nothing to ingest; name report files, folders or globs");
  const config = await loadConfig(cwd);
  const { files, missing } = await expandPaths(cwd, options.paths);
  const summary: IngestSummary = { new: 0, updated: 0, unchanged: 0, failed: missing.map((m) => ({ path: m, reason: `${m}: no such file or folder; check the path` })) };
  await withStore(cwd, options, io, async (db) => {
    progress.start(files.length);
    for (const f of files) {
      await ingestFile(db, f, summary);
      progress.tick(f);
    }
    progress.stop();
    if (summary.new || summary.updated) {
      await rebuildPeople(db, classifierFor(config));
      // fresh statistics let the planner tell common words from rare ones in searches
      await db.query("ANALYZE");
    }
  });
  io.err(`rapporteur: ingested ${files.length + missing.length} path${files.length + missing.length === 1 ? "" : "s"}: ${summary.new} new, ${summary.updated} updated, ${summary.unchanged} unchanged, ${summary.failed.length} failed`);
  for (const f of summary.failed) io.err(`  failed: ${f.reason}`);
  return summary.failed.length ? 1 : 0;
}
