import type { Block, Cell, ListItem, Run, Span, TableRow } from "../model/line-doc.js";

/**
 * Lays blocks out as the lines a reader of HTML, DOCX or PDF shows: headings with "#"
 * marks, list items with their markers and task boxes, table rows as "| a | b |", links
 * as "[text](target)". Returns the lines and the blocks with spans into them (the
 * spans the parser gave pointed into the markup, which nobody reads).
 */
export function layout(blocks: readonly Block[]): { lines: string[]; blocks: Block[] } {
  const lines: string[] = [];
  const out = blocks.map((b, i) => {
    if (i > 0 && lines.length && lines[lines.length - 1] !== "") lines.push("");
    return place(b, lines, 0);
  });
  while (lines.length && lines[lines.length - 1] === "") lines.pop();
  return { lines: lines.length ? lines : [""], blocks: out };
}

/** A run's text as shown: a link whose text is not its own address keeps its target. */
export function display(runs: readonly Run[], fallback: string): string {
  if (!runs.length) return fallback;
  return runs
    .map((r) => {
      const href = (r as { href?: string }).href;
      if (!href || !r.text.trim()) return r.text;
      const t = r.text.trim();
      return t === href ||
        href.replace(/^https?:\/\//i, "").replace(/\/$/, "") === t.replace(/\/$/, "")
        ? r.text
        : `[${r.text}](${href})`;
    })
    .join("");
}

const oneLine = (s: string) => s.replace(/\s*\n\s*/g, " ").trim();

function emit(lines: string[], text: string): Span {
  const first = lines.length + 1;
  for (const l of text.split("\n")) lines.push(l);
  return { line: first, endLine: lines.length };
}

function place(b: Block, lines: string[], depth: number): Block {
  const indent = "  ".repeat(depth);
  switch (b.kind) {
    case "frontmatter":
      return { ...b, span: emit(lines, b.entries.map((e) => `${e.key}: ${e.value}`).join("\n")) };
    case "heading":
      return {
        ...b,
        span: emit(lines, `${indent}${"#".repeat(Math.min(b.level, 6))} ${oneLine(b.text)}`),
      };
    case "paragraph":
      return {
        ...b,
        span: emit(
          lines,
          display(b.runs, b.text)
            .split("\n")
            .map((l) => indent + l.trim())
            .join("\n"),
        ),
      };
    case "rule":
      lines.push("");
      return { ...b, span: { line: lines.length, endLine: lines.length } };
    case "quote": {
      const first = lines.length + 1;
      const inner = b.blocks.map((x) => place(x, lines, depth));
      for (let i = first - 1; i < lines.length; i++) lines[i] = `> ${lines[i]}`;
      return { ...b, blocks: inner, span: { line: first, endLine: Math.max(first, lines.length) } };
    }
    case "definitions": {
      const first = lines.length + 1;
      const items = b.items.map((it) => ({
        ...it,
        span: emit(
          lines,
          `${indent}${it.term}${it.term ? ": " : ""}${oneLine(display(it.runs, it.text))}`,
        ),
      }));
      return { ...b, items, span: { line: first, endLine: lines.length } };
    }
    case "list": {
      const first = lines.length + 1;
      const items = b.items.map((it) => placeItem(it, lines, depth));
      return { ...b, items, span: { line: first, endLine: lines.length } };
    }
    case "table": {
      const first = lines.length + 1;
      const rows = b.rows.map((r) => placeRow(r, lines, depth));
      return { ...b, rows, span: { line: first, endLine: lines.length } };
    }
  }
}

function placeItem(it: ListItem, lines: string[], depth: number): ListItem {
  const indent = "  ".repeat(depth);
  const box = it.checked === true ? "[x] " : it.checked === false ? "[ ] " : "";
  const text = display(it.runs, it.text).split("\n");
  const first = lines.length + 1;
  lines.push(`${indent}${it.marker} ${box}${text[0] ?? ""}`.trimEnd());
  for (const more of text.slice(1)) lines.push(`${indent}  ${more.trim()}`);
  const blocks = it.blocks.map((x) => place(x, lines, depth + 1));
  return { ...it, blocks, span: { line: first, endLine: lines.length } };
}

function placeRow(r: TableRow, lines: string[], depth: number): TableRow {
  const first = lines.length + 1;
  // a row of one cell holding paragraphs (a Word table used as a frame) reads as those paragraphs
  if (r.cells.length === 1 && r.cells[0]!.blocks.length > 1) {
    const cell: Cell = {
      ...r.cells[0]!,
      blocks: r.cells[0]!.blocks.map((x) => place(x, lines, depth)),
    };
    return { ...r, cells: [cell], span: { line: first, endLine: lines.length } };
  }
  const cells = r.cells.map((c) =>
    oneLine(
      c.blocks.length
        ? c.blocks
            .map((x) => (x.kind === "paragraph" ? display(x.runs, x.text) : c.text))
            .join(" / ")
        : c.text,
    ),
  );
  lines.push(`${"  ".repeat(depth)}| ${cells.join(" | ")} |`);
  const span = { line: first, endLine: first };
  return {
    ...r,
    cells: r.cells.map((c) => ({ ...c, blocks: c.blocks.map((x) => ({ ...x, span })) })),
    span,
  };
}
