import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { findMeeting } from "../store/find-meeting.js";
import { renderReportMd } from "../render/report-md.js";
import { renderReportDocx } from "../render/report-docx.js";
import { renderReportHtml } from "../render/report-html.js";
import { RapporteurError } from "../model/errors.js";
import type { MeetingRecord, Provenance } from "../model/record.js";
import { sectionTexts } from "../extract/section-text.js";
import type { Io } from "../runtime/io.js";
import { withStore, type StoreOptions } from "../runtime/store-access.js";

export type ReportFormat = "md" | "docx" | "html";

/** A record in the house format, in one of the three formats. */
export async function renderReport(
  r: MeetingRecord & { provenance: Provenance },
  format: ReportFormat,
  lines: readonly string[] = [],
  nicknames: readonly { name: string; nick: string }[] = [],
): Promise<string | Buffer> {
  // each discussion item carries what was said, from the stored original
  const texts = sectionTexts(r, lines);
  if (format === "docx") return renderReportDocx(r, texts, nicknames);
  return format === "html"
    ? renderReportHtml(r, texts, nicknames)
    : renderReportMd(r, texts, nicknames);
}

/** `rapporteur render MEETING --format md|docx|html [--out FILE]` (MEETING: id or source file name). */
export async function renderCommand(
  cwd: string,
  options: StoreOptions & { meeting: string; format?: string; out?: string },
  io: Io,
): Promise<number> {
  const format = (options.format ?? "md") as ReportFormat;
  if (!["md", "docx", "html"].includes(format))
    throw new RapporteurError("bad-argument", `--format ${options.format}: use md, docx or html`);
  if (format === "docx" && !options.out)
    throw new RapporteurError("bad-argument", "a .docx is a binary file: give --out FILE.docx");
  const m = await withStore(cwd, options, io, (db) => findMeeting(db, options.meeting));
  if (!m)
    throw new RapporteurError(
      "not-found",
      `meeting "${options.meeting}": no meeting with that id or source file name; see rapporteur search or the web app`,
    );
  const out = await renderReport(m.record, format, m.lines, m.nicknames);
  if (options.out) {
    await writeFile(resolve(cwd, options.out), out);
    io.err(`rapporteur: wrote ${options.out}`);
  } else io.out(String(out));
  return 0;
}
