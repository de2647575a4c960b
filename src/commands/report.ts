import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { periodFacts, type PeriodFacts } from "../store/period.js";
import { periodMd, periodDocx, periodHtml } from "../render/period-report.js";
import { attendanceChart, balanceChart } from "../render/charts.js";
import type { z } from "zod";
import { RapporteurError, noGroup } from "../model/errors.js";
import { parseInput, PeriodInput } from "./inputs.js";
import type { Queryable } from "../store/db.js";
import { OWNER, type Viewer } from "../model/viewer.js";
import type { Io } from "../runtime/io.js";
import { withStore, type StoreOptions } from "../runtime/store-access.js";

/** The period report of a group in one format (HTML carries the charts), over the meetings the viewer may see. */
export async function periodReport(
  db: Queryable,
  v: Viewer,
  input: z.infer<typeof PeriodInput>,
  today: string,
): Promise<string | Buffer> {
  const f = await periodFacts(db, v, input.group, input.from ?? null, input.to ?? null, today);
  if (!f) throw noGroup(input.group);
  if (input.format === "md") return periodMd(f);
  if (input.format === "docx") return periodDocx(f);
  return periodHtml(f, charts(f));
}

function charts(f: PeriodFacts): { attendance: string; balance: string } {
  const rows = f.attendance.map((a) => ({
    person: a.person,
    meeting: `${a.meetings} meeting${a.meetings === 1 ? "" : "s"}`,
  }));
  return {
    attendance: attendanceChart(rows, "Meetings attended per person"),
    balance: balanceChart(f.balance, "Participants per stakeholder group and meeting"),
  };
}

/** `rapporteur report --group G [--from DATE] [--to DATE] --format html|md|docx [--out FILE]`. */
export async function reportCommand(
  cwd: string,
  options: StoreOptions & {
    group?: string;
    from?: string;
    to?: string;
    format?: string;
    out?: string;
  },
  io: Io,
  now = new Date(),
): Promise<number> {
  if (!options.group)
    throw new RapporteurError("bad-argument", "--group is needed: the group's name or acronym");
  const input = parseInput(
    PeriodInput,
    { group: options.group, from: options.from, to: options.to, format: options.format },
    "cli",
  );
  if (input.format === "docx" && !options.out)
    throw new RapporteurError("bad-argument", "a .docx is a binary file: give --out FILE.docx");
  const out = await withStore(cwd, options, io, (db) =>
    periodReport(db, OWNER, input, now.toISOString().slice(0, 10)),
  );
  if (options.out) {
    await writeFile(resolve(cwd, options.out), out);
    io.err(`rapporteur: wrote ${options.out}`);
  } else io.out(String(out));
  return 0;
}
