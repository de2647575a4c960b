/**
 * `npm run bench` (HTTP part): requests per second and latency of the meeting page and
 * the search API, 50 connections for 10 s each (autocannon), against `rapporteur serve`
 * running in its own process over the store left by the store benchmark (10,000 reports
 * on PGlite by default). The load generator runs on the same 2-core machine.
 *   tsx bench/http-bench.ts [DATA_DIR]
 */
import autocannon from "autocannon";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

const dataDir = process.argv[2] ?? join(tmpdir(), "rapporteur-bench-10000", "pglite-data");
if (!existsSync(dataDir)) {
  console.log(`http bench: skipped, no store at ${dataDir} (run the store bench first)`);
  process.exit(0);
}
for (const cached of [true, false]) {
  const server = spawn(
    process.execPath,
    ["bin/rapporteur.js", "serve", "--data", dataDir, "--port", "0"],
    {
      stdio: ["ignore", "ignore", "pipe"],
      env: { ...process.env, DATABASE_URL: "", RAPPORTEUR_NO_CACHE: cached ? "" : "1" },
    },
  );
  const base = await new Promise<string>((resolve, reject) => {
    let err = "";
    server.stderr.on("data", (d: Buffer) => {
      err += d.toString();
      const m = /serving (http:\/\/\S+?)\/? /.exec(err);
      if (m) resolve(m[1]!);
    });
    server.on("exit", () => reject(new Error(`server stopped: ${err}`)));
  });
  const meetings = (await (await fetch(`${base}/api/meetings?limit=200`)).json()) as {
    meetings: { id: number }[];
  };
  const ids = meetings.meetings.map((m) => m.id);
  const queries = [
    "budget",
    "secretariat proposal",
    '"shared responsibilities"',
    "survey OR training",
    "communic*",
    "outreach -budget",
  ];

  async function run(title: string, paths: string[]): Promise<void> {
    let i = 0;
    const result = await autocannon({
      url: base,
      connections: 50,
      duration: 10,
      requests: [{ setupRequest: (req) => ({ ...req, path: paths[i++ % paths.length]! }) }],
    });
    const l = result.latency;
    console.log(
      `  ${title.padEnd(30)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${l.p50} ms   p90 ${l.p90} ms   p97.5 ${l.p97_5} ms   p99 ${l.p99} ms   errors ${result.errors + result.non2xx}`,
    );
  }

  console.log(
    `HTTP benchmark: rapporteur serve (own process) over ${dataDir}, 50 connections, 10 s per route, response cache ${cached ? "on (default)" : "off"}`,
  );
  await run(
    "meeting page /meetings/:id",
    ids.map((id) => `/meetings/${id}`),
  );
  await run(
    "search API /api/search?q=",
    queries.map((q) => `/api/search?q=${encodeURIComponent(q)}`),
  );
  server.kill("SIGTERM");
  await new Promise((r) => server.once("exit", r));
}
