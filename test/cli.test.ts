import { describe, expect, it, beforeAll, afterAll } from "vitest";
import {
  mkdtempSync,
  writeFileSync,
  mkdirSync,
  rmSync,
  readFileSync,
  readdirSync,
  truncateSync,
  openSync,
  closeSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, ROOT } from "./helpers.js";

const EX = join(ROOT, "fixtures/reports");
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "rapporteur-cli-"));
  writeFileSync(join(dir, "empty.txt"), "");
  writeFileSync(join(dir, "garbage.bin.txt"), Buffer.from([0, 1, 2, 3, 255, 254, 0, 7, 8, 0]));
  writeFileSync(
    join(dir, "recipe.txt"),
    "Pancakes\n\nMix flour, eggs and milk. Fry in a hot pan until golden. Serve with lemon and sugar.\n",
  );
  writeFileSync(
    join(dir, "corrupt.docx"),
    Buffer.from("PK\u0003\u0004 this is not really a zip archive"),
  );
  writeFileSync(join(dir, "corrupt.pdf"), "%PDF-1.4\n1 0 obj << broken");
  const big = join(dir, "huge.txt");
  closeSync(openSync(big, "w"));
  truncateSync(big, 20 * 1024 * 1024);
  mkdirSync(join(dir, "a-folder"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("rapporteur extract", () => {
  it("prints one contract object for one file and an array for several", async () => {
    const one = await cli(["extract", join(EX, "steering-board-md/input.md")]);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout)).toMatchObject({
      source: "input.md",
      group: "Open Data Steering Board",
      number: 12,
    });
    const two = await cli([
      "extract",
      join(EX, "steering-board-md/input.md"),
      join(EX, "youth-network-txt/input.txt"),
    ]);
    expect(JSON.parse(two.stdout)).toHaveLength(2);
  });

  it("writes DIR/<file name>.json with --out", async () => {
    const out = join(dir, "out");
    const r = await cli(["extract", join(EX, "community-networks-pdf/input.pdf"), "--out", out]);
    expect(r.code).toBe(0);
    expect(readdirSync(out)).toEqual(["input.pdf.json"]);
    expect(JSON.parse(readFileSync(join(out, "input.pdf.json"), "utf8")).provenance.start).toEqual({
      line: 3,
      endLine: 3,
    });
  });

  it("prints a readable digest with --format md", async () => {
    const r = await cli(["extract", join(EX, "policy-network-docx/input.docx"), "--format", "md"]);
    expect(r.stdout).toContain("# Policy Network on Digital Inclusion (PNDI)");
    expect(r.stdout).toContain("## Discussion");
  });

  it("reports each bad input in one line, keeps going and exits 2", async () => {
    const bad = [
      "empty.txt",
      "garbage.bin.txt",
      "recipe.txt",
      "corrupt.docx",
      "corrupt.pdf",
      "huge.txt",
      "a-folder",
      "missing.txt",
    ];
    const r = await cli([
      "extract",
      ...bad.map((b) => join(dir, b)),
      join(EX, "steering-board-md/input.md"),
    ]);
    expect(r.code).toBe(2);
    const lines = r.stderr.trim().split("\n");
    expect(lines).toHaveLength(bad.length);
    for (const [i, b] of bad.entries()) {
      expect(lines[i]).toMatch(/^rapporteur: /);
      expect(lines[i]).toContain(b);
    }
    expect(r.stderr).not.toMatch(/\bat .*\.ts:\d+/); // no stack trace
    expect(lines.join("\n")).toMatch(
      /empty[\s\S]*binary[\s\S]*does not look like a meeting report[\s\S]*\.docx[\s\S]*PDF[\s\S]*MB[\s\S]*folder[\s\S]*no such file/,
    );
    expect(JSON.parse(r.stdout)).toHaveLength(1); // the good file is still extracted
  });
});

describe("rapporteur check", () => {
  it("prints FILE:LINE: CODE message and exits 1 on findings", async () => {
    const f = join(EX, "digital-rights-caucus-txt/input.txt");
    const r = await cli(["check", f]);
    expect(r.code).toBe(1);
    expect(r.stdout.trim().split("\n")).toEqual([
      expect.stringMatching(new RegExp(`^${f}:10: time-mismatch `)),
      expect.stringMatching(new RegExp(`^${f}:8: duplicate-participant `)),
      expect.stringMatching(new RegExp(`^${f}:13: speaker-not-listed `)),
    ]);
  });
  it("exits 0 when clean and 2 when a file cannot be read", async () => {
    expect((await cli(["check", join(EX, "steering-board-md/input.md")])).code).toBe(0);
    expect((await cli(["check", join(dir, "missing.txt")])).code).toBe(2);
  });
});
