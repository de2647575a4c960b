/**
 * A worker thread that reads and extracts reports, so that on a multi-core machine the
 * main thread can write one report to the store while the next is being extracted.
 */
import { parentPort } from "node:worker_threads";
import { readDocument } from "../readers/index.js";
import { extract } from "../extract/pipeline.js";
import { isRapporteurError } from "../model/errors.js";

parentPort!.on("message", async (msg: { id: number; bytes: Uint8Array; source: string }) => {
  try {
    const doc = await readDocument(msg.bytes, msg.source);
    parentPort!.postMessage({ id: msg.id, format: doc.format, lines: doc.lines, record: extract(doc) });
  } catch (e) {
    parentPort!.postMessage({ id: msg.id, error: isRapporteurError(e) ? { code: e.code, message: e.message } : { code: null, message: String((e as Error)?.message ?? e) } });
  }
});
