import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, SHARED } from "./helpers.js";

// Real minutes of other bodies (../shared/corpus/real), extracted and ingested through the
// real CLI and scored by the shared scorer. The floors are what the extractor reached when
// they were set; raise them as it improves, never lower them.
const MIN_OVERALL = 0.97;
const MIN_FIELD = 0.85;
const MIN_PEOPLE_F1 = 0.9;

const REAL = join(SHARED, "corpus/real");
// the reports that have gold (not SOURCES.md or PEOPLE-NOTES.md)
// the scorer's --json output, less the "overall:" line it prints after it
const score = (gold: string, pred: string) => {
  const text = execFileSync(
    process.execPath,
    [join(SHARED, "eval/score.mjs"), gold, pred, "--json"],
    { encoding: "utf8" },
  );
  return JSON.parse(text.slice(0, text.lastIndexOf("}") + 1)) as {
    fields: Record<string, number>;
    overall: number;
    people: { pairwise: number; pairs: { fp: number } } | null;
  };
};
const reports = () =>
  readdirSync(join(REAL, "gold"))
    .filter((f) => f.endsWith(".json") && f !== "people.json")
    .map((f) => join(REAL, f.replace(/\.json$/, "")));

describe("real minutes of other bodies against their gold records", () => {
  it(`scores overall >= ${MIN_OVERALL} with every field >= ${MIN_FIELD}`, async () => {
    const out = mkdtempSync(join(tmpdir(), "rapporteur-real-"));
    try {
      const run = await cli(["extract", ...reports(), "--format", "json", "--out", out]);
      expect(run.code, run.stderr).toBe(0);
      const printed = score(join(REAL, "gold"), out);
      expect(printed.overall).toBeGreaterThanOrEqual(MIN_OVERALL);
      for (const [field, mean] of Object.entries(printed.fields))
        expect(mean, field).toBeGreaterThanOrEqual(MIN_FIELD);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it(`finds the same people across meetings (pairwise F1 >= ${MIN_PEOPLE_F1})`, async () => {
    const tmp = mkdtempSync(join(tmpdir(), "rapporteur-real-people-"));
    try {
      const data = join(tmp, "data"),
        gold = join(tmp, "gold"),
        pred = join(tmp, "pred");
      mkdirSync(gold);
      mkdirSync(pred);
      // the people gold alone: the scorer then compares every spelling it lists
      copyFileSync(join(REAL, "gold/people.json"), join(gold, "people.json"));
      const ingest = await cli(["ingest", ...reports(), "--data", data]);
      expect(ingest.code, ingest.stderr).toBe(0);
      const exported = await cli(["export", "--data", data]);
      expect(exported.code, exported.stderr).toBe(0);
      writeFileSync(
        join(pred, "people.json"),
        JSON.stringify((JSON.parse(exported.stdout) as { people: unknown[] }).people),
      );
      const printed = score(gold, pred);
      expect(printed.people!.pairwise).toBeGreaterThanOrEqual(MIN_PEOPLE_F1);
      // different people who share a first name or surname stay apart
      expect(printed.people!.pairs.fp).toBe(0);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 180_000);
});
