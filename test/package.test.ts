import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { execFileSync, spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ROOT } from "./helpers.js";

// The package as a user gets it: `npm pack` (which builds dist/), installed from the
// tarball into an empty folder, then run from there: extract, ingest and serve.
let dir: string, tgz: string, files: string[], install: string;
const npm = (args: string[], cwd: string) =>
  execFileSync("npm", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rapporteur-package-"));
  const packed = JSON.parse(npm(["pack", "--json", "--pack-destination", dir], ROOT)) as {
    filename: string;
    files: { path: string }[];
  }[];
  tgz = join(dir, packed[0]!.filename);
  files = packed[0]!.files.map((f) => f.path);
  const app = join(dir, "app");
  mkdirSync(app);
  writeFileSync(join(app, "package.json"), JSON.stringify({ name: "try", private: true }));
  // what npm says while installing, warnings included (npm writes them to stderr)
  const r = spawnSyncText(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", tgz],
    app,
  );
  install = r;
}, 600_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function spawnSyncText(cmd: string, args: string[], cwd: string): string {
  try {
    return execFileSync(cmd, args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    const x = e as { stdout?: string; stderr?: string };
    throw new Error(`${cmd} ${args.join(" ")} failed: ${x.stderr ?? ""}${x.stdout ?? ""}`, {
      cause: e,
    });
  }
}

describe("the packed package", () => {
  it("carries the built code and assets, not the tests, sources, fixtures' answers or benches", () => {
    expect(files).toContain("dist/cli/index.js");
    expect(files).toContain("dist/store/migrations/001_init.sql");
    expect(files).toContain("static/app.css");
    expect(files.some((f) => /^(test|bench|src|scripts)\//.test(f))).toBe(false);
    expect(files.some((f) => f.endsWith("expected.json"))).toBe(false);
    expect(files.some((f) => f.endsWith(".test.js"))).toBe(false);
  });

  it("installs on this Node without engine warnings and runs extract, ingest and serve", async () => {
    expect(install).not.toMatch(/EBADENGINE/);
    const app = join(dir, "app");
    const bin = join(app, "node_modules/.bin/rapporteur");
    const version = execFileSync(bin, ["--version"], { encoding: "utf8" }).trim();
    expect(version).toBe(JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).version);
    const report = join(ROOT, "fixtures/reports/youth-network-txt/input.txt");
    const record = JSON.parse(execFileSync(bin, ["extract", report], { encoding: "utf8" }));
    expect(record.number).toBe(7);
    const env = { ...process.env, DATABASE_URL: "" };
    const data = join(app, "data");
    const ingest = execFileSync(bin, ["ingest", report, "--data", data], {
      encoding: "utf8",
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    expect(ingest).toBe("");
    const server = spawn(bin, ["serve", "--data", data, "--port", "0"], {
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    try {
      const base = await new Promise<string>((resolve, reject) => {
        let err = "";
        server.stderr.on("data", (b: Buffer) => {
          err += b.toString();
          const m = /serving (http:\/\/\S+?)\/? /.exec(err);
          if (m) resolve(m[1]!);
        });
        server.on("exit", () => reject(new Error(`server stopped: ${err}`)));
      });
      const meetings = (await (await fetch(`${base}/api/meetings`)).json()) as {
        meetings: { number: number }[];
      };
      expect(meetings.meetings.map((m) => m.number)).toEqual([7]);
      expect((await fetch(`${base}/static/app.css`)).status).toBe(200);
    } finally {
      // the installed command serves from a child process: stopping it stops both
      const exited = new Promise((r) => server.once("exit", r));
      server.kill("SIGTERM");
      await exited;
    }
  });
});
