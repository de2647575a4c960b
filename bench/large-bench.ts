/**
 * `BENCH_LARGE=1 npm run bench` (opt-in, about an hour on 2 cores): the store benchmark on
 * PostgreSQL at 100,000 generated reports — ingest time, store size, peak RSS, and search
 * latency with top-20 agreement at that size. Skipped unless asked for.
 *   BENCH_LARGE=1 tsx bench/large-bench.ts [N]
 */
import { spawnSync } from "node:child_process";

const n = process.argv[2] ?? process.env.BENCH_LARGE_REPORTS ?? "100000";
if (process.env.BENCH_LARGE !== "1") {
  console.log(`store bench on pg at ${n} reports: skipped (opt in with BENCH_LARGE=1)`);
} else if (!process.env.TEST_DATABASE_URL) {
  console.log(
    `store bench on pg at ${n} reports: skipped (set TEST_DATABASE_URL, see .ci/postgres.sh)`,
  );
} else {
  const r = spawnSync(
    process.execPath,
    ["--max-semi-space-size=2", "--import", "tsx", "bench/store-bench.ts", "pg", n],
    { stdio: "inherit" },
  );
  process.exitCode = r.status ?? 1;
}
