import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ingestFiles, type IngestSummary } from "../src/commands/ingest.js";
import { openStore } from "../src/store/open.js";
import { refreshDerived, derivedStale } from "../src/store/derived.js";
import { generateReport } from "../bench/generate.js";
import { cli } from "./helpers.js";
import { freshStore } from "./store-helpers.js";

// Several processes may share a PostgreSQL server: a file another process saved first
// counts as unchanged or updated, never as an error, and every process says what it did.
const run = process.env.TEST_DATABASE_URL ? describe : describe.skip;
let dir: string, files: string[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rapporteur-pgconc-"));
  mkdirSync(join(dir, "r"));
  files = [];
  for (let i = 0; i < 80; i++) {
    const r = generateReport(i);
    files.push(join(dir, "r", r.name));
    writeFileSync(files.at(-1)!, r.text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

run("concurrent ingests on PostgreSQL", () => {
  it("two connections ingesting the same files at once save each file once", async () => {
    const store = await freshStore("pg");
    const other = await openStore({ databaseUrl: store.url! });
    try {
      const a: IngestSummary = { new: 0, updated: 0, unchanged: 0, failed: [] },
        b: IngestSummary = { ...a, failed: [] };
      await Promise.all([ingestFiles(store.db, files, a), ingestFiles(other, files, b)]);
      expect(a.failed).toEqual([]);
      expect(b.failed).toEqual([]);
      expect(a.new + b.new).toBe(80);
      expect(a.new + a.updated + a.unchanged).toBe(80);
      expect(b.new + b.updated + b.unchanged).toBe(80);
      const { rows } = await store.db.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM meetings`,
      );
      expect(rows[0]!.n).toBe(80);
      // two rebuilds at once: one does the work, the other finds it done
      expect(await derivedStale(store.db)).toBe(true);
      const done = await Promise.all([refreshDerived(store.db, {}), refreshDerived(other, {})]);
      expect(done.filter(Boolean)).toHaveLength(1);
      expect(await derivedStale(store.db)).toBe(false);
    } finally {
      await other.close();
      await store.drop();
    }
  }, 120_000);

  it("four ingest processes at once all finish with a summary and exit 0", async () => {
    const store = await freshStore("pg");
    try {
      const env = { DATABASE_URL: store.url! };
      const runs = await Promise.all(
        [0, 1, 2, 3].map(() => cli(["ingest", join(dir, "r")], { env })),
      );
      for (const r of runs) {
        expect(r.code, r.stderr).toBe(0);
        expect(r.stderr).toMatch(
          /ingested 80 paths: \d+ new, \d+ updated, \d+ unchanged, 0 failed/,
        );
        expect(r.stderr).not.toMatch(/internal error/);
      }
      const news = runs.map((r) => Number(/(\d+) new/.exec(r.stderr)![1]));
      expect(news.reduce((x, y) => x + y, 0)).toBe(80);
      const exported = JSON.parse((await cli(["export"], { env })).stdout);
      expect(exported.meetings).toHaveLength(80);
    } finally {
      await store.drop();
    }
  }, 180_000);
});
