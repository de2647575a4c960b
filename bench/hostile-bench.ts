/**
 * `npm run bench` (hostile part): time and peak RSS of `extract`, and of `ingest` into an
 * existing store, for each hostile input of issue 9's list, and of a server that gets the
 * worst one uploaded. Each command runs in its own process; its peak RSS is read from
 * /proc (VmHWM, which covers the reading worker thread too).
 *   tsx bench/hostile-bench.ts
 */
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deepHtml, deepMarkdown, docxBomb, manyPagePdf } from "../test/hostile/inputs.js";

const dir = mkdtempSync(join(tmpdir(), "rapporteur-hostile-bench-"));
const BIN = join(process.cwd(), "bin/rapporteur.js");
const env = { ...process.env, DATABASE_URL: "" };

function peak(pid: number): number {
  try {
    return (
      Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0) / 1024
    );
  } catch {
    return 0;
  }
}

/** Runs the CLI; resolves to seconds, peak MB and the last line it printed on stderr. */
function run(args: string[]): Promise<{ s: number; mb: number; line: string; code: number }> {
  const t = performance.now();
  const p = spawn(process.execPath, ["--max-semi-space-size=2", BIN, ...args], {
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let err = "",
    mb = 0;
  const poll = setInterval(() => {
    mb = Math.max(mb, peak(p.pid!));
  }, 10);
  p.stderr.on("data", (b: Buffer) => {
    err += b.toString();
  });
  return new Promise((resolve) =>
    p.on("exit", (code) => {
      clearInterval(poll);
      const lines = err
        .trim()
        .split("\n")
        .filter((l) => !/applied migration/.test(l));
      resolve({
        s: (performance.now() - t) / 1000,
        mb,
        line: lines.find((l) => /failed:|rapporteur: \S+: /.test(l)) ?? lines.at(-1) ?? "",
        code: code ?? -1,
      });
    }),
  );
}

const inputs: [string, () => Buffer | string][] = [
  ["70,000-page PDF", () => manyPagePdf(70_000)],
  ["docx inflating to 500 MB", () => docxBomb(500)],
  ["docx inflating to 500 MB, sizes lied about", () => docxBomb(500, true)],
  ["HTML nested 20,000 deep", () => deepHtml(20_000)],
  ["Markdown quoted 20,000 deep", () => deepMarkdown(20_000)],
  [
    "14 MB of plain text",
    () => readFileSync("../shared/corpus/seeds/000_c04474f5fd3532a6.txt", "utf8").repeat(1_300),
  ],
];
const ext = (name: string) =>
  /PDF/.test(name)
    ? "pdf"
    : /docx/.test(name)
      ? "docx"
      : /HTML/.test(name)
        ? "html"
        : /Markdown/.test(name)
          ? "md"
          : "txt";

const store = join(dir, "store");
const seeds = join(dir, "seeds");
mkdirSync(seeds);
for (const f of ["000_c04474f5fd3532a6.txt", "001_2de3ae425e2ec046.txt"])
  copyFileSync(`../shared/corpus/seeds/${f}`, join(seeds, f));
await run(["ingest", seeds, "--data", store]);

console.log(
  "hostile inputs (each command in its own process; peak RSS includes the reading worker)",
);
console.log("| input | size | extract: s, peak MB | ingest into a store: s, peak MB | message |");
console.log("|---|---|---|---|---|");
for (const [name, make] of inputs) {
  const file = join(dir, `hostile.${ext(name)}`);
  const data = make();
  writeFileSync(file, data);
  const size = `${(Buffer.byteLength(data) / 1048576).toFixed(1)} MB`;
  const x = await run(["extract", file]);
  const i = await run(["ingest", file, "--data", store]);
  console.log(
    `| ${name} | ${size} | ${x.s.toFixed(1)} s, ${x.mb.toFixed(0)} MB | ${i.s.toFixed(1)} s, ${i.mb.toFixed(0)} MB | ${x.line.replace(/^rapporteur: /, "").slice(0, 90)} |`,
  );
}

// the server: its resident memory before and after an upload of the worst .docx
const token = await new Promise<string>((resolve) => {
  const p = spawn(process.execPath, [BIN, "token", "create", "bench", "--data", store], {
    env,
    stdio: ["ignore", "pipe", "ignore"],
  });
  let out = "";
  p.stdout.on("data", (b: Buffer) => {
    out += b.toString();
  });
  p.on("exit", () => resolve(out.trim()));
});
const server = spawn(
  process.execPath,
  ["--max-semi-space-size=2", BIN, "serve", "--data", store, "--port", "0"],
  { env, stdio: ["ignore", "ignore", "pipe"] },
);
const base = await new Promise<string>((resolve) => {
  let err = "";
  server.stderr.on("data", (b: Buffer) => {
    err += b.toString();
    const m = /serving (http:\/\/\S+?)\/? /.exec(err);
    if (m) resolve(m[1]!);
  });
});
const before = peak(server.pid!);
const form = new FormData();
form.append("file", new Blob([new Uint8Array(docxBomb(500, true))]), "bomb.docx");
const t = performance.now();
const res = await fetch(`${base}/api/meetings`, {
  method: "POST",
  headers: { authorization: `Bearer ${token}` },
  body: form,
});
console.log(
  `server: upload of the lying 500 MB docx → ${res.status} in ${((performance.now() - t) / 1000).toFixed(1)} s; peak RSS ${before.toFixed(0)} MB before, ${peak(server.pid!).toFixed(0)} MB after; /healthz ${(await fetch(`${base}/healthz`)).status}`,
);
server.kill();
rmSync(dir, { recursive: true, force: true });
