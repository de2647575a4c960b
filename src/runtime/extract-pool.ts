import { Worker } from "node:worker_threads";
import { RapporteurError, type ErrorCode } from "../model/errors.js";
import { LIMITS } from "../model/limits.js";
import type { FullRecord } from "../model/record.js";
import type { MeetingRows } from "../store/meeting-rows.js";
import type { Lexize } from "../store/tsvector.js";
import type { ReportInput } from "./prepare-report.js";

/** What the worker sends back: it is ready, a result, an error, or a request for stems. */
// Built, the worker is plain JavaScript; run from the TypeScript sources (tests, dev), a
// small boot script has tsx compile it.
const WORKER = import.meta.url.endsWith(".ts")
  ? new URL("./extract-worker-boot.mjs", import.meta.url)
  : new URL("./extract-worker.js", import.meta.url);

export type WorkerReply =
  | { kind: "ready" }
  | { kind: "rows"; id: number; rows: MeetingRows }
  | { kind: "record"; id: number; record: FullRecord }
  | { kind: "error"; id: number; code: ErrorCode | null; message: string }
  | { kind: "lexize"; id: number; words: string[] };

/** What the worker is sent: a report to prepare for the store or to extract, or stems it asked for. */
export type WorkerRequest =
  | { kind: "prepare" | "extract"; id: number; input: ReportInput }
  | ({ kind: "stems"; id: number } & ({ stems: (string | null)[] } | { error: string }));

interface Job {
  id: number;
  kind: "prepare" | "extract";
  input: ReportInput;
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

/**
 * Reads and extracts reports in a worker thread, one at a time, within the budget of
 * `LIMITS`: the thread's heap is capped and each report has `fileMs` to finish. A report
 * that exceeds either fails alone with a clear line; the worker is replaced and the
 * queue goes on, so a hostile file can stop neither an ingest nor the server. Long
 * ingests also gain a core: the next report is read while this thread writes.
 * The worker keeps its own stem cache and asks this thread (which owns the store) for
 * unknown words, through `lexize`.
 */
export class ExtractPool {
  private worker: Worker | null = null;
  private ready: Promise<void> | null = null;
  private next = 0;
  private queue: Job[] = [];
  private current: { job: Job; timer: NodeJS.Timeout } | null = null;
  private closed = false;

  constructor(
    private lexize: Lexize = () => Promise.reject(new Error("no store to stem words with")),
    private limits = LIMITS,
  ) {}

  /** The rows for one report; rejects with the reason it cannot be saved. */
  prepare(input: ReportInput): Promise<MeetingRows> {
    return this.submit("prepare", input) as Promise<MeetingRows>;
  }

  /** The checked record of one report; rejects with the reason it cannot be read. */
  extract(input: ReportInput): Promise<FullRecord> {
    return this.submit("extract", input) as Promise<FullRecord>;
  }

  private submit(kind: Job["kind"], input: ReportInput): Promise<unknown> {
    if (this.closed) return Promise.reject(new Error("the extraction pool is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.next++, kind, input, resolve, reject });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.current || !this.queue.length || this.closed) return;
    const job = this.queue.shift()!;
    const timer = setTimeout(
      () =>
        this.fail(
          job,
          new RapporteurError(
            "unreadable-file",
            `${job.input.source}: took longer than ${this.limits.fileMs / 1000} s to read, the limit for one report; is it the right file?`,
          ),
        ),
      this.limits.fileMs + 60_000,
    );
    this.current = { job, timer };
    try {
      await this.start();
    } catch (e) {
      this.fail(job, e);
      return;
    }
    if (this.current?.job !== job) return;
    // the clock starts when the worker has the report, not while it boots
    clearTimeout(timer);
    this.current.timer = setTimeout(
      () =>
        this.fail(
          job,
          new RapporteurError(
            "unreadable-file",
            `${job.input.source}: took longer than ${this.limits.fileMs / 1000} s to read, the limit for one report; is it the right file?`,
          ),
        ),
      this.limits.fileMs,
    );
    this.worker!.postMessage({
      kind: job.kind,
      id: job.id,
      input: job.input,
    } satisfies WorkerRequest);
  }

  private start(): Promise<void> {
    if (this.ready) return this.ready;
    const worker = new Worker(WORKER, {
      // short-lived garbage only: a small young generation; the old one is the budget
      resourceLimits: {
        maxYoungGenerationSizeMb: 8,
        maxOldGenerationSizeMb: this.limits.readerHeapMb,
      },
    });
    this.worker = worker;
    this.ready = new Promise<void>((resolve, reject) => {
      worker.on("message", (m: WorkerReply) => {
        if (m.kind === "ready") return resolve();
        if (m.kind === "lexize") return this.answerStems(worker, m);
        const cur = this.current;
        if (!cur || cur.job.id !== m.id) return;
        this.finish();
        if (m.kind === "error")
          cur.job.reject(m.code ? new RapporteurError(m.code, m.message) : new Error(m.message));
        else cur.job.resolve(m.kind === "rows" ? m.rows : m.record);
      });
      worker.on("error", (e) => {
        reject(e);
        const cur = this.current;
        if (!cur || this.worker !== worker) return;
        const oom = (e as NodeJS.ErrnoException).code === "ERR_WORKER_OUT_OF_MEMORY";
        this.fail(
          cur.job,
          oom
            ? new RapporteurError(
                "unreadable-file",
                `${cur.job.input.source}: needs more than ${this.limits.readerHeapMb} MB to read, the limit for one report; is it the right file?`,
              )
            : e,
        );
      });
      worker.on("exit", (code) => {
        reject(new Error(`the extraction worker stopped (exit code ${code})`));
        const cur = this.current;
        if (cur && this.worker === worker)
          this.fail(cur.job, new Error(`the extraction worker stopped (exit code ${code})`));
      });
    });
    worker.unref();
    return this.ready;
  }

  private answerStems(worker: Worker, m: { id: number; words: string[] }): void {
    const answer = (reply: { stems: (string | null)[] } | { error: string }) =>
      worker.postMessage({ kind: "stems", id: m.id, ...reply } satisfies WorkerRequest);
    // a failure is passed on (the report then fails with it) rather than caching no stems
    this.lexize(m.words).then(
      (stems) => answer({ stems }),
      (e: unknown) => answer({ error: String((e as Error)?.message ?? e) }),
    );
  }

  private finish(): void {
    if (this.current) clearTimeout(this.current.timer);
    this.current = null;
    void this.pump();
  }

  /** Fails the running report and replaces its worker (which may be stuck or broken). */
  private fail(job: Job, e: unknown): void {
    if (this.current?.job !== job) return;
    clearTimeout(this.current.timer);
    this.current = null;
    const old = this.worker;
    this.worker = null;
    this.ready = null;
    void old?.terminate();
    job.reject(e);
    void this.pump();
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const j of this.queue.splice(0)) j.reject(new Error("the extraction pool is closed"));
    if (this.current) clearTimeout(this.current.timer);
    await this.worker?.terminate();
    this.worker = null;
  }
}
