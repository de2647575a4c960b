import { describe, expect, it, beforeAll, afterAll } from "vitest";
import {
  mkdtempSync,
  mkdirSync,
  rmSync,
  writeFileSync,
  readFileSync,
  existsSync,
  readdirSync,
  copyFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, ROOT, SHARED } from "./helpers.js";

// The store commands through the real CLI, on the embedded driver in a temporary folder.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rapporteur-cli-store-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { DATABASE_URL: "" };

describe("store commands", () => {
  it("ingests, skips unchanged files, searches, lists people, exports and imports", async () => {
    const data = join(dir, "data");
    const bad = join(dir, "bad.txt");
    writeFileSync(bad, "");
    const first = await cli(
      [
        "ingest",
        join(SHARED, "corpus/seeds"),
        join(ROOT, "fixtures/reports/*/input.md"),
        bad,
        "--data",
        data,
      ],
      { env },
    );
    expect(first.stderr).toContain("applied migration 001_init.sql");
    expect(first.stderr).toMatch(/ingested 7 paths: 6 new, 0 updated, 0 unchanged, 1 failed/);
    expect(first.stderr).toMatch(/failed: bad\.txt: the file is empty/);
    expect(first.code).toBe(1);
    // the same report under another name is the same meeting, counted unchanged
    const copy = join(dir, "renamed-copy.md");
    copyFileSync(join(ROOT, "fixtures/reports/steering-board-md/input.md"), copy);
    const again = await cli(["ingest", join(SHARED, "corpus/seeds"), copy, "--data", data], {
      env,
    });
    expect(again.stderr).toMatch(/6 unchanged/);
    expect(again.stderr).toMatch(
      /renamed-copy\.md: same content as .*steering-board-md\/input\.md/,
    );
    expect(again.code).toBe(0);

    const hits = await cli(["search", "leadership", "panel", "--format", "json", "--data", data], {
      env,
    });
    expect(JSON.parse(hits.stdout)[0]).toMatchObject({ title: "IGF Leadership Panel" });
    const people = JSON.parse(
      (await cli(["people", "--format", "json", "--data", data], { env })).stdout,
    );
    expect(people.find((p: { name: string }) => p.name === "Concettina Cassa").aliases).toContain(
      "Titti Cassa",
    );

    const merged = await cli(
      ["people", "merge", "Margaret Okafor", "Tomasz Wójcik", "--data", data],
      { env },
    );
    expect(merged.stdout).toContain("Merged");
    expect(
      (await cli(["people", "merge", "Nobody", "Tomasz Wójcik", "--data", data], { env })).stderr,
    ).toMatch(/"Nobody": nobody of that name/);

    const exported = await cli(["export", "--data", data], { env });
    const file = join(dir, "backup.json");
    writeFileSync(file, exported.stdout);
    const restored = join(dir, "restored");
    expect((await cli(["import", file, "--data", restored], { env })).code).toBe(0);
    expect((await cli(["export", "--data", restored], { env })).stdout).toBe(exported.stdout);
    expect((await cli(["import", file, "--data", restored], { env })).stderr).toMatch(
      /already holds meetings/,
    );
    expect(JSON.parse(readFileSync(file, "utf8")).meetings).toHaveLength(6);
  }, 300_000); // a dozen CLI runs, each opening the embedded store: slow on a busy 2-core machine

  it("names the folder and the reason when a store cannot be created there", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    const r = await cli(["people", "--data", join(file, "store")], { env });
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(
      /cannot create the data folder .*a-file\/store \(ENOTDIR.*\); check that its parent folder exists and is writable/,
    );
  });

  it("makes a store in an empty folder the user created, leaving nothing half-made beside it", async () => {
    const parent = join(dir, "made-by-user");
    const data = join(parent, "store");
    mkdirSync(data, { recursive: true });
    const r = await cli(["people", "--data", data], { env });
    expect(r.code).toBe(0);
    expect(existsSync(join(data, "PG_VERSION"))).toBe(true);
    expect(readdirSync(parent)).toEqual(["store"]);
  });
});
