/**
 * Writes the DOCX and PDF example reports from their text below, so the binary fixtures
 * can be regenerated (`npx tsx scripts/make-binary-fixtures.ts`). Fictional groups and people.
 */
import { writeFileSync } from "node:fs";
import {
  Document,
  Packer,
  Paragraph,
  HeadingLevel,
  ExternalHyperlink,
  TextRun,
  LevelFormat,
  AlignmentType,
} from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";

const root = new URL("../fixtures/reports/", import.meta.url);

async function docx(): Promise<void> {
  const p = (text: string) => new Paragraph(text);
  const h = (text: string, heading: (typeof HeadingLevel)[keyof typeof HeadingLevel]) =>
    new Paragraph({ text, heading });
  const item = (text: string) =>
    new Paragraph({ text, numbering: { reference: "agenda", level: 0 } });
  const doc = new Document({
    numbering: {
      config: [
        {
          reference: "agenda",
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: "%1.", alignment: AlignmentType.START },
          ],
        },
      ],
    },
    sections: [
      {
        children: [
          h("Policy Network on Digital Inclusion (PNDI)", HeadingLevel.TITLE),
          p("Summary of the 3rd virtual meeting"),
          p("Tuesday, 21 January 2025 | 13:00–14:30 UTC"),
          p(
            "The third virtual meeting of the Policy Network on Digital Inclusion (PNDI) was held on 21 January 2025 at 13:00 UTC. The meeting was hosted and moderated by the network's co-facilitators Ana Beatriz Costa and Rahul Mehta.",
          ),
          h("Agenda", HeadingLevel.HEADING_2),
          item("Welcome and introductions"),
          item("Work plan for 2025"),
          item("Community connectivity mapping"),
          item("AOB"),
          h("1. Welcome and introductions", HeadingLevel.HEADING_2),
          p(
            "Ana Beatriz Costa welcomed the new members. Rahul thanked the secretariat for the new mailing list.",
          ),
          h("2. Work plan for 2025", HeadingLevel.HEADING_2),
          p(
            "Rahul Mehta presented the draft work plan. Fatima Zahra Benali suggested adding a track on affordability. Nguyen Van An agreed and proposed a short survey.",
          ),
          p(
            "Next steps: the co-facilitators will share the revised work plan with the mailing list by 7 February 2025.",
          ),
          h("3. Community connectivity mapping", HeadingLevel.HEADING_2),
          new Paragraph({
            children: [
              new TextRun("Nguyen Van An presented the mapping tool ("),
              new ExternalHyperlink({
                link: "https://maps.example.org/pndi",
                children: [new TextRun({ text: "PNDI map", style: "Hyperlink" })],
              }),
              new TextRun(
                "). Fatima asked whether the data would be open. He replied that it would be published under an open licence.",
              ),
            ],
          }),
          h("4. AOB", HeadingLevel.HEADING_2),
          p(
            "No other business. The next meeting will take place on 18 February 2025 at 13:00 UTC.",
          ),
          h("Attendees", HeadingLevel.HEADING_2),
          p("Ana Beatriz Costa – Fundação Conecta, Co-facilitator"),
          p("Rahul Mehta – Digital Empowerment Trust, Co-facilitator"),
          p("Fatima Zahra Benali – Ministry of Digital Transition, Morocco"),
          p("Nguyen Van An – Mekong Community Networks"),
          p("Ingrid Solberg – PNDI Secretariat"),
        ],
      },
    ],
  });
  writeFileSync(new URL("policy-network-docx/input.docx", root), await Packer.toBuffer(doc));
}

const PDF_TEXT = `Community Networks Working Group
Meeting No. 8
27 August 2025, 16:00 UTC

Summary

The eighth meeting of the Community Networks Working Group (CNWG) was held on 27 August 2025 at 16:00 UTC. The meeting was moderated by Leila Haddad.

Agenda
1. Spectrum consultation response
2. Training of local operators
3. Any other business

1. Spectrum consultation response
Leila Haddad recalled that the regulator's consultation closes on 30 September 2025. Tiago Ferreira said that the draft response was nearly ready. The group agreed that Tiago Ferreira will send the final draft to the list by 12 September 2025.

2. Training of local operators
Amina Yusuf explained the new training curriculum (https://training.example.org/cn-curriculum). Jean-Paul Mbeki asked about funding for travel.

3. Any other business
None.

Next meeting: 24 September 2025, 16:00 UTC

Attendance
Leila Haddad, Moderator, Rural Links Association
Tiago Ferreira, Rede Comunitária do Norte
Amina Yusuf, Kano Community Wireless, Trainer
Jean-Paul Mbeki, Kivu Connect`;

async function pdf(): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let page = doc.addPage([595, 842]);
  let y = 800;
  for (const raw of PDF_TEXT.split("\n")) {
    // wrap long lines at about 95 characters, as a word processor would
    const parts = raw.length ? raw.match(/.{1,95}(\s|$)/g)!.map((s) => s.trim()) : [""];
    for (const line of parts) {
      if (y < 50) {
        page = doc.addPage([595, 842]);
        y = 800;
      }
      if (line) page.drawText(line, { x: 40, y, size: 10, font });
      y -= 14;
    }
  }
  writeFileSync(new URL("community-networks-pdf/input.pdf", root), await doc.save());
}

await docx();
await pdf();
console.log("wrote input.docx and input.pdf");
