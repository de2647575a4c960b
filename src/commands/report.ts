import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { periodFacts, type PeriodFacts } from "../store/period.js";
import { periodMd, periodDocx, periodHtml } from "../render/period-report.js";
import { attendanceChart, balanceChart } from "../render/charts.js";
import { RapporteurError } from "../model/errors.js";
import type { Queryable } from "../store/db.js";
import { OWNER, type Viewer } from "../model/viewer.js";
import type { Io } from "../runtime/io.js";
import { withStore, type StoreOptions } from "../runtime/store-access.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The period report in one format (HTML carries the charts). */
export async function periodReport(db: Queryable, v: Viewer, group: string, from: string | null, to: string | null, format: "html" | "md" | "docx", today: string): Promise<string | Buffer | null> {
  const f = await periodFacts(db, v, group, from, to, today);
  if (!f) return null;
  if (format === "md") return periodMd(f);
  if (format === "docx") return periodDocx(f);
  return periodHtml(f, charts(f));
}

function charts(f: PeriodFacts): { attendance: string; balance: string } {
  const rows = f.attendance.map((a) => ({ person: a.person, meeting: `${a.meetings} meeting${a.meetings === 1 ? "" : "s"}` }));
  return { attendance: attendanceChart(rows, "Meetings attended per person"), balance: balanceChart(f.balance, "Participants per stakeholder group and meeting") };
}

/** `rapporteur report --group G [--from DATE] [--to DATE] --format html|md|docx [--out FILE]`. */
export async function reportCommand(cwd: string, options: StoreOptions & { group?: string; from?: string; to?: string; format?: string; out?: string }, io: Io, now = new Date()): Promise<number> {
  if (!options.group) throw new RapporteurError("bad-argument", "--group is needed: the group's name or acronym");
  for (const [flag, v] of [["--from", options.from], ["--to", options.to]] as const) if (v && !DATE.test(v)) throw new RapporteurError("bad-argument", `${flag} ${v}: give a date as YYYY-MM-DD`);
  const format = (options.format ?? "html") as "html" | "md" | "docx";
  if (!["html", "md", "docx"].includes(format)) throw new RapporteurError("bad-argument", `--format ${options.format}: use html, md or docx`);
  if (format === "docx" && !options.out) throw new RapporteurError("bad-argument", "a .docx is a binary file: give --out FILE.docx");
  const out = await withStore(cwd, options, io, (db) => periodReport(db, OWNER, options.group!, options.from ?? null, options.to ?? null, format, now.toISOString().slice(0, 10)));
  if (out === null) throw new RapporteurError("not-found", `--group ${options.group}: no meetings of that group in the store`);
  if (options.out) { await writeFile(resolve(cwd, options.out), out); io.err(`rapporteur: wrote ${options.out}`); } else io.out(String(out));
  return 0;
}
