/**
 * `npm run bench` (HTTP part): requests per second and latency of the meeting page and
 * the search API, 50 connections for 10 s each (autocannon, in this process), over the
 * store left by the store benchmark (10,000 reports on PGlite by default).
 *   tsx bench/http-bench.ts [DATA_DIR]
 */
import autocannon from "autocannon";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { openStore } from "../src/store/open.js";
import { buildApp } from "../src/server/app.js";

const dataDir = process.argv[2] ?? join(tmpdir(), "rapporteur-bench-10000", "pglite-data");
if (!existsSync(dataDir)) { console.log(`http bench: skipped, no store at ${dataDir} (run the store bench first)`); process.exit(0); }
const db = await openStore({ dataDir });
const app = await buildApp({ db, now: () => new Date() });
await app.listen({ port: 0, host: "127.0.0.1" });
const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
const { rows } = await db.query<{ id: number }>(`SELECT id FROM meetings ORDER BY id`);
const ids = rows.map((r) => r.id);
const queries = ["budget", "secretariat proposal", '"shared responsibilities"', "survey OR training", "communic*", "outreach -budget"];

async function run(title: string, paths: string[]): Promise<void> {
  let i = 0;
  const result = await autocannon({
    url: base, connections: 50, duration: 10,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
  });
  const l = result.latency;
  console.log(`  ${title.padEnd(34)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${l.p50} ms   p90 ${l.p90} ms   p97.5 ${l.p97_5} ms   p99 ${l.p99} ms   errors ${result.errors + result.non2xx}`);
}

console.log(`HTTP benchmark over ${ids.length} meetings (50 connections, 10 s, load generator in the same process)`);
await run("meeting page /meetings/:id", Array.from({ length: 200 }, (_, k) => `/meetings/${ids[(k * 48271) % ids.length]}`));
await run("search API /api/search?q=", queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`));
await app.close();
await db.close();
