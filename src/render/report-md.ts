import type { MeetingRecord } from "../model/record.js";
import { reportBlocks, type Block } from "./report-blocks.js";

/** A record in the house summary-report format, as Markdown (see reportBlocks). */
export function renderReportMd(
  r: MeetingRecord,
  texts: readonly string[][] = [],
  nicknames: readonly { name: string; nick: string }[] = [],
): string {
  return blocksToMd(reportBlocks(r, texts, nicknames));
}

export function blocksToMd(blocks: Block[]): string {
  const out: string[] = [];
  let prev: Block["kind"] | null = null;
  for (const b of blocks) {
    if (prev && !(prev === "item" && b.kind === "item") && !(prev === "link" && b.kind === "link"))
      out.push("");
    switch (b.kind) {
      case "heading":
        out.push(`${"#".repeat(b.level)} ${mdText(b.text)}`);
        break;
      case "strong":
        out.push(`**${mdText(b.text)}**`);
        break;
      case "para":
        out.push(mdText(b.text));
        break;
      case "note":
        out.push(`_${mdText(b.text)}_`);
        break;
      case "item":
        out.push(b.depth ? `   - ${b.marker} ${mdText(b.text)}` : `${b.marker} ${mdText(b.text)}`);
        break;
      case "table":
        out.push(`| ${b.head.join(" | ")} |`, `|${b.head.map(() => "---").join("|")}|`);
        for (const row of b.rows)
          out.push(`| ${row.map((c) => (c ? mdText(c) : "")).join(" | ")} |`);
        break;
      case "link":
        out.push(b.text ? `- [${mdText(b.text)}](${b.url})` : `- <${b.url}>`);
        break;
    }
    prev = b.kind;
  }
  return out.join("\n") + "\n";
}

/** Escapes what Markdown would read as marks, so the text comes back as written. */
export const mdText = (s: string) =>
  s
    .replace(/([\\`*_[\]<#|])/g, "\\$1")
    // a web address inside running text is not one of the report's links: escape it
    .replace(/\b(https?|ftp):\/\//gi, "$1\\://")
    .replace(/\bwww\./gi, "www\\.");
