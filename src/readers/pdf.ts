import { getDocumentProxy } from "unpdf";
import type { Block, LineDoc, Run, TableRow } from "../model/line-doc.js";
import { RapporteurError } from "../model/errors.js";
import { LIMITS } from "../model/limits.js";
import { typedStructure } from "./typed-text.js";

/** One piece of text the PDF draws: where, how big, in which font. */
interface Item {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
  font: string;
}

/** A line of a page: its cells (text separated by a wide gap, as in a table) and style. */
interface PdfLine {
  page: number;
  y: number;
  h: number;
  cells: { x: number; text: string }[];
  strong: boolean;
  size: number;
}

/**
 * PDF through pdf.js's text layer, read with its geometry: items are grouped into lines
 * by position (not drawing order), a wide gap inside a line separates table cells,
 * lines repeated on every page (banners, page numbers) are dropped, and a line set
 * wholly in a font other than the body's is bold (the text layer names fonts only by
 * number, so the body font is the one most text uses).
 */
export async function readPdf(bytes: Uint8Array, source: string): Promise<LineDoc> {
  let pages: Item[][];
  try {
    // verbosity 0: pdf.js would print its own warnings ("Indexing all PDF objects") to the console
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    if (pdf.numPages > LIMITS.pdfPages) {
      await pdf.destroy();
      throw new RapporteurError(
        "unreadable-file",
        `${source}: has ${pdf.numPages.toLocaleString("en")} pages, more than the ${LIMITS.pdfPages.toLocaleString("en")} a report may have; is it the right file?`,
      );
    }
    pages = [];
    for (let p = 1; p <= pdf.numPages; p++) {
      const content = await (await pdf.getPage(p)).getTextContent();
      pages.push(
        (
          content.items as {
            str?: string;
            transform?: number[];
            width?: number;
            height?: number;
            fontName?: string;
          }[]
        )
          .filter((i) => i.str !== undefined && i.transform)
          .map((i) => ({
            str: i.str!,
            x: i.transform![4]!,
            y: i.transform![5]!,
            w: i.width ?? 0,
            h: i.height || Math.abs(i.transform![3]!) || 10,
            font: i.fontName ?? "",
          })),
      );
    }
    await pdf.destroy();
  } catch (e) {
    if (e instanceof RapporteurError) throw e;
    throw new RapporteurError(
      "unreadable-file",
      `${source}: not a readable PDF (${String((e as Error)?.message ?? e).slice(0, 120)})`,
    );
  }
  const body = bodyFont(pages);
  const lines = dropRepeated(pages.map((items, p) => toLines(items, p, body)));
  if (!lines.flat().some((l) => l.cells.some((c) => c.text.trim()))) {
    throw new RapporteurError(
      "unreadable-file",
      `${source}: the PDF has no text layer (a scan?); run OCR on it first`,
    );
  }
  return toDoc(lines, source);
}

/**
 * The fonts that emphasise. The text layer names fonts only by number, so a bold face is
 * told by its glyphs: set wider than the body font's (the one most characters use) by
 * 5% or more at the same size. A second embedding of the body face stays regular.
 */
function bodyFont(pages: Item[][]): { emphasis: Set<string>; size: number } {
  const stats = new Map<string, { chars: number; width: number; letters: number }>(),
    sizes = new Map<number, number>();
  for (const page of pages)
    for (const i of page) {
      const n = i.str.replace(/\s/g, "").length;
      if (!n || !i.h) continue;
      const s = stats.get(i.font) ?? { chars: 0, width: 0, letters: 0 };
      s.chars += n;
      s.width += i.w / i.h;
      s.letters += i.str.length;
      stats.set(i.font, s);
      sizes.set(Math.round(i.h), (sizes.get(Math.round(i.h)) ?? 0) + n);
    }
  const body = [...stats.entries()].sort((a, b) => b[1].chars - a[1].chars)[0];
  const emphasis = new Set<string>();
  if (body) {
    const ratio = (s: { width: number; letters: number }) => s.width / Math.max(1, s.letters);
    for (const [font, s] of stats) {
      if (font !== body[0] && s.chars >= 3 && ratio(s) >= 1.05 * ratio(body[1])) emphasis.add(font);
    }
  }
  const size = [...sizes.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  return { emphasis, size };
}

function toLines(
  items: Item[],
  page: number,
  body: { emphasis: Set<string>; size: number },
): PdfLine[] {
  const visible = items.filter((i) => i.str.length && (i.str.trim() || i.w > 0));
  // top to bottom; a superscript ("17th") sits a little higher and joins its line
  const sorted = [...visible].sort((a, b) => b.y - a.y || a.x - b.x);
  const rows: Item[][] = [];
  for (const it of sorted) {
    const row = rows.find(
      (r) => Math.abs(r[0]!.y - it.y) <= Math.max(2.5, 0.6 * Math.max(r[0]!.h, it.h)),
    );
    if (row) row.push(it);
    else rows.push([it]);
  }
  // cells first by wide gaps alone; then the columns those cells show (starts that two or
  // more lines share) also part a line whose gap is narrower: a long name in a table
  const shape = (columns: readonly number[]) =>
    rows.map((row) => {
      row.sort((a, b) => a.x - b.x);
      const main = row.reduce((a, b) => (b.h > a.h ? b : a));
      const h = main.h || body.size;
      return { row, main, h, cells: cellsOf(row, h, columns) };
    });
  const first = shape([]);
  const starts = new Map<number, number>();
  for (const l of first)
    for (const c of l.cells.slice(1))
      starts.set(Math.round(c.x), (starts.get(Math.round(c.x)) ?? 0) + 1);
  const columns = [...starts].filter(([, n]) => n >= 2).map(([x]) => x);
  const out: PdfLine[] = [];
  for (const { row, main, h, cells } of columns.length ? shape(columns) : first) {
    if (!cells.length) continue;
    const inked = row.filter((i) => i.str.trim());
    const strong = inked.length > 0 && inked.every((i) => body.emphasis.has(i.font));
    out.push({ page, y: main.y, h, cells, strong, size: h });
  }
  return out;
}

// A line's cells: runs of text parted by a wide gap, or by a gap of a letter or more where
// a column of the page starts.
function cellsOf(
  row: readonly Item[],
  h: number,
  columns: readonly number[],
): { x: number; text: string }[] {
  const cells: { x: number; text: string }[] = [];
  let end = -Infinity,
    cur: { x: number; text: string } | null = null;
  for (const it of row) {
    const gap = it.x - end;
    const column = gap > 0.8 * h && columns.some((x) => Math.abs(x - it.x) <= 3);
    if (!cur || (it.str.trim() && (gap > Math.max(18, 2.2 * h) || column))) {
      if (cur) cells.push(cur);
      cur = { x: it.x, text: "" };
    } else if (gap > 0.15 * h && !/\s$/.test(cur.text) && !/^\s/.test(it.str)) {
      cur.text += " ";
    }
    cur.text += it.str;
    // a space item may stretch over a column gap: only ink ends a cell
    if (it.str.trim()) end = Math.max(end, it.x + it.w);
  }
  if (cur) cells.push(cur);
  return cells
    .map((c) => ({ x: c.x, text: c.text.replace(/\s+/g, " ").trim() }))
    .filter((c) => c.text);
}

// Banners and page numbers: a line that recurs at the same height on several pages, or a
// lone number at the top or bottom of a page.
function dropRepeated(pages: PdfLine[][]): PdfLine[][] {
  const key = (l: PdfLine) =>
    `${Math.round(l.y / 4)}|${l.cells
      .map((c) => c.text)
      .join(" ")
      .replace(/\d+/g, "#")}`;
  const seen = new Map<string, Set<number>>();
  for (const page of pages)
    for (const l of page) {
      const k = key(l);
      if (!seen.has(k)) seen.set(k, new Set());
      seen.get(k)!.add(l.page);
    }
  return pages.map((page) =>
    page.filter((l, i) => {
      if (pages.length > 1 && (seen.get(key(l))?.size ?? 0) >= Math.min(3, pages.length))
        return false;
      const edge = i === 0 || i === page.length - 1;
      return !(
        edge &&
        l.cells.length === 1 &&
        /^(?:page\s*)?\d{1,3}(?:\s*(?:of|\/)\s*\d{1,3})?$/i.test(l.cells[0]!.text)
      );
    }),
  );
}

const BULLET = /^([●•▪◦○■□◆►✓➢‣·\-–*o])\s+(?=\S)/;
const NUMBERED = /^((?:\d{1,2}(?:\.\d{1,2})*|[a-z]|[ivx]{1,4}|[IVX]{1,4})[.)])\s+(?=\S)/;

/** Lines to the document: one line of text per PDF line, blank between pages; blocks over them. */
function toDoc(pages: PdfLine[][], source: string): LineDoc {
  const lines: string[] = [];
  const placed: { line: PdfLine; n: number }[] = [];
  pages.forEach((page, p) => {
    if (p > 0 && lines.length) lines.push("");
    for (const l of page) {
      lines.push(
        l.cells.length > 1 ? `| ${l.cells.map((c) => c.text).join(" | ")} |` : l.cells[0]!.text,
      );
      placed.push({ line: l, n: lines.length });
    }
  });
  return { source, format: "pdf", lines, blocks: toBlocks(placed) };
}

type Placed = { line: PdfLine; n: number };

function toBlocks(all: Placed[]): Block[] {
  const blocks: Block[] = [];
  let i = 0;
  const left = (p: Placed) => p.line.cells[0]!.x;
  // the body's left margin: where most lines start
  const margin = mode(all.map((p) => Math.round(left(p))));
  while (i < all.length) {
    const cur = all[i]!;
    // a table: two or more lines of several cells whose columns line up
    if (cur.line.cells.length > 1) {
      const rows: Placed[] = [cur];
      const cols = cur.line.cells.map((c) => c.x);
      let j = i + 1;
      // a row lines up with the columns seen so far; a table may go on over a page break
      while (
        j < all.length &&
        all[j]!.line.cells.length > 1 &&
        aligned(cols, all[j]!.line) &&
        (all[j]!.line.page === rows[rows.length - 1]!.line.page ||
          all[j]!.n === rows[rows.length - 1]!.n + 2)
      ) {
        for (const c of all[j]!.line.cells)
          if (!cols.some((x) => Math.abs(x - c.x) <= 12)) cols.push(c.x);
        rows.push(all[j++]!);
      }
      if (rows.length >= 2 || cur.line.cells.length >= 3) {
        blocks.push({
          kind: "table",
          span: { line: rows[0]!.n, endLine: rows[rows.length - 1]!.n },
          rows: rows.map(toRow),
        });
        i = j;
        continue;
      }
    }
    const text = cur.line.cells.map((c) => c.text).join(" ");
    // a list item (a bullet or a number typed at its start) with the lines wrapped under
    // its text: one paragraph, set in as far as it stands; the typed-text reading below
    // makes lists and headings of them, as for a .txt
    if (BULLET.test(text) || (NUMBERED.test(text) && !cur.line.strong)) {
      const item: Placed[] = [cur];
      let j = i + 1;
      // (a line flush with the marker goes on the item when the line above ran full, as a
      // .txt reads it: a short numbered line over a flush sentence heads that sentence)
      const wraps = (p: Placed) =>
        left(p) > left(cur) + 2 ||
        BULLET.test(text) ||
        /^\p{Ll}/u.test(p.line.cells[0]!.text) ||
        item[item.length - 1]!.line.cells[0]!.text.length >= 60;
      while (
        j < all.length &&
        all[j]!.line.cells.length === 1 &&
        left(all[j]!) >= left(cur) - 2 &&
        wraps(all[j]!) &&
        sameBlock(item[item.length - 1]!, all[j]!) &&
        !all[j]!.line.strong &&
        !BULLET.test(all[j]!.line.cells[0]!.text) &&
        !NUMBERED.test(all[j]!.line.cells[0]!.text)
      )
        item.push(all[j++]!);
      const texts = item.map((p) => p.line.cells.map((c) => c.text).join(" "));
      const indent = Math.max(0, Math.min(6, Math.round((left(cur) - margin) / 14)));
      blocks.push({
        kind: "paragraph",
        text: texts.join("\n"),
        emphasis: null,
        runs: [{ text: texts.join("\n"), strong: false }],
        span: { line: item[0]!.n, endLine: item[item.length - 1]!.n },
        ...(indent ? { indent } : {}),
      });
      i = j;
      continue;
    }
    // a paragraph: lines of one style that follow closely
    const para: Placed[] = [cur];
    let j = i + 1;
    while (
      j < all.length &&
      sameBlock(para[para.length - 1]!, all[j]!) &&
      all[j]!.line.cells.length === 1 &&
      all[j]!.line.strong === cur.line.strong
    ) {
      const t = all[j]!.line.cells[0]!.text;
      if (BULLET.test(t) || (NUMBERED.test(t) && !all[j]!.line.strong)) break;
      para.push(all[j++]!);
    }
    const texts = para.map((p) => p.line.cells.map((c) => c.text).join(" "));
    const runs: Run[] = [{ text: texts.join("\n"), strong: cur.line.strong }];
    blocks.push({
      kind: "paragraph",
      text: texts.join("\n"),
      emphasis: cur.line.strong ? "strong" : null,
      runs,
      span: { line: para[0]!.n, endLine: para[para.length - 1]!.n },
    });
    i = j;
  }
  return typedStructure(blocks);
}

// Lines of one block: same page, close below each other, not much further left.
function sameBlock(a: Placed, b: Placed): boolean {
  if (a.line.page !== b.line.page || b.n !== a.n + 1)
    return a.line.page !== b.line.page && b.n === a.n + 2 && continuesAcrossPages(a, b);
  const gap = a.line.y - b.line.y;
  return (
    gap > 0 &&
    gap <= 1.75 * Math.max(a.line.h, b.line.h) &&
    Math.abs(b.line.cells[0]!.x - a.line.cells[0]!.x) <= 40
  );
}

// A sentence cut by a page break ("…wanted to propose to" / "disclose and that…").
const continuesAcrossPages = (a: Placed, b: Placed) =>
  !/[.:!?]$/.test(a.line.cells[a.line.cells.length - 1]!.text) &&
  /^\p{Ll}/u.test(b.line.cells[0]!.text) &&
  !a.line.strong &&
  !b.line.strong;

function aligned(cols: number[], b: PdfLine): boolean {
  if (Math.abs(cols[0]! - b.cells[0]!.x) > 12) return false;
  return b.cells.slice(1).some((c) => cols.slice(1).some((x) => Math.abs(x - c.x) <= 12));
}

function toRow(p: Placed): TableRow {
  const span = { line: p.n, endLine: p.n };
  return {
    header: false,
    span,
    cells: p.line.cells.map((c) => {
      const runs = [{ text: c.text, strong: p.line.strong }];
      return {
        text: c.text,
        runs,
        blocks: [
          {
            kind: "paragraph",
            text: c.text,
            emphasis: p.line.strong ? "strong" : null,
            runs,
            span,
          },
        ],
      };
    }),
  };
}

// The most common value (the left margin of a page of text).
function mode(xs: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  let best = 0,
    n = -1;
  for (const [x, c] of counts)
    if (c > n || (c === n && x < best)) {
      best = x;
      n = c;
    }
  return best;
}
