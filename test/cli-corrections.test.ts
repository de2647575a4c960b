import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, ROOT } from "./helpers.js";

// `correct` and `history` through the real CLI, on the embedded driver.
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rapporteur-cli-corrections-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const env = { DATABASE_URL: "" };

describe("corrections on the command line", () => {
  it("corrects fields by FIELD=JSON, prints each change and the history, and names bad input", async () => {
    const data = join(dir, "data");
    const report = join(ROOT, "fixtures/reports/youth-network-txt/input.txt");
    expect((await cli(["ingest", report, "--data", data], { env })).code).toBe(0);
    const ok = await cli(
      [
        "correct",
        "input.txt",
        "number=8",
        'moderators=["Quilla Testwright"]',
        "--note",
        "the header was wrong",
        "--by",
        "Ada",
        "--data",
        data,
      ],
      { env },
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stdout).toContain("meeting 1 number: 8 (was 7)");
    expect(ok.stdout).toContain('moderators: ["Quilla Testwright"]');
    const people = await cli(["people", "--data", data], { env });
    expect(people.stdout).toContain("Quilla Testwright");
    const h = await cli(["history", "1", "--data", data], { env });
    expect(h.stdout).toMatch(/#1 .* UTC Ada: set number = 8 \(was 7\) — the header was wrong/);
    const register = await cli(["decisions", "--group", "NSYIGN", "--data", data], { env });
    expect(register.stdout).toContain("Participants agreed to hold the summer school in Tallinn.");
    const bad = await cli(["correct", "1", "colour=red", "--data", data], { env });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/colour: not a field that can be corrected/);
    const date = await cli(["correct", "1", "start=2025-02-30", "--data", data], { env });
    expect(date.code).toBe(2);
    expect(date.stderr).toMatch(/"2025-02-30" is not a date that exists/);
    const missing = await cli(["correct", "nope.txt", "number=1", "--data", data], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/meeting "nope.txt": no meeting/);
  });
});
