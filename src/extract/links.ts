import type { Doc } from "./doc.js";

const MD_LINK = /\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const ANGLE = /<((?:https?|ftp):[^>\s]+|www\.[^>\s]+)>/gi;
const BARE = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'`\])]+(?:\([^\s()]*\)[^\s<>"'`\])]*)*/gi;

/**
 * Every URL written in the report: Markdown links (a label that repeats the address
 * counts once), <angle-bracketed> and bare addresses; "(#)" placeholders, mailto: and
 * relative targets skipped. In a PDF an address the line end cut is joined again.
 */
export function links(doc: Doc): Doc {
  const out: { url: string; text: string | null; line: number }[] = [];
  const lines =
    doc.format === "pdf"
      ? joinBrokenUrls(doc.lines)
      : doc.lines.map((l, i) => ({ text: l, line: i + 1 }));
  const front = new Set(
    doc.nodes.filter((n) => n.kind === "front").flatMap((n) => range(n.span.line, n.span.endLine)),
  );
  for (const l of lines) {
    if (front.has(l.line)) continue; // front matter lists files, not links of the minutes
    let raw = l.text;
    if (!/https?:|ftp:|www\.|\]\(/i.test(raw)) continue;
    raw = raw.replace(MD_LINK, (whole, text: string, url: string) => {
      if (isUrl(url)) {
        const label = text.replace(/[*_]/g, "").trim();
        out.push({
          url: tidy(url),
          text: label && tidy(label) !== tidy(url) ? label : null,
          line: l.line,
        });
      }
      return " ".repeat(whole.length);
    });
    raw = raw.replace(ANGLE, (whole, url: string) => {
      out.push({ url: tidy(url), text: null, line: l.line });
      return " ".repeat(whole.length);
    });
    for (const m of raw.matchAll(BARE)) out.push({ url: tidy(m[0]), text: null, line: l.line });
  }
  return { ...doc, links: out.filter((x) => x.url.length > 4) };
}

const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, k) => a + k);
const isUrl = (u: string) => /^(?:(?:https?|ftp):\/\/|www\.)\S+/i.test(u);

// Sentence punctuation and emphasis marks that follow a URL are not part of it.
function tidy(url: string): string {
  let u = url.replace(/[*_]+$/, "");
  for (;;) {
    const t = u.replace(/[.,;:!?'"”’]+$/, "");
    const unbalanced =
      t.endsWith(")") && (t.match(/\(/g)?.length ?? 0) < (t.match(/\)/g)?.length ?? 0);
    const next = unbalanced ? t.slice(0, -1) : t;
    if (next === u) return u;
    u = next;
  }
}

/**
 * A PDF breaks long addresses at the line end: an address that ends a line after a
 * hyphen, slash or underscore, or runs to the right margin, goes on with the next line's
 * first word when that word reads as part of an address.
 */
function joinBrokenUrls(lines: readonly string[]): { text: string; line: number }[] {
  const width = Math.max(...lines.map((l) => l.length));
  const out: { text: string; line: number }[] = [];
  for (let i = 0; i < lines.length; i++) {
    let text = lines[i]!;
    // a URL cut at the end of a line goes on at the start of the next, maybe over several
    for (let j = i + 1; j < lines.length; j++) {
      const m = /(?:https?:\/\/|www\.)\S+$/.exec(text);
      const cont = /^([\w\-./?=&%#~+:]+)(?=[\s)>\],;]|\.?$)/.exec(lines[j]!.trim());
      if (!m || !cont) break;
      const cut =
        /[-/_=.?&#]$/.test(m[0]) ||
        (lines[j - 1]!.length >= 0.85 * width && /[/._=-]/.test(cont[1]!));
      if (!cut || /^(?:https?:|www\.)/.test(cont[1]!) || /^\p{Lu}\p{Ll}+$/u.test(cont[1]!)) break;
      text += cont[1];
      if (cont[1]!.length < lines[j]!.trim().length) break;
    }
    out.push({ text, line: i + 1 });
  }
  return out;
}
