import type { MeetingRecord, Provenance } from "./record.js";

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

const plain = (line: string) =>
  line
    .replace(/\[([^\]]*)\]\(([^)]*)\)/g, (_, text: string, url: string) =>
      text.trim() ? text : url.trim(),
    )
    .replace(/<(https?:\/\/[^>\s]+)>/g, "$1")
    .replace(/(\*\*|__)(.+?)\1/g, "$2")
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s).,;:!?]|$)/g, "$1$2")
    .replace(/^\s{0,3}(?:[-*+•]|\d{1,3}[.)]|[a-z][.)])\s+/i, "")
    .replace(/^\s*>\s?/, "")
    .replace(/\s+/g, " ")
    .trim();

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

const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

// "5. Parliamentary Track." or "## 5 Parliamentary track" against the title "Parliamentary Track"
function sameText(line: string, title: string): boolean {
  const l = key(plain(line).replace(/^#+\s*/, "")).replace(/^(?:\d+|[a-z]|[ivx]+)\s+/, "");
  const t = key(title);
  return l === t || l.endsWith(` ${t}`);
}
