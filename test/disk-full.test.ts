import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./helpers.js";
import { generateReport } from "../bench/generate.js";

// A disk that fills during an ingest: one line, and the store opens afterwards with
// every meeting saved before. On a real small file system (a tmpfs, when this runs as
// root, as CI does), else with the failure injected where the driver writes.
let dir: string,
  reports: string,
  mounted = false;
const env = { DATABASE_URL: "" };
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rapporteur-full-"));
  reports = join(dir, "reports");
  mkdirSync(reports);
  for (let i = 0; i < 600; i++) {
    const r = generateReport(i);
    writeFileSync(join(reports, r.name), r.text);
  }
  mkdirSync(join(dir, "small"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=48m", "tmpfs", join(dir, "small")], {
      stdio: "ignore",
    });
    mounted = true;
  } catch {
    /* not allowed here: inject instead */
  }
});
afterAll(() => {
  if (mounted) execFileSync("umount", [join(dir, "small")]);
  rmSync(dir, { recursive: true, force: true });
});

describe("a full disk", () => {
  it("stops the ingest with one line and keeps every meeting saved before", async () => {
    const data = join(dir, "small", "store");
    const fault = mounted ? {} : { RAPPORTEUR_FAULT: "enospc:200" };
    const r = await cli(["ingest", reports, "--data", data], { env: { ...env, ...fault } });
    expect(r.code).toBe(3);
    const lines = r.stderr.split("\n").filter((l) => l && !/applied migration/.test(l));
    expect(lines).toHaveLength(1);
    const m = new RegExp(
      `^rapporteur: no space left on device \\(${data}\\); (\\d+) reports were saved before it filled and are kept`,
    ).exec(lines[0]!);
    expect(m, lines[0]).not.toBeNull();
    const saved = Number(m![1]);
    expect(saved).toBeGreaterThan(0);
    if (mounted) execFileSync("mount", ["-o", "remount,size=400m", join(dir, "small")]);
    const exported = JSON.parse((await cli(["export", "--data", data], { env })).stdout);
    expect(exported.meetings).toHaveLength(saved);
    const again = await cli(["ingest", reports, "--data", data], { env });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(
      `ingested 600 paths: ${600 - saved} new, 0 updated, ${saved} unchanged, 0 failed`,
    );
    const people = JSON.parse(
      (await cli(["people", "--format", "json", "--data", data], { env })).stdout,
    );
    expect(people.length).toBeGreaterThan(0);
  }, 240_000);
});
