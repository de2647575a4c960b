import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, copyFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { randomBytes } from "node:crypto";
import { cli, ROOT, SHARED } from "./helpers.js";
import { generateReport, rng } from "../bench/generate.js";

// kill -9 at reproducible moments (RAPPORTEUR_FAULT, see src/store/fault.ts): while a new
// store is made, after the first and a middle save, and half-way through each rebuild.
// After one more plain `ingest` the export must equal that of a clean ingest. More
// trials, at random moments: RAPPORTEUR_CRASH_TRIALS=N npm test -- crash.
let dir: string, reports: string, clean: Record<"pglite" | "pg", string | null>;
const PG = process.env.TEST_DATABASE_URL;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "rapporteur-crash-"));
  reports = join(dir, "reports");
  mkdirSync(reports);
  for (const f of readdirSync(join(SHARED, "corpus/seeds")))
    copyFileSync(join(SHARED, "corpus/seeds", f), join(reports, f));
  for (const f of readdirSync(join(ROOT, "examples/odsb")))
    copyFileSync(join(ROOT, "examples/odsb", f), join(reports, f));
  for (let i = 0; i < 30; i++) {
    const r = generateReport(i);
    writeFileSync(join(reports, r.name), r.text);
  }
  clean = { pglite: null, pg: null };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Driver = "pglite" | "pg";

/** A new empty store on `driver`: its CLI environment and a way to drop it. */
async function newStore(
  driver: Driver,
): Promise<{ args: string[]; env: NodeJS.ProcessEnv; drop(): Promise<void> }> {
  if (driver === "pglite") {
    const data = join(dir, `store-${randomBytes(4).toString("hex")}`);
    return {
      args: ["--data", data],
      env: { DATABASE_URL: "" },
      drop: async () => rmSync(data, { recursive: true, force: true }),
    };
  }
  const admin = new pg.Client({ connectionString: PG });
  await admin.connect();
  const name = `rapporteur_crash_${randomBytes(4).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(PG!);
  url.pathname = `/${name}`;
  return {
    args: [],
    env: { DATABASE_URL: url.toString() },
    drop: async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

async function cleanExport(driver: Driver): Promise<string> {
  if (clean[driver]) return clean[driver];
  const store = await newStore(driver);
  const r = await cli(["ingest", reports, ...store.args], { env: store.env });
  expect(r.code, r.stderr).toBe(0);
  const out = (await cli(["export", ...store.args], { env: store.env })).stdout;
  await store.drop();
  return (clean[driver] = out);
}

async function trial(driver: Driver, fault: string): Promise<void> {
  const store = await newStore(driver);
  try {
    const crashed = await cli(["ingest", reports, ...store.args], {
      env: { ...store.env, RAPPORTEUR_FAULT: fault },
    });
    // SIGKILL: execFile reports no exit code; our helper says 1, the shell would say 137
    expect(crashed.stderr, `${fault}: the run was not killed`).not.toMatch(/ingested \d+ paths/);
    const again = await cli(["ingest", reports, ...store.args], { env: store.env });
    expect(again.code, `${fault}: ${again.stderr}`).toBe(0);
    const exported = await cli(["export", ...store.args], { env: store.env });
    expect(
      exported.stdout === (await cleanExport(driver)),
      `${fault}: export differs from a clean ingest's`,
    ).toBe(true);
  } finally {
    await store.drop();
  }
}

const FAULTS: Record<Driver, string[]> = {
  pglite: ["create:2500", "create:4500", "save:1", "save:17", "rebuild-people", "rebuild-glossary"],
  pg: ["save:1", "save:20", "rebuild-people", "rebuild-glossary", "save:37"],
};

describe("a kill -9 at any moment loses nothing", () => {
  for (const driver of ["pglite", "pg"] as const) {
    const run = driver === "pg" && !PG ? it.skip : it;
    for (const fault of FAULTS[driver]) {
      run(
        `${driver}: killed at ${fault}, then ingested again, equals a clean ingest`,
        () => trial(driver, fault),
        120_000,
      );
    }
    const extra = Number(process.env.RAPPORTEUR_CRASH_TRIALS ?? 0);
    if (extra > 0) {
      run(
        `${driver}: ${extra} kills at seeded random moments`,
        async () => {
          const r = rng(42);
          const points = [
            "save",
            "save",
            "save",
            "rebuild-people",
            "rebuild-glossary",
            ...(driver === "pglite" ? ["create"] : []),
          ];
          for (let i = 0; i < extra; i++) {
            const p = points[Math.floor(r() * points.length)]!;
            await trial(
              driver,
              p === "save"
                ? `save:${1 + Math.floor(r() * 37)}`
                : p === "create"
                  ? `create:${1500 + Math.floor(r() * 4000)}`
                  : p,
            );
          }
        },
        120_000 * extra,
      );
    }
  }
});
