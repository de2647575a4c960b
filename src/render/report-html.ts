import type { MeetingRecord } from "../model/record.js";
import { reportBlocks } from "./report-blocks.js";
import { escapeHtml as e } from "./html.js";

// (as in the .docx writer: addresses in running text are kept from reading as links)
const inert = (s: string) =>
  e(s)
    .replace(/\b(https?|ftp):\/\//gi, "$1:&#8203;//")
    .replace(/\bwww\./gi, "www&#8203;.");

/** A record in the house format as a standalone HTML page. */
export function renderReportHtml(
  r: MeetingRecord,
  texts: readonly string[][] = [],
  nicknames: readonly { name: string; nick: string }[] = [],
): string {
  const body: string[] = [];
  const blocks = reportBlocks(r, texts, nicknames);
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i]!;
    switch (b.kind) {
      case "heading":
        body.push(`<h${b.level}>${inert(b.text)}</h${b.level}>`);
        break;
      case "strong":
        body.push(`<p><strong>${inert(b.text)}</strong></p>`);
        break;
      case "para":
        body.push(`<p>${inert(b.text)}</p>`);
        break;
      case "note":
        body.push(`<p><em>${inert(b.text)}</em></p>`);
        break;
      case "item":
        body.push(
          `<p${b.depth ? ` style="margin-left:2em"` : ""}>${e(b.marker)} ${inert(b.text)}</p>`,
        );
        break;
      case "link":
        body.push(`<p><a href="${e(b.url)}">${e(b.text ?? b.url)}</a></p>`);
        break;
      case "table":
        body.push(
          `<table><thead><tr>${b.head.map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>${b.rows.map((row) => `<tr>${row.map((c) => `<td>${inert(c)}</td>`).join("")}</tr>`).join("")}</tbody></table>`,
        );
        break;
    }
  }
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><title>${e(r.group ?? "Meeting report")}</title></head>\n<body>\n${body.join("\n")}\n</body></html>\n`;
}
