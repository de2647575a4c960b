/**
 * `npm run bench`: extraction throughput in process (reports per second on one core)
 * over generated ~10 KB reports, and the process's peak RSS.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generateReport } from "./generate.js";
import { extract } from "../src/extract/pipeline.js";
import { readText } from "../src/readers/text.js";

const count = Number(process.env.BENCH_REPORTS ?? 2000);
const reports = Array.from({ length: count }, (_, i) => generateReport(i));
const bytes = reports.map((r) => Buffer.from(r.text));
const totalKb = bytes.reduce((a, b) => a + b.length, 0) / 1024;

// warm up the JIT and the date parser before timing
for (let i = 0; i < 50; i++) extract(readText(bytes[i]!, reports[i]!.name));

const t0 = performance.now();
let sections = 0;
for (let i = 0; i < count; i++)
  sections += extract(readText(bytes[i]!, reports[i]!.name)).sections.length;
const seconds = (performance.now() - t0) / 1000;

console.log("extraction benchmark (in process, one core)");
console.log(
  `  reports:            ${count} (mean ${(totalKb / count).toFixed(1)} KB, ${(sections / count).toFixed(1)} sections each)`,
);
console.log(`  time:               ${seconds.toFixed(2)} s`);
console.log(
  `  throughput:         ${(count / seconds).toFixed(0)} reports/s (target >= 500, goal 1000)`,
);
console.log(`  peak RSS:           ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

// The fixtures in every format, repeated: what each parser costs on top of the passes.
const { readDocument } = await import("../src/readers/index.js");
const root = join(process.cwd(), "fixtures/reports");
const inputs = readdirSync(root).flatMap((d) =>
  readdirSync(join(root, d))
    .filter((f) => f.startsWith("input."))
    .map((f) => ({ name: f, ext: f.split(".").pop()!, bytes: readFileSync(join(root, d, f)) })),
);
const rounds = Number(process.env.BENCH_FORMAT_ROUNDS ?? 100);
console.log(`\nextraction by format (the fixtures, ${rounds} rounds each, read + passes)`);
for (const ext of ["txt", "md", "html", "docx", "pdf"]) {
  const mine = inputs.filter((x) => x.ext === ext);
  for (const x of mine) extract(await readDocument(x.bytes, x.name)); // load the parser, warm up
  const t = performance.now();
  for (let r = 0; r < rounds; r++)
    for (const x of mine) extract(await readDocument(x.bytes, x.name));
  const s = (performance.now() - t) / 1000;
  const kb = mine.reduce((a, x) => a + x.bytes.length, 0) / mine.length / 1024;
  console.log(
    `  ${ext.padEnd(5)} ${String(mine.length).padStart(2)} file(s), mean ${kb.toFixed(1).padStart(5)} KB: ${((rounds * mine.length) / s).toFixed(0).padStart(5)} reports/s`,
  );
}
