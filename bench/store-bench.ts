/**
 * `npm run bench` (store part): ingest N generated reports (default 10,000) into one
 * driver, then time a fixed set of searches, and `rg -il` over the same reports as
 * text files. Run once per driver, in its own process, so peak RSS is the driver's.
 *   tsx bench/store-bench.ts pglite|pg [N]
 */
import { correctMeeting } from "../src/commands/correct.js";
import { OWNER } from "../src/model/viewer.js";
import { mkdirSync, writeFileSync, rmSync, existsSync, readdirSync, statSync } from "node:fs";
import { execFileSync, spawnSync } from "node:child_process";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { generateReport } from "./generate.js";
import { QUERIES } from "./queries.js";
import { openStore } from "../src/store/open.js";
import { PGLITE_SETTINGS } from "../src/store/pglite/index.js";
import { ingestFiles, refreshDerived } from "../src/commands/ingest.js";
import { loadConfig, derivationOf } from "../src/runtime/store-access.js";
import { planSearch, search } from "../src/store/search.js";
import { rankAll, topK } from "../src/store/top-k.js";
import { LIST_BUDGET, PostingCache } from "../src/store/posting-cache.js";

const driver = (process.argv[2] ?? "pglite") as "pglite" | "pg";
const count = Number(process.argv[3] ?? process.env.BENCH_STORE_REPORTS ?? 10_000);
const root = join(tmpdir(), `rapporteur-bench-${count}`);
const textDir = join(root, "reports");

function writeReports(): number {
  if (existsSync(join(textDir, ".done")))
    return readdirSync(textDir)
      .filter((f) => f.endsWith(".txt"))
      .reduce((a, f) => a + statSync(join(textDir, f)).size, 0);
  rmSync(textDir, { recursive: true, force: true });
  mkdirSync(textDir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const r = generateReport(i);
    writeFileSync(join(textDir, r.name), r.text);
    bytes += Buffer.byteLength(r.text);
  }
  writeFileSync(join(textDir, ".done"), "");
  return bytes;
}

const pct = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const du = (dir: string) =>
  Number(execFileSync("du", ["-sb", dir], { encoding: "utf8" }).split("\t")[0]);

const rawBytes = writeReports();
let loc: { dataDir?: string; databaseUrl?: string };
const dataDir = join(root, "pglite-data");
if (driver === "pglite") {
  rmSync(dataDir, { recursive: true, force: true });
  loc = { dataDir };
} else {
  if (!process.env.TEST_DATABASE_URL) {
    console.log("store bench on pg: skipped (set TEST_DATABASE_URL, see .ci/postgres.sh)");
    process.exit(0);
  }
  const admin = process.env.TEST_DATABASE_URL;
  execFileSync("psql", [
    admin,
    "-qc",
    `DROP DATABASE IF EXISTS rapporteur_bench_${count} WITH (FORCE)`,
    "-c",
    `CREATE DATABASE rapporteur_bench_${count}`,
  ]);
  const u = new URL(admin);
  u.pathname = `/rapporteur_bench_${count}`;
  loc = { databaseUrl: u.toString() };
}
// A new embedded store is created by a short child process (initdb's memory stays out of
// the process that ingests); it is run here the same way to report its own peak.
if (driver === "pglite") {
  const atExit =
    "data:text/javascript,process.on('exit',()=>console.log(process.resourceUsage().maxRSS))";
  const init = spawnSync(
    process.execPath,
    [
      "--import",
      atExit,
      "src/store/pglite/create-data-dir.mjs",
      String(process.pid),
      dataDir,
      ...PGLITE_SETTINGS,
    ],
    { encoding: "utf8" },
  );
  console.log(
    `(store created by its child process: peak RSS ${(Number(init.stdout.trim().split("\n").pop()) / 1024).toFixed(0)} MB)`,
  );
}
const db = await openStore(loc);
const files = readdirSync(textDir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => join(textDir, f));
const summary = {
  new: 0,
  updated: 0,
  unchanged: 0,
  failed: [] as { path: string; reason: string }[],
};
const t0 = performance.now();
await ingestFiles(db, files, summary);
const tIngest = (performance.now() - t0) / 1000;
const ingestRss = process.resourceUsage().maxRSS;
const t1 = performance.now();
await refreshDerived(db, derivationOf(await loadConfig(process.cwd())));
const tPeople = (performance.now() - t1) / 1000;
if (driver === "pglite") await db.query("CHECKPOINT");
const sections = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM sections")).rows[0]!
  .n;

console.log(
  `store benchmark on ${driver}: ${count} reports (${(rawBytes / 1048576).toFixed(1)} MB of text), ${sections} searchable sections`,
);
console.log(
  `  ingest:        ${tIngest.toFixed(1)} s (${(count / tIngest).toFixed(0)} reports/s), ${summary.failed.length} failed; then people, glossary and statistics ${tPeople.toFixed(1)} s (what rapporteur ingest does after the files)`,
);
console.log(
  `  peak RSS:      ${(ingestRss / 1024).toFixed(0)} MB while ingesting the files, ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB after people, glossary and statistics`,
);
const size =
  driver === "pglite"
    ? du(dataDir)
    : (await db.query<{ n: number }>("SELECT pg_database_size(current_database())::float8 AS n"))
        .rows[0]!.n;
console.log(
  `  store size:    ${(size / 1048576).toFixed(0)} MB = ${(size / rawBytes).toFixed(2)}x the raw text`,
);

const hasRg = spawnSync("rg", ["--version"]).status === 0;
console.log(
  `  search (top 20 with snippets, 30 runs each after 5 warm-up rounds)   p50 ms   p95 ms   kept p50   kept p95   hits   matches   top-20 agreement   rank-all p50 ms${hasRg ? "   rg -il ms   ratio p95/rg" : ""}`,
);
console.log(
  `  (p50/p95: lists read from the store, as the CLI reads them; kept: as a serving process reads them, from posting lists kept in memory; agreement holds for both)`,
);
const kept = new PostingCache();
// Steady state, as in a running server: V8 optimises the embedded server's WebAssembly in
// its first seconds of use, when even `SELECT 1` stalls by 4-13 ms now and then.
for (let r = 0; r < 5; r++)
  for (const q of QUERIES) {
    await search(db, OWNER, { q });
    await search(db, OWNER, { q }, kept);
  }
for (const q of QUERIES) {
  for (let i = 0; i < 3; i++) await search(db, OWNER, { q });
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < 30; i++) {
    const s = performance.now();
    hits = (await search(db, OWNER, { q })).length;
    times.push(performance.now() - s);
  }
  const keptTimes: number[] = [];
  for (let i = 0; i < 30; i++) {
    const s = performance.now();
    await search(db, OWNER, { q }, kept);
    keptTimes.push(performance.now() - s);
  }
  // agreement: the threshold algorithm's top 20 against ranking every match by the same function
  const plan = await planSearch(db, OWNER, { q });
  let agree = "     -",
    all = "     -",
    matches = 0;
  if (plan) {
    const fast = await topK(db, plan);
    const fromMemory = await topK(db, plan, kept);
    const s0 = performance.now();
    const full = await rankAll(db, plan);
    all = (performance.now() - s0).toFixed(1);
    const ids = new Set(full.map((x) => x.id));
    agree = full.length
      ? (fast.filter((x) => ids.has(x.id)).length / full.length).toFixed(2)
      : "1.00";
    const same = (x: unknown) => JSON.stringify(x) === JSON.stringify(full);
    if (same(fast) && same(fromMemory)) agree += " (same order)";
    else if (!same(fromMemory)) agree += " (kept lists differ)";
    matches = (
      await db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM sections s JOIN meetings m ON m.id = s.meeting_id WHERE s.tsv @@ $1::tsquery ${plan.where}`,
        [plan.query, ...plan.params],
      )
    ).rows[0]!.n;
  }
  let rg = "";
  if (hasRg) {
    const words = q
      .replace(/["*]/g, "")
      .split(/\s+/)
      .filter((w) => w && !w.startsWith("-") && w !== "OR");
    const pattern = q.includes('"') ? words.join(" ") : words.join("|");
    spawnSync("rg", ["-il", pattern, textDir]);
    const rt: number[] = [];
    for (let i = 0; i < 5; i++) {
      const s = performance.now();
      spawnSync("rg", ["-il", pattern, textDir], { maxBuffer: 1 << 28 });
      rt.push(performance.now() - s);
    }
    rg = `   ${pct(rt, 50).toFixed(1).padStart(9)}   ${(pct(times, 95) / pct(rt, 50)).toFixed(2).padStart(12)}`;
  }
  console.log(
    `  ${q.padEnd(46)} ${pct(times, 50).toFixed(1).padStart(6)}   ${pct(times, 95).toFixed(1).padStart(6)}   ${pct(keptTimes, 50).toFixed(1).padStart(8)}   ${pct(keptTimes, 95).toFixed(1).padStart(8)}   ${String(hits).padStart(4)}   ${String(matches).padStart(7)}   ${agree.padStart(16)}   ${all.padStart(15)}${rg}`,
  );
}
console.log(
  `  kept lists:    ${kept.size.toLocaleString("en")} postings held for these queries (budget ${LIST_BUDGET.toLocaleString("en")}); peak RSS now ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`,
);
// An editor's correction: one meeting's rows rewritten at once; people rebuilt after a
// burst of them (the server waits 1.5 s of quiet), never once per edit.
{
  const ids = (await db.query<{ id: number }>(`SELECT id FROM meetings ORDER BY id LIMIT 20`)).rows;
  const times: number[] = [];
  for (const [i, { id }] of ids.entries()) {
    const m = (
      await db.query<{ record: { participants: unknown[] } }>(
        `SELECT record FROM meetings WHERE id = $1`,
        [id],
      )
    ).rows[0]!;
    const s = performance.now();
    await correctMeeting(
      db,
      { editor: "bench" },
      {
        id,
        patch: {
          number: 9000 + i,
          participants: [
            ...(m.record.participants as never[]),
            { name: `Bench Person ${i}`, affiliation: null, roles: [] },
          ],
        },
      },
    );
    times.push(performance.now() - s);
  }
  const s = performance.now();
  await refreshDerived(db, derivationOf(await loadConfig(process.cwd())));
  console.log(
    `  correction:    p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms per meeting (number + participant list); then people for the burst ${((performance.now() - s) / 1000).toFixed(1)} s`,
  );
}
await db.close();
