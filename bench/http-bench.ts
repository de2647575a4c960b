/**
 * `npm run bench` (HTTP part): requests per second and latency of the meeting page and
 * the search API at 50 connections, 10 s per route (autocannon), against `rapporteur serve`
 * in its own process: on the embedded store left by the PGlite store benchmark, with the
 * response cache on (the default) and off (every request computed, as a new query is); then,
 * when the PostgreSQL store benchmark left its database, one `serve` process against two on
 * two ports with the 50 connections split evenly. The load generator runs on the same 2 cores.
 *   tsx bench/http-bench.ts [DATA_DIR]
 */
import autocannon from "autocannon";
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";
import { QUERIES } from "./queries.js";

const dataDir = process.argv[2] ?? join(tmpdir(), "rapporteur-bench-10000", "pglite-data");
const SECONDS = Number(process.env.BENCH_HTTP_SECONDS ?? 10);

interface Server {
  base: string;
  child: ChildProcess;
}

async function start(store: { dataDir?: string; databaseUrl?: string }, cached: boolean) {
  // as the installed command serves (without the small young generation, see bin/)
  const args = ["bin/rapporteur.js", "serve", "--port", "0"];
  if (store.dataDir) args.push("--data", store.dataDir);
  const child = spawn(process.execPath, args, {
    stdio: ["ignore", "ignore", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: store.databaseUrl ?? "",
      RAPPORTEUR_NO_CACHE: cached ? "" : "1",
    },
  });
  const base = await new Promise<string>((resolve, reject) => {
    let err = "";
    child.stderr.on("data", (d: Buffer) => {
      err += d.toString();
      const m = /serving (http:\/\/\S+?)\/? /.exec(err);
      if (m) resolve(m[1]!);
    });
    child.on("exit", () => reject(new Error(`server stopped: ${err}`)));
  });
  return { base, child } satisfies Server;
}

async function stop(servers: Server[]): Promise<void> {
  for (const s of servers) {
    s.child.kill("SIGTERM");
    await new Promise((r) => s.child.once("exit", r));
  }
}

// A server runs for days: the first seconds of a process, while V8 still optimises the
// embedded server's WebAssembly and the routes' code, are run but not counted.
const WARMUP = Number(process.env.BENCH_HTTP_WARMUP ?? 3);

/** Runs the same paths against every server at once, the connections split evenly. */
async function run(title: string, servers: Server[], paths: string[]): Promise<void> {
  const load = (duration: number) =>
    Promise.all(
      servers.map((s, k) => {
        let i = k;
        return autocannon({
          url: s.base,
          connections: 50 / servers.length,
          duration,
          requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
        });
      }),
    );
  // Each path once, one at a time, as a server that has run a while has met them (the lists
  // and positions its queries read are loaded once per store version); how long that took
  // is printed: what the first readers of a freshly started server wait.
  let first = 0;
  if (WARMUP > 0) {
    const t = performance.now();
    for (const s of servers)
      for (const p of paths.slice(0, 200)) await fetch(s.base + p).then((r) => r.arrayBuffer());
    first = performance.now() - t;
    await load(WARMUP);
  }
  const results = await load(SECONDS);
  const rps = results.reduce((a, r) => a + r.requests.average, 0);
  const worst = (f: (r: autocannon.Result) => number) => Math.max(...results.map(f));
  const errors = results.reduce((a, r) => a + r.errors + r.non2xx, 0);
  console.log(
    `  ${title.padEnd(44)} ${rps.toFixed(0).padStart(6)} req/s   p50 ${worst((r) => r.latency.p50)} ms   p90 ${worst((r) => r.latency.p90)} ms   p99 ${worst((r) => r.latency.p99)} ms   errors ${errors}   (first request of each path, one at a time: ${first.toFixed(0)} ms in all)`,
  );
}

async function routes(servers: Server[], label: string): Promise<void> {
  const meetings = (await (await fetch(`${servers[0]!.base}/api/meetings?limit=200`)).json()) as {
    meetings: { id: number }[];
  };
  await run(
    `meeting page /meetings/:id${label}`,
    servers,
    meetings.meetings.map((m) => `/meetings/${m.id}`),
  );
  await run(
    `search API /api/search?q=${label}`,
    servers,
    QUERIES.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
  );
}

if (!existsSync(dataDir)) {
  console.log(`http bench: skipped, no store at ${dataDir} (run the store bench first)`);
} else {
  for (const cached of [true, false]) {
    console.log(
      `HTTP benchmark: rapporteur serve (own process) over ${dataDir}, 50 connections, ${SECONDS} s per route after ${WARMUP} s uncounted, response cache ${cached ? "on (default)" : "off"}`,
    );
    const s = await start({ dataDir }, cached);
    await routes([s], "");
    await stop([s]);
  }
}

// Scale-out: serve processes sharing one PostgreSQL (the database the pg store bench left).
const admin = process.env.TEST_DATABASE_URL;
if (!admin) {
  console.log("HTTP scale-out on PostgreSQL: skipped (set TEST_DATABASE_URL, see .ci/postgres.sh)");
} else {
  const u = new URL(admin);
  u.pathname = "/rapporteur_bench_10000";
  console.log(
    `HTTP scale-out on PostgreSQL (the pg store bench's database), response cache off, 50 connections in all, ${SECONDS} s per route after ${WARMUP} s uncounted`,
  );
  for (const n of [1, 2]) {
    const servers: Server[] = [];
    for (let i = 0; i < n; i++) servers.push(await start({ databaseUrl: u.toString() }, false));
    await routes(servers, ` (${n} process${n > 1 ? "es" : ""})`);
    await stop(servers);
  }
}
