import { Worker } from "node:worker_threads";
import { RapporteurError, type ErrorCode } from "../model/errors.js";
import type { MeetingRows } from "../store/meeting-rows.js";
import type { Lexize, Stemmer } from "../store/tsvector.js";
import { prepareReport, type ReportInput } from "./prepare-report.js";

/** What the worker sends back: prepared rows, an error, or a request for stems. */
export type WorkerReply =
  | { kind: "rows"; id: number; rows: MeetingRows }
  | { kind: "error"; id: number; code: ErrorCode | null; message: string }
  | { kind: "lexize"; id: number; words: string[] };

/** What the worker is sent: a report to prepare, or the stems it asked for. */
export type WorkerRequest = { kind: "prepare"; id: number; input: ReportInput } | ({ kind: "stems"; id: number } & ({ stems: (string | null)[] } | { error: string }));

/**
 * Prepares reports for the store (read, extract, index): in a worker thread when asked
 * to (long ingests, so two cores share the work), else in this thread. The worker keeps
 * its own stem cache and asks this thread, which owns the store, for unknown words.
 */
export class ExtractPool {
  private worker: Worker | null = null;
  private next = 0;
  private waiting = new Map<number, { resolve(v: MeetingRows): void; reject(e: unknown): void }>();

  constructor(useWorker: boolean, private stemmer: Stemmer, private lexize: Lexize) {
    if (!useWorker) return;
    // the worker runs the TypeScript sources through tsx, like the main thread; its young
    // generation is kept small: it makes short-lived garbage only, and memory is counted
    this.worker = new Worker(new URL("./extract-worker-boot.mjs", import.meta.url), { resourceLimits: { maxYoungGenerationSizeMb: 8 } });
    this.worker.on("message", (m: WorkerReply) => {
      if (m.kind === "lexize") {
        const answer = (reply: { stems: (string | null)[] } | { error: string }) => this.worker?.postMessage({ kind: "stems", id: m.id, ...reply } satisfies WorkerRequest);
        // a failure is passed on (the report then fails with it) rather than caching no stems
        this.lexize(m.words).then((stems) => answer({ stems }), (e: unknown) => answer({ error: String((e as Error)?.message ?? e) }));
        return;
      }
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.kind === "error") w.reject(m.code ? new RapporteurError(m.code, m.message) : new Error(m.message));
      else w.resolve(m.rows);
    });
    const fail = (e: unknown) => { for (const w of this.waiting.values()) w.reject(e); this.waiting.clear(); };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the extraction worker stopped (exit code ${code})`)));
    this.worker.unref();
  }

  /** The rows for one report; rejects with the reason it cannot be saved. */
  async prepare(input: ReportInput): Promise<MeetingRows> {
    if (!this.worker) return prepareReport(input, this.stemmer, this.lexize);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker!.postMessage({ kind: "prepare", id, input } satisfies WorkerRequest);
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
