/**
 * A worker thread that reads, extracts and indexes reports, so that on a multi-core
 * machine the main thread can write one report to the store while the next is prepared.
 */
import { parentPort } from "node:worker_threads";
import { isRapporteurError } from "../model/errors.js";
import { Stemmer } from "../store/tsvector.js";
import { prepareReport } from "./prepare-report.js";
import type { WorkerReply, WorkerRequest } from "./extract-pool.js";

const port = parentPort!;
const stemmer = new Stemmer();
const asked = new Map<number, { resolve(stems: (string | null)[]): void; reject(e: Error): void }>();
let nextAsk = 0;
const send = (m: WorkerReply) => port.postMessage(m);
// unknown words are stemmed by the store, which only the main thread can reach
const lexize = (words: string[]) => new Promise<(string | null)[]>((resolve, reject) => {
  const id = nextAsk++;
  asked.set(id, { resolve, reject });
  send({ kind: "lexize", id, words });
});

port.on("message", async (msg: WorkerRequest) => {
  if (msg.kind === "stems") {
    const ask = asked.get(msg.id);
    asked.delete(msg.id);
    if ("error" in msg) ask?.reject(new Error(`the store could not stem words: ${msg.error}`));
    else ask?.resolve(msg.stems);
    return;
  }
  try {
    send({ kind: "rows", id: msg.id, rows: await prepareReport(msg.input, stemmer, lexize) });
  } catch (e) {
    send({ kind: "error", id: msg.id, ...(isRapporteurError(e) ? { code: e.code, message: e.message } : { code: null, message: String((e as Error)?.message ?? e) }) });
  }
});
