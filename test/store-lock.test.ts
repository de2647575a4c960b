import { describe, expect, it, beforeAll, afterAll } from "vitest";
import {
  mkdtempSync,
  mkdirSync,
  rmSync,
  writeFileSync,
  existsSync,
  readFileSync,
  statSync,
} from "node:fs";
import { spawn, type ChildProcess } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, cli, SHARED } from "./helpers.js";
import { generateReport } from "../bench/generate.js";

// One writer per embedded store: a second process is told who holds it at once, and a
// running server carries out the other commands itself.
let dir: string, many: string;
const env = { DATABASE_URL: "" };
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rapporteur-lock-"));
  many = join(dir, "many");
  mkdirSync(many);
  for (let i = 0; i < 120; i++) {
    const r = generateReport(i);
    writeFileSync(join(many, r.name), r.text);
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Starts `rapporteur serve` in its own process; resolves once it serves. */
function serve(
  data: string,
): Promise<{ url: string; proc: ChildProcess; stop(signal?: NodeJS.Signals): Promise<void> }> {
  const proc = spawn(process.execPath, [BIN, "serve", "--data", data, "--port", "0"], {
    env: { ...process.env, ...env },
  });
  let err = "";
  return new Promise((resolve, reject) => {
    proc.stderr.on("data", (b: Buffer) => {
      err += b.toString();
      const m = /serving (http:\/\/\S+?)\/? /.exec(err);
      if (m)
        resolve({
          url: m[1]!,
          proc,
          stop: (signal = "SIGTERM") =>
            new Promise((r) => {
              proc.once("exit", () => r());
              proc.kill(signal);
            }),
        });
    });
    proc.once("exit", (code) => reject(new Error(`serve exited (${code}): ${err}`)));
  });
}

const waitFor = async (check: () => boolean, ms = 60_000) => {
  for (const end = Date.now() + ms; Date.now() < end; await new Promise((r) => setTimeout(r, 50)))
    if (check()) return;
  throw new Error("timed out");
};

describe("one writer per embedded store", () => {
  it("carries out ingest, search and export through a running server, whose pages show the new meetings at once", async () => {
    const data = join(dir, "served");
    const server = await serve(data);
    try {
      expect((await (await fetch(`${server.url}/api/meetings`)).json()).meetings).toHaveLength(0);
      const r = await cli(["ingest", join(SHARED, "corpus/seeds"), "--data", data], { env });
      expect(r.stderr).toMatch(/ingested 5 paths: 5 new/);
      expect(r.code).toBe(0);
      expect((await (await fetch(`${server.url}/api/meetings`)).json()).meetings).toHaveLength(5);
      const hits = await cli(
        ["search", "leadership", "panel", "--format", "json", "--data", data],
        { env },
      );
      expect(JSON.parse(hits.stdout)[0]).toMatchObject({ title: "IGF Leadership Panel" });
      const second = await cli(["serve", "--data", data, "--port", "0"], { env });
      expect(second.code).toBe(4);
      expect(second.stderr).toMatch(
        new RegExp(
          `in use by \`rapporteur serve .*\` \\(pid ${server.proc.pid}\\); stop that server first`,
        ),
      );
      // the socket is for this user alone
      expect(statSync(join(data, "rapporteur.sock")).mode & 0o077).toBe(0);
    } finally {
      await server.stop();
    }
    expect(existsSync(join(data, "rapporteur.lock"))).toBe(false);
    const exported = JSON.parse((await cli(["export", "--data", data], { env })).stdout);
    expect(exported.meetings).toHaveLength(5);
  }, 120_000);

  it("tells a second ingest who holds the store, and a server killed with -9 holds nothing", async () => {
    const data = join(dir, "busy");
    const first = spawn(process.execPath, [BIN, "ingest", many, "--data", data], {
      env: { ...process.env, ...env },
    });
    const done = new Promise<number>((r) => first.once("exit", (c) => r(c ?? -1)));
    await waitFor(() => existsSync(join(data, "rapporteur.lock")));
    const started = Date.now();
    const second = await cli(["ingest", join(SHARED, "corpus/seeds"), "--data", data], { env });
    expect(second.code).toBe(4);
    expect(second.stderr.trim().split("\n")).toHaveLength(1);
    expect(second.stderr).toMatch(
      new RegExp(
        `in use by \`rapporteur ingest .*\` \\(pid ${first.pid}\\); wait for it to finish`,
      ),
    );
    expect(Date.now() - started).toBeLessThan(5_000); // a CLI start on a busy machine, then at once
    expect(await done).toBe(0);

    const server = await serve(data);
    await server.stop("SIGKILL");
    const lock = JSON.parse(readFileSync(join(data, "rapporteur.lock"), "utf8"));
    expect(lock.pid).toBe(server.proc.pid); // left behind by the killed server…
    const after = await cli(["ingest", join(SHARED, "corpus/seeds"), "--data", data], { env });
    expect(after.code, after.stderr).toBe(0); // …and recognised as stale at once
    expect(after.stderr).toMatch(/5 new/);
    expect(
      JSON.parse((await cli(["export", "--data", data], { env })).stdout).meetings,
    ).toHaveLength(125);
  }, 180_000);
});
