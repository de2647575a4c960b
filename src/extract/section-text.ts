import type { MeetingRecord, Provenance } from "../model/record.js";
import { norm, stripMarkdown } from "./text.js";

/**
 * What was said under each discussion section, read from the report's lines: the lines
 * after the section's heading up to its end, as paragraphs (a blank line, a list item or
 * a new speaker's line starts one), with Markdown emphasis, link syntax and list markers
 * taken off so every format reads the same. A section without source lines (added by
 * an editor) has no text.
 */
export function sectionTexts(
  r: MeetingRecord & { provenance: Provenance },
  lines: readonly string[],
): string[][] {
  return r.sections.map((s, i) => {
    const span = r.provenance.sections[i];
    if (!span) return [];
    const body = lines.slice(span.line - 1, span.endLine);
    // the heading line itself is the section's title
    if (body.length && sameText(body[0]!, s.title)) body.shift();
    return paragraphs(body);
  });
}

// The shared Markdown stripping, after what is particular to running text: a link with
// no text reads as its address (an empty one as nothing), list and quote markers go.
const plain = (line: string) =>
  stripMarkdown(
    line
      .replace(/\[([^\]]*)\]\(([^)]*)\)/g, (_, text: string, url: string) =>
        text.trim() ? text : url.trim(),
      )
      .replace(LIST, "")
      .replace(/^\s*>\s?/, ""),
  );

/** Report text without its Markdown: emphasis, link syntax, list and quote markers go. */
export const plainText = (text: string): string =>
  text.split("\n").map(plain).filter(Boolean).join("\n");

const LIST = /^\s{0,3}(?:[-*+•]|\d{1,3}[.)]|[a-z][.)])\s+/i;

function paragraphs(body: readonly string[]): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  const flush = () => {
    if (cur.length) out.push(cur.join(" "));
    cur = [];
  };
  for (const line of body) {
    if (!line.trim() || /^\s*(?:#{1,6}\s|[-=*_]{3,}\s*$)/.test(line)) {
      flush();
      continue;
    }
    if (LIST.test(line)) flush();
    const text = plain(line);
    if (text) cur.push(text);
  }
  flush();
  return out;
}

// "5. Outreach track." or "## 5 Outreach track" against the title "Outreach Track"
function sameText(line: string, title: string): boolean {
  const l = norm(plain(line)).replace(/^(?:\d+|[a-z]|[ivx]+)\s+/, "");
  const t = norm(title);
  return l === t || l.endsWith(` ${t}`);
}
