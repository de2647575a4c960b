import { describe, expect, it, beforeAll, afterAll } from "vitest";
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  copyFileSync,
} from "node:fs";
import { execFile } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BIN, cli, ROOT, SHARED } from "../helpers.js";
import { deepHtml, docxBomb, manyPagePdf } from "./inputs.js";
import { ExtractPool } from "../../src/runtime/extract-pool.js";
import { LIMITS } from "../../src/model/limits.js";
import { buildApp } from "../../src/server/app.js";
import { freshStore } from "../store-helpers.js";
import { createToken } from "../../src/store/tokens.js";

// Inputs that would cost a naive reader minutes and gigabytes: each fails alone, with
// one line that says why, and the process (or server) goes on. Peak memory per input is
// printed by `npm run bench` (bench/hostile-bench.ts), not asserted here.
let dir: string;
const SEED = join(SHARED, "corpus/seeds/000_c04474f5fd3532a6.txt");
const env = { DATABASE_URL: "" };
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rapporteur-hostile-"));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, "pages.pdf"), manyPagePdf(3_000));
  writeFileSync(join(dir, "bomb.docx"), docxBomb(120));
  writeFileSync(join(dir, "liar.docx"), docxBomb(120, true));
  writeFileSync(join(dir, "deep.html"), deepHtml(20_000));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("hostile inputs", () => {
  it("refuses each over-limit file with one line, and extracts the good one beside them", async () => {
    const files = ["pages.pdf", "bomb.docx", "liar.docx", "deep.html"].map((f) => join(dir, f));
    const r = await cli(["extract", ...files, SEED, "--out", join(dir, "out")], { env });
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toEqual([
      "rapporteur: pages.pdf: has 3,000 pages, more than the 2,000 a report may have; is it the right file?",
      expect.stringMatching(/^rapporteur: bomb\.docx: its text would inflate to more than 50 MB/),
      expect.stringMatching(/^rapporteur: liar\.docx: its text would inflate to more than 50 MB/),
      "rapporteur: deep.html: nested too deeply (more than 500 levels of elements); is it the right file?",
      "rapporteur: wrote 1 record to " + join(dir, "out") + ", 4 failed",
    ]);
  }, 120_000);

  it("ingests the good report of a hostile folder into an existing store and names each bad one", async () => {
    const folder = join(dir, "mixed");
    mkdirSync(folder);
    for (const f of ["pages.pdf", "bomb.docx", "deep.html"])
      copyFileSync(join(dir, f), join(folder, f));
    copyFileSync(SEED, join(folder, "seed.txt"));
    // a link loop: each real file is visited once
    symlinkSync(folder, join(folder, "again"));
    const data = join(dir, "store");
    const r = await cli(["ingest", folder, "--data", data], { env });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/ingested 4 paths: 1 new, 0 updated, 0 unchanged, 3 failed/);
    expect(r.stderr).toMatch(/failed: pages\.pdf: has 3,000 pages/);
    expect(r.stderr).toMatch(/failed: bomb\.docx: its text would inflate/);
    expect(r.stderr).toMatch(/failed: deep\.html: nested too deeply/);
  }, 120_000);

  it("reads UTF-16 without a byte-order mark, and a text with a few stray NUL bytes", async () => {
    const text = readFileSync(SEED, "utf8");
    writeFileSync(join(dir, "utf16.txt"), Buffer.from(text, "utf16le"));
    writeFileSync(
      join(dir, "nuls.txt"),
      text.replace("\n\n", "\n\0\n").replace("Agenda", "Age\0nda\0"),
    );
    const plain = JSON.parse((await cli(["extract", SEED], { env })).stdout);
    for (const f of ["utf16.txt", "nuls.txt"]) {
      const r = await cli(["extract", join(dir, f)], { env });
      expect(r.code, r.stderr).toBe(0);
      const rec = JSON.parse(r.stdout);
      expect({ ...rec, source: plain.source, provenance: null }).toEqual({
        ...plain,
        provenance: null,
      });
    }
  }, 60_000);

  it("says permission denied for a file it may not read", async () => {
    const file = join(dir, "secret.txt");
    copyFileSync(SEED, file);
    chmodSync(file, 0o000);
    // root reads any file: then the CLI runs as an unprivileged user
    const asRoot = process.getuid?.() === 0;
    const r = await new Promise<{ code: number; stderr: string }>((resolve) => {
      const [cmd, args] = asRoot
        ? ["runuser", ["-u", "nobody", "--", process.execPath, BIN, "extract", file]]
        : [process.execPath, [BIN, "extract", file]];
      execFile(
        cmd,
        args,
        { cwd: ROOT, env: { ...process.env, ...env, HOME: dir } },
        (err, _out, stderr) =>
          resolve({ code: (err as { code?: number } | null)?.code ?? 0, stderr }),
      );
    });
    expect(r.stderr.trim()).toBe(
      `rapporteur: ${file}: permission denied; check the file's permissions (or run as a user who may read it)`,
    );
    expect(r.code).toBe(2);
  }, 60_000);

  it("stops a report that runs out of time or memory, and goes on with the next", async () => {
    const good = readFileSync(SEED);
    const big = Buffer.from(readFileSync(SEED, "utf8").repeat(1_200));
    const slow = new ExtractPool(undefined, { ...LIMITS, fileMs: 1 });
    await expect(
      slow.extract({ bytes: big, source: "big.txt", path: "big.txt", sha256: "" }),
    ).rejects.toThrow("big.txt: took longer than 0.001 s to read, the limit for one report");
    await slow.close();
    const small = new ExtractPool(undefined, { ...LIMITS, readerHeapMb: 48 });
    await expect(
      small.extract({ bytes: big, source: "big.txt", path: "big.txt", sha256: "" }),
    ).rejects.toThrow("big.txt: needs more than 48 MB to read");
    expect(
      (await small.extract({ bytes: good, source: "good.txt", path: "good.txt", sha256: "" }))
        .number,
    ).toBeTypeOf("number");
    await small.close();
  }, 120_000);

  it("answers 422 to an uploaded .docx bomb and keeps serving", async () => {
    const { db, drop } = await freshStore("pglite");
    const app = await buildApp({ db, now: () => new Date("2026-01-01T00:00:00Z") });
    try {
      const token = await createToken(db, "Editor");
      const boundary = "----rapporteur";
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="bomb.docx"\r\nContent-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document\r\n\r\n`,
        ),
        readFileSync(join(dir, "liar.docx")),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const res = await app.inject({
        method: "POST",
        url: "/api/meetings",
        headers: {
          authorization: `Bearer ${token}`,
          "content-type": `multipart/form-data; boundary=${boundary}`,
        },
        payload: body,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().message).toMatch(/bomb\.docx: its text would inflate to more than 50 MB/);
      expect((await app.inject({ method: "GET", url: "/api/meetings" })).statusCode).toBe(200);
    } finally {
      await app.close();
      await drop();
    }
  }, 60_000);
});
