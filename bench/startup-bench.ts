// Start-up of the installed command (bin/rapporteur.js running dist/), as ratios to a bare
// `node -e 0` on the same machine, so the figures compare across machines. Needs
// `npm run build` first (npm run bench does it).
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const BIN = join(process.cwd(), "bin/rapporteur.js");
if (!existsSync(join(process.cwd(), "dist/cli/index.js"))) {
  console.log("start-up bench: skipped (run npm run build first)");
  process.exit(0);
}
const seeds = join(process.cwd(), "../shared/corpus/seeds");
const seed = existsSync(seeds)
  ? join(
      seeds,
      readdirSync(seeds).find((f) => f.endsWith(".txt"))!,
    )
  : join(process.cwd(), "fixtures/reports/youth-network-txt/input.txt");
const RUNS = 9;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
function time(args: string[]): number {
  const ts: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    execFileSync(process.execPath, args, { stdio: "ignore" });
    ts.push(performance.now() - s);
  }
  return median(ts);
}
const base = time(["-e", "0"]);
console.log(`start-up (median of ${RUNS}; node -e 0 takes ${base.toFixed(0)} ms here)`);
for (const [label, args, bar] of [
  ["--version", [BIN, "--version"], 5],
  ["--help", [BIN, "--help"], 5],
  ["extract one .txt report", [BIN, "extract", seed], 10],
] as const) {
  const t = time([...args]);
  console.log(
    `  ${label.padEnd(26)} ${t.toFixed(0).padStart(5)} ms = ${(t / base).toFixed(1)}x node -e 0 (bar ${bar}x)`,
  );
}
