import type { Block, ListItem, Run, Span } from "../model/line-doc.js";
import { display } from "./layout.js";
import { listMarker, textBlocks } from "./text.js";

/**
 * Paragraphs that type their structure as text ("1. Opening", "- a. Outreach"), as a
 * .txt report pasted into Word or saved as HTML does, are read the way the plain-text
 * reader reads lines: a run of such paragraphs becomes the lists and headings it spells.
 * Paragraphs with no typed marker are left as the parser gave them.
 */
export function typedStructure(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length;) {
    if (blocks[i]!.kind !== "paragraph") {
      out.push(blocks[i]!);
      i++;
      continue;
    }
    let j = i;
    while (j < blocks.length && blocks[j]!.kind === "paragraph") j++;
    out.push(...retype(blocks.slice(i, j) as Paragraph[]));
    i = j;
  }
  return out;
}

type Paragraph = Extract<Block, { kind: "paragraph" }>;

// Marked paragraphs in a row are one list, as lines of a .txt without blank lines between
// them would be, except where a .txt would have had one: before a number that starts
// again at 1 (the agenda, then "1. Opening"), and before a numbered line that heads the
// plain paragraph under it without going on from the line above.
function retype(run: readonly Paragraph[]): Block[] {
  // (a bold numbered line is a heading by its emphasis already)
  const marks = run.map((p) => (p.emphasis ? markOf("") : markOf(p.text)));
  const joined = (k: number) => {
    const a = marks[k - 1]!,
      b = marks[k]!;
    if (!a.kind || !b.kind || a.kind === "heading" || b.kind === "heading") return false;
    if (
      b.n === 1 &&
      b.kind === "num" &&
      marks.slice(0, k).some((x) => x.kind === "num" && x.bullet === b.bullet)
    )
      return false;
    if (a.bullet && b.bullet) return true;
    // set in further than the item above: its sub-item
    if ((run[k]!.indent ?? 0) > (run[k - 1]!.indent ?? 0)) return true;
    // goes on from the last item of its own kind ("4." after "3." and its "a.")
    const prev = marks
      .slice(0, k)
      .reverse()
      .find((x) => x.kind === b.kind && x.bullet === b.bullet);
    const goesOn = !!prev && prev.n !== null && b.n === prev.n + 1;
    const headsText =
      k + 1 < run.length && (!marks[k + 1]!.kind || marks[k + 1]!.kind === "heading") && !b.bullet;
    return goesOn || !headsText;
  };
  const out: Block[] = [];
  for (let k = 0; k < run.length;) {
    if (!marks[k]!.kind) {
      out.push(run[k]!);
      k++;
      continue;
    }
    const from = k;
    for (k++; k < run.length && joined(k); k++);
    const lines: string[] = [],
      origin: Span[] = [];
    for (const p of run.slice(from, k)) {
      const own = asText(p.runs, p.text)
        .split("\n")
        .map((l) => l.trim());
      const indent = "  ".repeat(p.indent ?? 0);
      // an item's wrapped lines are one line of the item
      if (own.slice(1).every((l) => !listMarker(l))) {
        lines.push(indent + own.join(" "));
        origin.push(p.span);
        continue;
      }
      own.forEach((l, j) => {
        lines.push(indent + l);
        origin.push(
          own.length === p.span.endLine - p.span.line + 1
            ? { line: p.span.line + j, endLine: p.span.line + j }
            : p.span,
        );
      });
    }
    // the paragraph below decides, as in a .txt, whether a lone numbered line heads it
    const after = run[k] && !marks[k]!.kind ? ["", run[k]!.text.split("\n")[0]!] : [];
    const typed = textBlocks([...lines, ...after]).filter((b) => b.span.line <= lines.length);
    out.push(...typed.map((b) => remap(b, origin)));
  }
  return out;
}

// Spans of blocks read from the typed lines, back to the paragraphs' own spans.
function remap<T extends Block | ListItem>(b: T, origin: readonly Span[]): T {
  const at = (n: number) => origin[Math.min(origin.length, Math.max(1, n)) - 1]!;
  const span = { line: at(b.span.line).line, endLine: at(b.span.endLine).endLine };
  if ("items" in b && b.kind === "list")
    return { ...b, span, items: b.items.map((it) => remap(it, origin)) };
  if ("marker" in b) {
    // tsc does not narrow a generic by `in`; the linter thinks it does.
    // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
    const item = b as ListItem;
    return { ...b, span, blocks: item.blocks.map((x) => remap(x, origin)) };
  }
  return { ...b, span };
}

// A paragraph's list marker: its kind ("num", "alpha", ...; a bullet that numbers its
// text, "- 2) …", counts as that number) and its ordinal.
function markOf(text: string): { kind: string | null; n: number | null; bullet: boolean } {
  // "#### Points discussed": a heading typed the Markdown way
  if (/^#{1,6}\s+\S/.test(text)) return { kind: "heading", n: null, bullet: false };
  const m = listMarker(text.split("\n")[0]!);
  if (!m) return { kind: null, n: null, bullet: false };
  const bullet = !/[\p{L}\p{N}]/u.test(m.marker);
  const inner = bullet ? /^(\(?(?:\d{1,3}|[a-z])[.)])\s/i.exec(m.text)?.[1] : m.marker;
  if (!inner) return { kind: "bullet", n: null, bullet };
  const t = inner.replace(/[().]/g, "");
  return /^\d+$/.test(t)
    ? { kind: "num", n: Number(t), bullet }
    : {
        kind: /^[a-z]$/.test(t) ? "alpha" : "ALPHA",
        n: t.toLowerCase().charCodeAt(0) - 96,
        bullet,
      };
}

// a paragraph's text with its bold runs marked as the plain-text reader reads them
function asText(runs: readonly Run[], fallback: string): string {
  if (!runs.length) return fallback;
  return runs
    .map((r) => {
      const shown = display([r], r.text);
      if (!r.strong || !shown.trim()) return shown;
      const lead = /^\s*/.exec(shown)![0],
        tail = /\s*$/.exec(shown)![0];
      return `${lead}**${shown.trim()}**${tail}`;
    })
    .join("");
}
