import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { RapporteurError } from "../model/errors.js";
import type { FullRecord } from "../model/record.js";
import { printable } from "../model/printable.js";
import { renderDigest } from "../render/digest-md.js";
import { loadFile, withReader, describe, type Io } from "../runtime/io.js";

export interface ExtractOptions {
  files: string[];
  format?: "json" | "md";
  out?: string;
}

/** The printed form of a record: the contract's fields plus where each came from. */

/**
 * `rapporteur extract FILE...`: prints each report's record (JSON or a Markdown digest)
 * or writes DIR/<name>.json. Bad files are reported one line each; the rest go on.
 * Returns the exit status: 0, or 2 when any input could not be read.
 */
export async function extractCommand(
  cwd: string,
  options: ExtractOptions,
  io: Io,
): Promise<number> {
  const format = options.format ?? "json";
  if (format !== "json" && format !== "md")
    throw new RapporteurError("bad-argument", `--format ${String(format)}: use json or md`);
  if (!options.files.length)
    throw new RapporteurError(
      "bad-argument",
      "no report given; name one or more files, e.g. rapporteur extract minutes.docx",
    );
  const records: FullRecord[] = [];
  let failed = 0;
  await withReader(async (read) => {
    for (const file of options.files) {
      try {
        const { bytes, source } = await loadFile(cwd, file);
        records.push(await read(bytes, source));
      } catch (e) {
        failed++;
        io.err(`rapporteur: ${describe(e, file)}`);
      }
    }
  });
  if (options.out) {
    const dir = resolve(cwd, options.out);
    await mkdir(dir, { recursive: true });
    for (const r of records) {
      await writeFile(
        join(dir, `${r.source}.${format === "md" ? "md" : "json"}`),
        format === "md" ? renderDigest(r) : JSON.stringify(printable(r), null, 2) + "\n",
      );
    }
    io.err(
      `rapporteur: wrote ${records.length} record${records.length === 1 ? "" : "s"} to ${options.out}${failed ? `, ${failed} failed` : ""}`,
    );
  } else if (format === "md") {
    io.out(records.map(renderDigest).join("\n---\n\n"));
  } else if (records.length) {
    const shown = records.map(printable);
    io.out(JSON.stringify(options.files.length === 1 ? shown[0] : shown, null, 2));
  }
  return failed ? 2 : 0;
}
