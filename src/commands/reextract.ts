import type { Db } from "../store/db.js";
import { saveMeeting } from "../store/meetings.js";
import { stemmerFor } from "../store/tsvector.js";
import { rebuildGlossary } from "../store/glossary.js";
import { rebuildPeople } from "../store/people.js";
import { readDocument } from "../readers/index.js";
import { extract, EXTRACTOR_VERSION } from "../extract/pipeline.js";
import { printable } from "./extract.js";
import { describe, type Io } from "./io.js";
import { withStore, loadConfig, classifierFor, type StoreOptions } from "./store.js";
import { noProgress, type Progress } from "./ingest.js";

/** Rebuilds every meeting from its stored original, in its own transaction each. */
export async function reextractAll(db: Db, progress: Progress = noProgress): Promise<{ done: number; failed: string[] }> {
  const docs = await db.query<{ path: string; source: string; content: Uint8Array | null; text: string; sha256: string }>(`SELECT path, source, content, text, sha256 FROM documents ORDER BY id`);
  const failed: string[] = [];
  let done = 0;
  progress.start(docs.rows.length);
  for (const d of docs.rows) {
    try {
      const bytes = d.content ? new Uint8Array(d.content) : new TextEncoder().encode(d.text);
      const doc = await readDocument(bytes, d.source);
      const record = extract(doc);
      await db.transaction((tx) => saveMeeting(tx, { path: d.path, source: d.source, format: doc.format, content: bytes, sha256: d.sha256, extractorVersion: EXTRACTOR_VERSION }, printable(record), doc.lines, { nicknames: record.nicknames, statements: record.statements, stemmer: stemmerFor(db) }));
      done++;
    } catch (e) {
      failed.push(describe(e, d.path));
    }
    progress.tick(d.source);
  }
  progress.stop();
  return { done, failed };
}

/** `rapporteur reextract`: re-runs the current extractor over every stored original. */
export async function reextractCommand(cwd: string, options: StoreOptions, io: Io, progress: Progress = noProgress): Promise<number> {
  const config = await loadConfig(cwd);
  const { done, failed } = await withStore(cwd, options, io, async (db) => {
    const out = await reextractAll(db, progress);
    await rebuildPeople(db, classifierFor(config));
    await rebuildGlossary(db, config.glossary);
    await db.query("ANALYZE");
    return out;
  });
  io.err(`rapporteur: re-extracted ${done} report${done === 1 ? "" : "s"} with extractor ${EXTRACTOR_VERSION}${failed.length ? `, ${failed.length} failed` : ""}`);
  for (const f of failed) io.err(`  failed: ${f}`);
  return failed.length ? 1 : 0;
}
