import type { Db } from "../store/db.js";
import { insertMeeting } from "../store/meetings.js";
import { lexizeIn } from "../store/tsvector.js";
import { EXTRACTOR_VERSION } from "../extract/pipeline.js";
import { ExtractPool } from "../runtime/extract-pool.js";
import { collectGarbage } from "../runtime/collect-garbage.js";
import { describe, type Io } from "../runtime/io.js";
import { withStore, loadConfig, derivationOf, type StoreOptions } from "../runtime/store-access.js";
import { noProgress, refreshDerived, type Progress } from "./ingest.js";
import { documentIds, documentsById } from "../store/documents.js";

/**
 * Rebuilds every meeting from its stored original, each in its own transaction. Originals
 * are read a page at a time and prepared ahead (in the extraction worker for big stores).
 */
export async function reextractAll(
  db: Db,
  progress: Progress = noProgress,
): Promise<{ done: number; failed: string[] }> {
  // the ids are fixed first: a rebuilt document is saved under a new id
  const ids = await documentIds(db);
  const pool = new ExtractPool(lexizeIn(db));
  const failed: string[] = [];
  let done = 0;
  progress.start(ids.length);
  try {
    for (let at = 0; at < ids.length; at += PAGE) {
      const docs = await documentsById(db, ids.slice(at, at + PAGE));
      const prepared = docs.map((d) => {
        const bytes = d.content ? new Uint8Array(d.content) : new TextEncoder().encode(d.text);
        return pool.prepare({ bytes, source: d.source, path: d.path, sha256: d.sha256 }).then(
          (rows) => ({ rows }),
          (error: unknown) => ({ error }),
        );
      });
      for (const [i, d] of docs.entries()) {
        const out = await prepared[i]!;
        try {
          if ("error" in out) throw out.error;
          await db.transaction((tx) => insertMeeting(tx, out.rows));
          done++;
        } catch (e) {
          failed.push(describe(e, d.path));
        }
        progress.tick(d.source);
        await new Promise((r) => setImmediate(r)); // let the worker's replies in (see ingestFiles)
        if (done % 500 === 499) collectGarbage();
      }
    }
  } finally {
    await pool.close();
    progress.stop();
  }
  return { done, failed };
}

const PAGE = 200;

/** `rapporteur reextract`: re-runs the current extractor over every stored original. */
export async function reextractCommand(
  cwd: string,
  options: StoreOptions,
  io: Io,
  progress: Progress = noProgress,
): Promise<number> {
  const config = await loadConfig(cwd);
  const { done, failed } = await withStore(cwd, options, io, async (db) => {
    const out = await reextractAll(db, progress);
    await refreshDerived(db, derivationOf(config), { replaced: "all" });
    return out;
  });
  io.err(
    `rapporteur: re-extracted ${done} report${done === 1 ? "" : "s"} with extractor ${EXTRACTOR_VERSION}${failed.length ? `, ${failed.length} failed` : ""}`,
  );
  for (const f of failed) io.err(`  failed: ${f}`);
  return failed.length ? 1 : 0;
}
