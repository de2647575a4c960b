import cliProgress from "cli-progress";
import { basename } from "node:path";
import type { Progress } from "../runtime/progress.js";

/** A progress bar on standard error when it is a terminal; nothing otherwise (logs, CI). */
export function terminalProgress(label: string): Progress {
  if (!process.stderr.isTTY) return { start() {}, tick() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      format: `${label} [{bar}] {value}/{total} {file}`,
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  return {
    start: (total) => bar.start(total, 0, { file: "" }),
    tick: (file) => bar.increment(1, { file: basename(file).slice(0, 40) }),
    stop: () => bar.stop(),
  };
}
