/**
 * `npm run bench`: extraction throughput in process (reports per second on one core)
 * over generated ~10 KB reports, and the process's peak RSS.
 */
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
for (let i = 0; i < count; i++) sections += extract(readText(bytes[i]!, reports[i]!.name)).sections.length;
const seconds = (performance.now() - t0) / 1000;

console.log("extraction benchmark (in process, one core)");
console.log(`  reports:            ${count} (mean ${(totalKb / count).toFixed(1)} KB, ${(sections / count).toFixed(1)} sections each)`);
console.log(`  time:               ${seconds.toFixed(2)} s`);
console.log(`  throughput:         ${(count / seconds).toFixed(0)} reports/s (target >= 500, goal 1000)`);
console.log(`  peak RSS:           ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
