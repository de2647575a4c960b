/**
 * `npm run examples`: regenerates docs/examples/ for the project's example group (the
 * fictional Open Data Steering Board): a rendered report (md, docx), the next meeting's
 * draft, the group calendar and a period report (html with charts, md).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { openStore } from "../src/store/open.js";
import { exampleReports } from "../src/commands/demo.js";
import { ingestFiles } from "../src/commands/ingest.js";
import { rebuildPeople } from "../src/store/people.js";
import { rebuildGlossary } from "../src/store/glossary.js";
import { stakeholderClassifier } from "../src/resolve/stakeholders.js";
import { findMeeting } from "../src/store/find-meeting.js";
import { renderReportMd } from "../src/render/report-md.js";
import { renderReportDocx } from "../src/render/report-docx.js";
import { draftFacts } from "../src/store/draft.js";
import { renderDraft } from "../src/render/draft-md.js";
import { groupCalendar } from "../src/store/calendar.js";
import { renderCalendar } from "../src/render/calendar.js";
import { periodReport } from "../src/commands/report.js";

const out = new URL("../docs/examples/", import.meta.url);
mkdirSync(out, { recursive: true });
const write = (name: string, data: string | Buffer) => {
  writeFileSync(new URL(name, out), data);
  console.log(`wrote docs/examples/${name}`);
};
// a fixed date keeps the files the same from one run to the next
const today = new Date("2024-06-30T00:00:00Z");

const db = await openStore({});
const summary = {
  new: 0,
  updated: 0,
  unchanged: 0,
  failed: [] as { path: string; reason: string }[],
};
await ingestFiles(db, await exampleReports(), summary);
await rebuildPeople(db, stakeholderClassifier());
await rebuildGlossary(db);

const latest = await findMeeting(db, "steering-board-md.md");
write("odsb-meeting-12-report.md", renderReportMd(latest!.record));
write("odsb-meeting-12-report.docx", await renderReportDocx(latest!.record));
write("odsb-meeting-13-draft.md", renderDraft((await draftFacts(db, { editor: "test" }, "ODSB"))!));
const cal = (await groupCalendar(db, { editor: "examples" }, "ODSB"))!;
write(
  "odsb-calendar.ics",
  renderCalendar(cal.name, cal.meetings, null, today).replace(
    /^DTSTAMP:.*$/gm,
    "DTSTAMP:20240630T000000Z",
  ),
);
write(
  "odsb-period-report-2024.html",
  String(
    await periodReport(
      db,
      { editor: "examples" },
      { group: "ODSB", from: "2024-01-01", to: "2024-12-31", format: "html" },
      "2024-06-30",
    ),
  ),
);
write(
  "odsb-period-report-2024.md",
  String(
    await periodReport(
      db,
      { editor: "examples" },
      { group: "ODSB", from: "2024-01-01", to: "2024-12-31", format: "md" },
      "2024-06-30",
    ),
  ),
);
await db.close();
