import { refreshDerived, type Derivation } from "../store/derived.js";
import type { Db } from "../store/db.js";

/**
 * A rebuild of derived data (people, glossary) soon after a burst of edits: one rebuild
 * for many corrections, never one per edit, and never two at once. `flush` waits for
 * the pending one (a server that closes, a test that reads people next).
 */
export function refreshLater(
  db: Db,
  derive: Derivation,
  delayMs = 1500,
  onError: (e: unknown) => void = (e) =>
    process.stderr.write(`rapporteur serve: rebuilding people failed: ${String(e)}\n`),
): { schedule: () => void; flush: () => Promise<void> } {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  const run = () => {
    timer = null;
    running = running.then(() => refreshDerived(db, derive).then(() => undefined, onError));
    return running;
  };
  return {
    schedule() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void run(), delayMs);
      timer.unref();
    },
    async flush() {
      if (timer) {
        clearTimeout(timer);
        await run();
      } else await running;
    },
  };
}
