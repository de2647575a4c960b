import { readFile, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { RapporteurError, isRapporteurError } from "../model/errors.js";
import { readDocument } from "../readers/index.js";
import { extract, looksLikeReport } from "../extract/pipeline.js";
import type { FullRecord } from "../model/record.js";

/** Where a command writes: injected so tests and the server can capture it. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const processIo: Io = {
  out: (t) => process.stdout.write(t.endsWith("\n") ? t : t + "\n"),
  err: (t) => process.stderr.write(t.endsWith("\n") ? t : t + "\n"),
};

/** Largest report accepted, in bytes. Real reports are far smaller; bigger files are mistakes. */
export const MAX_BYTES = 15 * 1024 * 1024;

/** Reads one report file from disk, with a clear error for each way that can fail. */
export async function loadFile(cwd: string, path: string): Promise<{ bytes: Uint8Array; source: string; path: string }> {
  const full = resolve(cwd, path);
  const st = await stat(full).catch(() => null);
  if (!st) throw new RapporteurError("file-not-found", `${path}: no such file; check the path`);
  if (st.isDirectory()) throw new RapporteurError("not-a-file", `${path}: is a folder; name the report files inside it (for example ${path}/*.txt)`);
  if (!st.isFile()) throw new RapporteurError("not-a-file", `${path}: is not a regular file`);
  if (st.size > MAX_BYTES) {
    throw new RapporteurError("file-too-large", `${path}: ${(st.size / 1048576).toFixed(1)} MB is larger than the ${MAX_BYTES / 1048576} MB a report may have; is it the right file?`);
  }
  return { bytes: await readFile(full), source: basename(full), path: full };
}

/** Bytes of a report to its checked full record; refuses texts that are not reports. */
export async function extractBytes(bytes: Uint8Array, source: string, contentType?: string): Promise<FullRecord> {
  const doc = await readDocument(bytes, source, contentType);
  if (!doc.lines.some((l) => l.trim())) throw new RapporteurError("empty-file", `${source}: the file has no text`);
  const record = extract(doc);
  if (!looksLikeReport(record)) {
    throw new RapporteurError("not-a-report", `${source}: does not look like a meeting report (no meeting date, number, agenda, discussion or participant list found)`);
  }
  return record;
}

/** One line for a failure: our errors by their message, anything else as an internal error. */
export function describe(e: unknown, path: string): string {
  if (isRapporteurError(e)) return e.message;
  return `${path}: internal error (${String((e as Error)?.message ?? e).split("\n")[0]}); please report it`;
}
