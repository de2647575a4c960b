import type { Block, Run, Span } from "../model/line-doc.js";
import type { Node } from "./doc.js";
import { labelKind } from "./labels.js";

// A line that opens with its own label ("Apologies: …", "Tex: …") starts a new node even
// inside one paragraph: Word exports and PDF text run such lines together.
const LABEL_LINE = /^(?:\*\*)?[\p{Lu}\d[(][^:\n]{0,48}:(?:\s|$)/u;

/**
 * Flattens the document's blocks into nodes in reading order. List items keep their
 * depth and parent item; a table row is one node with its cells, except a row of one
 * cell holding several paragraphs (a Word table used as a frame), whose paragraphs are
 * nodes of their own.
 */
export function flatten(blocks: readonly Block[]): Node[] {
  const out: Node[] = [];
  let tables = 0;
  const push = (n: Fields) => {
    out.push(makeNode(out.length, n));
    return out.length - 1;
  };
  let lists = 0,
    currentList: number | null = null;

  const paragraph = (
    text: string,
    runs: Run[],
    emphasis: Node["emphasis"],
    span: Span,
    depth: number,
    parent: number | null,
  ) => {
    const lines = text.split("\n");
    const sizeOk = span.endLine - span.line + 1 === lines.length;
    let from = 0;
    for (let k = 1; k <= lines.length; k++) {
      // "Participants" / "Ann Lee" / … : a label line over its content is a node of its own
      const labelAbove =
        k === 1 &&
        lines.length > 1 &&
        sizeOk &&
        lines[0]!.length <= 40 &&
        !!labelKind(lines[0]!) &&
        !/[.;,]$/.test(lines[0]!);
      if (
        k < lines.length &&
        !labelAbove &&
        !(sizeOk && LABEL_LINE.test(lines[k]!) && lines[k]!.length > 3)
      )
        continue;
      const part = lines.slice(from, k).join("\n");
      const whole = from === 0 && k === lines.length;
      push({
        kind: "para",
        text: part,
        runs: whole ? runs : partRuns(runs, lines, from, k),
        emphasis: whole ? emphasis : strongPart(runs, lines, from, k),
        span: sizeOk ? { line: span.line + from, endLine: span.line + k - 1 } : span,
        depth,
        parent,
      });
      from = k;
    }
  };

  const visit = (b: Block, depth: number, parent: number | null) => {
    switch (b.kind) {
      case "frontmatter":
        for (const e of b.entries) push({ kind: "front", key: e.key, text: e.value, span: b.span });
        return;
      case "heading":
        push({
          kind: "heading",
          text: b.text,
          level: b.level,
          emphasis: b.emphasis,
          span: b.span,
          depth,
          parent,
        });
        return;
      case "paragraph":
        paragraph(b.text, b.runs, b.emphasis, b.span, depth, parent);
        return;
      case "rule":
        push({ kind: "rule", text: "", span: b.span, depth, parent });
        return;
      case "quote":
        for (const c of b.blocks) visit(c, depth, parent);
        return;
      case "definitions":
        for (const it of b.items)
          push({
            kind: "def",
            key: it.term,
            text: it.text,
            runs: it.runs,
            span: it.span,
            depth,
            parent,
          });
        return;
      case "list": {
        const outer = currentList === null;
        if (outer) currentList = lists++;
        for (const it of b.items) {
          const emphasis =
            it.runs.length &&
            it.runs.filter((r) => /[\p{L}\p{N}]/u.test(r.text)).every((r) => r.strong)
              ? "strong"
              : null;
          const at = push({
            kind: "item",
            text: it.text,
            runs: it.runs,
            emphasis,
            marker: it.marker,
            checked: it.checked,
            span: it.span,
            depth,
            parent,
            list: currentList,
            typed: b.typed === true,
          });
          for (const c of it.blocks) visit(c, depth + 1, at);
        }
        if (outer) currentList = null;
        return;
      }
      case "table": {
        const table = tables++;
        for (const row of b.rows) {
          if (row.cells.length === 1 && row.cells[0]!.blocks.length > 1) {
            for (const c of row.cells[0]!.blocks) visit(c, depth, parent);
            continue;
          }
          push({
            kind: "row",
            text: row.cells.map((c) => c.text).join(" | "),
            cells: row.cells.map((c) => c.text),
            table,
            header: row.header,
            span: row.span,
            depth,
            parent,
            runs: row.cells.flatMap((c) => c.runs),
          });
        }
        return;
      }
    }
  };
  for (const b of blocks) visit(b, 0, null);
  return out;
}

type Fields = Partial<Node> & Pick<Node, "kind" | "text" | "span">;

// Every node has the same fields in the same order, built as one literal: object spread
// here cost twenty times as much and slowed every pass that reads nodes.
function makeNode(i: number, f: Fields): Node {
  return {
    i,
    kind: f.kind,
    text: f.text,
    span: f.span,
    level: f.level ?? 0,
    depth: f.depth ?? 0,
    emphasis: f.emphasis ?? null,
    runs: f.runs ?? [],
    marker: f.marker ?? null,
    checked: f.checked ?? null,
    typed: f.typed === true,
    parent: f.parent ?? null,
    list: f.list ?? null,
    cells: f.cells ?? null,
    table: f.table ?? null,
    header: f.header ?? false,
    key: f.key ?? null,
  };
}

// The runs of lines [from, to) of a paragraph's text, cut from the whole paragraph's runs.
function partRuns(runs: readonly Run[], lines: readonly string[], from: number, to: number): Run[] {
  const start = lines.slice(0, from).reduce((n, l) => n + l.length + 1, 0);
  const end = start + lines.slice(from, to).join("\n").length;
  const out: Run[] = [];
  let at = 0;
  for (const r of runs) {
    const a = Math.max(at, start),
      b = Math.min(at + r.text.length, end);
    if (b > a) out.push({ ...r, text: r.text.slice(a - at, b - at) });
    at += r.text.length;
  }
  return out;
}

function strongPart(
  runs: readonly Run[],
  lines: readonly string[],
  from: number,
  to: number,
): Node["emphasis"] {
  const part = partRuns(runs, lines, from, to).filter((r) => /[\p{L}\p{N}]/u.test(r.text));
  return part.length && part.every((r) => r.strong) ? "strong" : null;
}
