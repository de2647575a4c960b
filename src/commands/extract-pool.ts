import { Worker } from "node:worker_threads";
import type { FullRecord } from "../model/record.js";
import { RapporteurError, type ErrorCode } from "../model/errors.js";
import { readDocument } from "../readers/index.js";
import { extract } from "../extract/pipeline.js";

export interface Extracted { format: string; lines: string[]; record: FullRecord }

/** Extracts reports, in a worker thread when asked to (long ingests), else in this thread. */
export class ExtractPool {
  private worker: Worker | null = null;
  private next = 0;
  private waiting = new Map<number, { resolve(v: Extracted): void; reject(e: unknown): void }>();

  constructor(useWorker: boolean) {
    if (!useWorker) return;
    // the worker runs the TypeScript sources through tsx, like the main thread
    this.worker = new Worker(new URL("./extract-worker-boot.mjs", import.meta.url));
    this.worker.on("message", (m: { id: number; error?: { code: ErrorCode | null; message: string } } & Partial<Extracted>) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.error) w.reject(m.error.code ? new RapporteurError(m.error.code, m.error.message) : new Error(m.error.message));
      else w.resolve({ format: m.format!, lines: m.lines!, record: m.record! });
    });
    const fail = (e: unknown) => { for (const w of this.waiting.values()) w.reject(e); this.waiting.clear(); };
    this.worker.on("error", fail);
    this.worker.on("exit", (code) => fail(new Error(`the extraction worker stopped (exit code ${code})`)));
    this.worker.unref();
  }

  async extract(bytes: Uint8Array, source: string): Promise<Extracted> {
    if (!this.worker) {
      const doc = await readDocument(bytes, source);
      return { format: doc.format, lines: doc.lines, record: extract(doc) };
    }
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker!.postMessage({ id, bytes, source });
    });
  }

  async close(): Promise<void> {
    await this.worker?.terminate();
  }
}
