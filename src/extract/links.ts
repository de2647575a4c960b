import type { Doc } from "./doc.js";

const MD_LINK = /\[([^\]]*)\]\(\s*<?([^)\s>]*)>?(?:\s+"[^"]*")?\s*\)/g;
const ANGLE = /<((?:https?|ftp|mailto):[^>\s]+|www\.[^>\s]+)>/gi;
const BARE = /\b(?:(?:https?|ftp):\/\/|www\.)[^\s<>"'`\])]+(?:\([^\s()]*\)[^\s<>"'`\])]*)*/gi;

/** Every URL in the report: Markdown links, <angle-bracketed> and bare; placeholders skipped. */
export function links(doc: Doc): Doc {
  const out: { url: string; text: string | null; line: number }[] = [];
  for (const l of doc.lines) {
    let raw = l.raw;
    if (!/https?:|ftp:|mailto:|www\.|\]\(/i.test(raw)) continue;
    raw = raw.replace(MD_LINK, (whole, text: string, url: string) => {
      if (isUrl(url)) out.push({ url: tidy(url), text: text.replace(/[*_]/g, "").trim() || null, line: l.n });
      return " ".repeat(whole.length);
    });
    raw = raw.replace(ANGLE, (whole, url: string) => {
      out.push({ url: tidy(url), text: null, line: l.n });
      return " ".repeat(whole.length);
    });
    for (const m of raw.matchAll(BARE)) out.push({ url: tidy(m[0]), text: null, line: l.n });
  }
  return { ...doc, links: out.filter((x) => x.url.length > 4) };
}

const isUrl = (u: string) => /^(?:(?:https?|ftp):\/\/|mailto:|www\.)\S+/i.test(u);

// Sentence punctuation and emphasis marks that follow a URL are not part of it.
function tidy(url: string): string {
  let u = url.replace(/[*_]+$/, "");
  for (;;) {
    const t = u.replace(/[.,;:!?'"”’]+$/, "");
    const unbalanced = t.endsWith(")") && (t.match(/\(/g)?.length ?? 0) < (t.match(/\)/g)?.length ?? 0);
    const next = unbalanced ? t.slice(0, -1) : t;
    if (next === u) return u;
    u = next;
  }
}
