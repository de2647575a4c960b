/**
 * Regenerates the binary layout fixtures (fixtures/layouts/*-docx, *-pdf) from the
 * fictional texts below: a .docx whose meeting date sits only in its page header, with
 * bold paragraphs as headings and a typed "1)" agenda; a .pdf printed by Chromium with an
 * attendee table, bold numbered headings and bold "Action:" lines.
 *   npx tsx scripts/make-layout-fixtures.ts   (then UPDATE=1 the fixture test and review)
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { Document, Header, Packer, Paragraph, TextRun } from "docx";
import { chromium } from "playwright-core";

const root = new URL("../fixtures/layouts/", import.meta.url);
const save = (dir: string, name: string, data: Uint8Array) => {
  mkdirSync(new URL(`${dir}/`, root), { recursive: true });
  writeFileSync(new URL(`${dir}/${name}`, root), data);
  console.log(`wrote fixtures/layouts/${dir}/${name}`);
};

// --- .docx: date in the page header, bold headings, typed agenda
const p = (text: string, bold = false) =>
  new Paragraph({ children: [new TextRun({ text, bold })] });
const docx = new Document({
  sections: [
    {
      headers: {
        default: new Header({
          children: [p("Meadow Valley Broadband Co-operative – 21 November 2023")],
        }),
      },
      children: [
        p("Technical Steering Committee Meeting", true),
        p("7:30pm Central European Time"),
        p("Attendees", true),
        p("Greta Holm – Valley Fibre Ltd *"),
        p("Luca Bernardi – Independent *"),
        p("Sofia Ekdahl – Meadow Council"),
        p("Members not in attendance", true),
        p("Arvid Nyström – Northlink *"),
        p("Welcome", true),
        p("Ms. Holm opened the meeting and presented the agenda:"),
        p("1) Cabinet upgrades"),
        p("2) Winter maintenance rota"),
        p("Cabinet upgrades", true),
        p(
          "Mr. Bernardi reported that four street cabinets were upgraded in October. Ms. Ekdahl asked about the remaining two.",
        ),
        p("Winter maintenance rota", true),
        p(
          "Ms. Holm asked for volunteers for the rota. Mr. Bernardi agreed to draft it by 1 December 2023.",
        ),
        p("Next Meeting", true),
        p(
          "The next meeting is scheduled for Tuesday, 19 December 2023 at 7:30pm Central European Time.",
        ),
      ],
    },
  ],
});
save("cooperative-committee-docx", "input.docx", new Uint8Array(await Packer.toBuffer(docx)));

// --- .pdf: attendee table, bold numbered headings, bold action lines
const html = `<!doctype html><html><head><style>
body { font-family: "DejaVu Sans", sans-serif; font-size: 11pt; margin: 2cm; }
td { padding: 2px 24px 2px 0; } h1 { font-size: 14pt; }
</style></head><body>
<h1>Coastal Data Transparency Panel</h1>
<p>14:00-15:30, 12 June 2024</p>
<p>Chair: Dr Halima Osei</p>
<p><b>Attendees:</b></p>
<table>
<tr><td>Halima Osei</td><td>Port University</td></tr>
<tr><td>Jonas Weber</td><td>Harbour Authority</td></tr>
<tr><td>Marta Lindqvist</td><td>Open Coast Trust</td></tr>
<tr><td>Peter Nakamura (Secretariat)</td><td>Department of Transport</td></tr>
</table>
<p><b>1. Welcome and introductions</b></p>
<p>1.1 Halima Osei (HO) welcomed the panel and noted the actions from the last meeting.</p>
<p><b>2. Berth occupancy data</b></p>
<p>2.1 Jonas Weber (JW) explained that berth data would be published monthly from July.</p>
<p><b>Action: JW to share the publication schedule by 28 June 2024.</b></p>
<p>2.2 Marta Lindqvist (ML) asked for the data to use an open licence.</p>
<p><b>3. AOB</b></p>
<p>3.1 The next meeting was scheduled for Wednesday 11 September 2024.</p>
</body></html>`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
});
const page = await browser.newPage();
await page.setContent(html);
save("transparency-panel-pdf", "input.pdf", new Uint8Array(await page.pdf({ format: "A4" })));
await browser.close();
