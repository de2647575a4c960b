import { readFile, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { RapporteurError, isRapporteurError } from "../model/errors.js";
import { ExtractPool } from "./extract-pool.js";
import { isDiskFullError } from "../store/disk-full.js";
import { LIMITS } from "../model/limits.js";
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
export const MAX_BYTES = LIMITS.fileBytes;

/** Reads one report file from disk, with a clear error for each way that can fail. */
export async function loadFile(
  cwd: string,
  path: string,
): Promise<{ bytes: Uint8Array; source: string; path: string }> {
  const full = resolve(cwd, path);
  const st = await stat(full).catch((e: NodeJS.ErrnoException) => {
    if (e.code === "ENOENT" || e.code === "ENOTDIR") return null;
    throw fileError(e, path);
  });
  if (!st) throw new RapporteurError("file-not-found", `${path}: no such file; check the path`);
  if (st.isDirectory())
    throw new RapporteurError(
      "not-a-file",
      `${path}: is a folder; name the report files inside it (for example ${path}/*.txt)`,
    );
  if (!st.isFile()) throw new RapporteurError("not-a-file", `${path}: is not a regular file`);
  if (st.size > MAX_BYTES) {
    throw new RapporteurError(
      "file-too-large",
      `${path}: ${(st.size / 1048576).toFixed(1)} MB is larger than the ${MAX_BYTES / 1048576} MB a report may have; is it the right file?`,
    );
  }
  try {
    return { bytes: await readFile(full), source: basename(full), path: full };
  } catch (e) {
    throw fileError(e, path);
  }
}

/**
 * Extracts reports one after another in the reading worker (see runtime/extract-pool.ts),
 * within the limits every path shares; the worker is stopped when `fn` ends.
 */
export async function withReader<T>(
  fn: (
    read: (bytes: Uint8Array, source: string, contentType?: string) => Promise<FullRecord>,
  ) => Promise<T>,
): Promise<T> {
  const pool = new ExtractPool();
  try {
    return await fn((bytes, source, contentType) =>
      pool.extract({ bytes, source, path: source, sha256: "", contentType }),
    );
  } finally {
    await pool.close();
  }
}

/** A file system error as one line that names the file and what to do. */
export function fileError(e: unknown, path: string): Error {
  const code = (e as NodeJS.ErrnoException)?.code;
  if (code === "EACCES" || code === "EPERM")
    return new RapporteurError(
      "unreadable-file",
      `${path}: permission denied; check the file's permissions (or run as a user who may read it)`,
    );
  if (code === "EISDIR")
    return new RapporteurError(
      "not-a-file",
      `${path}: is a folder; name the report files inside it`,
    );
  if (code === "ELOOP")
    return new RapporteurError(
      "unreadable-file",
      `${path}: a loop of symbolic links; check where the link points`,
    );
  if (code === "EIO")
    return new RapporteurError(
      "unreadable-file",
      `${path}: the disk could not read it (input/output error)`,
    );
  return e as Error;
}

/** One line for a failure: our errors by their message, anything else as an internal error. */
export function describe(e: unknown, path: string): string {
  if (isRapporteurError(e)) return e.message;
  if (isDiskFullError(e))
    return `no space left on device (${(e as { path?: string }).path ?? path}); make room and run the command again`;
  return `${path}: internal error (${String((e as Error)?.message ?? e).split("\n")[0]}); please report it`;
}
