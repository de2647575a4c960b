import {
  Document,
  Packer,
  Paragraph,
  HeadingLevel,
  TextRun,
  ExternalHyperlink,
  Table,
  TableRow,
  TableCell,
  WidthType,
  LevelFormat,
  AlignmentType,
} from "docx";
import type { MeetingRecord } from "../model/record.js";
import { reportBlocks, type Block } from "./report-blocks.js";

const HEADINGS = {
  1: HeadingLevel.HEADING_1,
  2: HeadingLevel.HEADING_2,
  3: HeadingLevel.HEADING_3,
} as const;

// A web address inside running text is not one of the report's links: a zero-width space
// keeps readers from taking it for one (the extractor drops such invisible characters).
const inert = (s: string) =>
  s.replace(/\b(https?|ftp):\/\//gi, "$1:\u200B//").replace(/\bwww\./gi, "www\u200B.");

/** A record in the house format as a real .docx: headings, numbered items, tables, links. */
export async function renderReportDocx(
  r: MeetingRecord,
  texts: readonly string[][] = [],
  nicknames: readonly { name: string; nick: string }[] = [],
): Promise<Buffer> {
  return reportBlocksToDocx(reportBlocks(r, texts, nicknames), r.group ?? "Meeting report");
}

/** Any blocks as a .docx. */
export async function reportBlocksToDocx(blocks: Block[], title: string): Promise<Buffer> {
  // the agenda is a real Word numbered list: 1., 2., … with a., b., … under an item
  const numbering = {
    config: [
      {
        reference: "agenda",
        levels: [
          {
            level: 0,
            format: LevelFormat.DECIMAL,
            text: "%1.",
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 360, hanging: 360 } } },
          },
          {
            level: 1,
            format: LevelFormat.LOWER_LETTER,
            text: "%2.",
            alignment: AlignmentType.START,
            style: { paragraph: { indent: { left: 1080, hanging: 360 } } },
          },
        ],
      },
    ],
  };
  return Packer.toBuffer(
    new Document({
      creator: "Rapporteur",
      title,
      numbering,
      sections: [{ children: blocks.map(toDocx) }],
    }),
  );
}

function toDocx(b: Block): Paragraph | Table {
  switch (b.kind) {
    case "heading":
      return new Paragraph({ text: inert(b.text), heading: HEADINGS[b.level] });
    case "strong":
      return new Paragraph({ children: [new TextRun({ text: inert(b.text), bold: true })] });
    case "para":
      return new Paragraph({ text: inert(b.text) });
    case "note":
      return new Paragraph({ children: [new TextRun({ text: inert(b.text), italics: true })] });
    case "item":
      return new Paragraph({
        text: inert(b.text),
        numbering: { reference: "agenda", level: b.depth },
      });
    case "link":
      return new Paragraph({
        children: [
          new ExternalHyperlink({
            link: b.url,
            children: [new TextRun({ text: b.text ?? b.url, style: "Hyperlink" })],
          }),
        ],
      });
    case "table":
      return new Table({
        width: { size: 100, type: WidthType.PERCENTAGE },
        rows: [b.head, ...b.rows].map(
          (row, i) =>
            new TableRow({
              tableHeader: i === 0,
              children: row.map(
                (c) =>
                  new TableCell({
                    children: [
                      new Paragraph({ children: [new TextRun({ text: inert(c), bold: i === 0 })] }),
                    ],
                  }),
              ),
            }),
        ),
      });
  }
}
