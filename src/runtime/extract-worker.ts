/**
 * The worker thread that reads and extracts reports (see extract-pool.ts): its heap is
 * the budget of one report, and it can be stopped at any moment without harm.
 */
import { parentPort } from "node:worker_threads";
import { isRapporteurError } from "../model/errors.js";
import { Stemmer } from "../store/tsvector.js";
import { prepareReport, extractReport } from "./prepare-report.js";
import type { WorkerReply, WorkerRequest } from "./extract-pool.js";

const port = parentPort!;
const stemmer = new Stemmer();
const asked = new Map<
  number,
  { resolve(stems: (string | null)[]): void; reject(e: Error): void }
>();
let nextAsk = 0;
const send = (m: WorkerReply) => port.postMessage(m);
// unknown words are stemmed by the store, which only the main thread can reach
const lexize = (words: string[]) =>
  new Promise<(string | null)[]>((resolve, reject) => {
    const id = nextAsk++;
    asked.set(id, { resolve, reject });
    send({ kind: "lexize", id, words });
  });

// One handler per message; its failures are answered to the pool, never thrown here.
port.on("message", (msg: WorkerRequest) => void handle(msg));

async function handle(msg: WorkerRequest): Promise<void> {
  if (msg.kind === "stems") {
    const ask = asked.get(msg.id);
    asked.delete(msg.id);
    if ("error" in msg) ask?.reject(new Error(`the store could not stem words: ${msg.error}`));
    else ask?.resolve(msg.stems);
    return;
  }
  try {
    if (msg.kind === "extract")
      send({ kind: "record", id: msg.id, record: await extractReport(msg.input) });
    else send({ kind: "rows", id: msg.id, rows: await prepareReport(msg.input, stemmer, lexize) });
  } catch (e) {
    send({
      kind: "error",
      id: msg.id,
      ...(isRapporteurError(e)
        ? { code: e.code, message: e.message }
        : { code: null, message: describeCrash(e) }),
    });
  }
}
send({ kind: "ready" });

// A parser that recursed too deep is a nesting problem of the input, not a bug of ours.
function describeCrash(e: unknown): string {
  const message = String((e as Error)?.message ?? e);
  return e instanceof RangeError && /call stack/i.test(message)
    ? "nested too deeply to read; is it the right file?"
    : message;
}
