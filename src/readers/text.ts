import type { Block, LineDoc, ListItem, Run, TableRow } from "../model/line-doc.js";
import { decodeText, splitLines } from "./decode.js";

/** Plain text: the lines as written, and the structure read from them. */
export function readText(bytes: Uint8Array, source: string): LineDoc {
  const lines = splitLines(decodeText(bytes, source));
  return { source, format: "txt", lines, blocks: textBlocks(lines) };
}

const BULLET = /^([-*•·●▪◦–o])\s+(?=\S)/;
const MARKER =
  /^(\(?(?:\d{1,3}|[IVXLC]{1,6}|[ivxlc]{1,6}|[A-Za-z])[.)]|\((?:\d{1,3}|[ivxlc]{1,6}|[A-Za-z])\))\s+(?=\S)/;
const TABLE = /^\|.*\|$/;

/** A line's list marker ("1.", "a)", "-") and the text after it, or null. */
export function listMarker(line: string): { marker: string; text: string } | null {
  const t = line.trim();
  const m = BULLET.exec(t) ?? MARKER.exec(t);
  return m ? { marker: m[1]!, text: t.slice(m[0].length).trim() } : null;
}

/**
 * Plain text has no markup, so its structure is read from the lines: blank lines part
 * blocks; a run of marked lines ("1.", "a)", "-") is a list, nested by indentation and
 * marker kind; a marked line alone, above a paragraph, heads it ("1. Opening" is a
 * heading, not a one-item list); "| a | b |" lines are a table; Markdown-style marks
 * ("# Title", "**bold**") are honoured, since many text reports use them.
 */
export function textBlocks(lines: readonly string[]): Block[] {
  const chunks: { from: number; to: number }[] = [];
  for (let i = 0; i < lines.length;) {
    while (i < lines.length && !lines[i]!.trim()) i++;
    if (i >= lines.length) break;
    const from = i;
    while (i < lines.length && lines[i]!.trim()) i++;
    chunks.push({ from, to: i });
  }
  const blocks: Block[] = [];
  chunks.forEach((c, k) => {
    const chunk = lines.slice(c.from, c.to);
    const next = chunks[k + 1] ? lines.slice(chunks[k + 1]!.from, chunks[k + 1]!.to) : null;
    blocks.push(...chunkBlocks(chunk, c.from + 1, next));
  });
  return mergeLists(blocks);
}

function chunkBlocks(chunk: string[], first: number, next: string[] | null): Block[] {
  const out: Block[] = [];
  let i = 0;
  while (i < chunk.length) {
    const raw = chunk[i]!;
    const n = first + i;
    const heading = /^(#{1,6})\s+(.*)$/.exec(raw.trim());
    if (heading) {
      out.push({
        kind: "heading",
        level: heading[1]!.length,
        text: inline(heading[2]!).text,
        emphasis: null,
        span: { line: n, endLine: n },
      });
      i++;
      continue;
    }
    if (TABLE.test(raw.trim())) {
      const rows: TableRow[] = [];
      while (i < chunk.length && TABLE.test(chunk[i]!.trim())) {
        const cells = chunk[i]!.trim()
          .slice(1, -1)
          .split("|")
          .map((c) => c.trim());
        if (!cells.every((c) => /^:?-{2,}:?$/.test(c) || !c)) {
          const span = { line: first + i, endLine: first + i };
          rows.push({
            header: rows.length === 0 && /^\s*\|[\s:-]+\|/.test(chunk[i + 1] ?? ""),
            span,
            cells: cells.map((c) => {
              const r = inline(c);
              return {
                text: r.text,
                runs: r.runs,
                blocks: r.text
                  ? [{ kind: "paragraph", text: r.text, emphasis: r.emphasis, runs: r.runs, span }]
                  : [],
              };
            }),
          });
        }
        i++;
      }
      if (rows.length)
        out.push({
          kind: "table",
          rows,
          span: { line: rows[0]!.span.line, endLine: rows[rows.length - 1]!.span.endLine },
        });
      continue;
    }
    const mark = listMarker(raw);
    if (mark) {
      // a lone numbered line heading the paragraph that follows is a heading
      const alone = chunk.length === 1 && !BULLET.test(raw.trim());
      if (alone && next && !listMarker(next[0]!) && !/:\s*$/.test(raw)) {
        const r = inline(raw.trim());
        out.push({
          kind: "heading",
          level: 7,
          text: r.text,
          emphasis: r.emphasis,
          span: { line: n, endLine: n },
        });
        i++;
        continue;
      }
      const items: { item: ListItem; indent: number; kind: string }[] = [];
      while (i < chunk.length) {
        const line = chunk[i]!;
        const m = listMarker(line);
        if (!m) {
          const last = items[items.length - 1]!;
          // a short marked line with a flush sentence under it heads that text ("1. Opening" /
          // "The chair opened …"); an indented or lower-case line continues the item above
          const flush = line.length - line.trimStart().length === 0;
          const lastLine = chunk[i - 1]!;
          if (
            flush &&
            !last.kind.startsWith("bullet") &&
            lastLine.trim().length < 60 &&
            /^[\p{Lu}\d"“(]/u.test(line.trim()) &&
            !last.item.blocks.length &&
            !last.item.text.includes("\n")
          ) {
            items.pop();
            // what is left above it: one numbered line alone is a heading too
            if (
              items.length === 1 &&
              !items[0]!.kind.startsWith("bullet") &&
              !items[0]!.item.blocks.length
            ) {
              out.push(headingOf(items[0]!.item));
              items.length = 0;
            }
            if (items.length) out.push(nest(items));
            out.push(headingOf(last.item));
            items.length = 0;
            break;
          }
          last.item.text += `\n${inline(line.trim()).text}`;
          last.item.span = { line: last.item.span.line, endLine: first + i };
          i++;
          continue;
        }
        const r = inline(m.text);
        const checked = /^\[[xX ]\]\s/.test(r.text) ? /^\[[xX]\]/.test(r.text) : null;
        const text = checked === null ? r.text : r.text.slice(4);
        // "- a. Outreach": a bullet that numbers its own text nests by that number's kind
        const inner = /^[-*•·●▪◦–o]$/.test(m.marker) ? MARKER.exec(text) : null;
        const kind = inner ? `bullet-${markerKind(inner[1]!)}` : markerKind(m.marker);
        items.push({
          item: {
            marker: m.marker,
            checked,
            text,
            runs: checked === null ? r.runs : [{ text, strong: false }],
            blocks: [],
            span: { line: first + i, endLine: first + i },
          },
          indent: line.length - line.trimStart().length,
          kind,
        });
        i++;
      }
      if (items.length) out.push(nest(items));
      continue;
    }
    // a paragraph: the lines up to the next list, table or heading line
    const start = i;
    while (
      i < chunk.length &&
      (i === start ||
        (!listMarker(chunk[i]!) &&
          !TABLE.test(chunk[i]!.trim()) &&
          !/^#{1,6}\s/.test(chunk[i]!.trim())))
    )
      i++;
    const r = inline(
      chunk
        .slice(start, i)
        .map((l) => l.trim())
        .join("\n"),
    );
    const short =
      i - start === 1 && r.text.length <= 90 && !/[.;,]$/.test(r.text) && !/:\s*\S/.test(r.text);
    const standalone =
      short &&
      chunk.length === 1 &&
      /^[\p{Lu}\d]/u.test(r.text) &&
      r.text.split(/\s+/).length <= 12 &&
      !/:$/.test(r.text);
    out.push(
      standalone
        ? {
            kind: "heading",
            level: 7,
            text: r.text,
            emphasis: r.emphasis,
            span: { line: first + start, endLine: first + start },
          }
        : {
            kind: "paragraph",
            text: r.text,
            emphasis: r.emphasis,
            runs: r.runs,
            span: { line: first + start, endLine: first + i - 1 },
          },
    );
  }
  return out;
}

function headingOf(item: ListItem): Block {
  const r = inline(`${item.marker} ${item.text}`);
  return { kind: "heading", level: 7, text: r.text, emphasis: r.emphasis, span: item.span };
}

function markerKind(m: string): string {
  const t = m.replace(/[().]/g, "");
  if (/^\d+$/.test(t)) return "num";
  if (/^[ivxlc]+$/.test(t) && t.length > 1) return "roman";
  if (/^[IVXLC]+$/.test(t) && t.length > 1) return "ROMAN";
  if (/^[a-z]$/.test(t)) return "alpha";
  if (/^[A-Z]$/.test(t)) return "ALPHA";
  return "bullet";
}

// Nesting: deeper indentation, or a new kind of marker under a numbered item ("a." under "1.").
function nest(items: { item: ListItem; indent: number; kind: string }[]): Block {
  // "I." beside "II." is a roman numeral, not a letter
  if (items.some((x) => x.kind === "ROMAN"))
    for (const x of items)
      if (x.kind === "ALPHA" && /^[IVX][.)]$/.test(x.item.marker)) x.kind = "ROMAN";
  if (items.some((x) => x.kind === "roman"))
    for (const x of items)
      if (x.kind === "alpha" && /^[ivx][.)]$/.test(x.item.marker)) x.kind = "roman";
  const root: ListItem[] = [];
  const stack: { item: ListItem; indent: number; kind: string }[] = [];
  for (const it of items) {
    while (stack.length) {
      const top = stack[stack.length - 1]!;
      const deeper =
        it.indent > top.indent ||
        (it.indent === top.indent &&
          it.kind !== top.kind &&
          !stack.some((s) => s.kind === it.kind) &&
          top.kind !== "bullet" &&
          it.kind !== "num");
      if (deeper) break;
      stack.pop();
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      let list = parent.item.blocks.find((b) => b.kind === "list");
      if (!list) {
        list = {
          kind: "list",
          ordered: !it.kind.startsWith("bullet"),
          typed: true,
          items: [],
          span: it.item.span,
        };
        parent.item.blocks.push(list);
      }
      if (list.kind === "list") {
        list.items.push(it.item);
        list.span = { line: list.span.line, endLine: it.item.span.endLine };
      }
      for (const s of stack)
        s.item.span = { line: s.item.span.line, endLine: it.item.span.endLine };
    } else root.push(it.item);
    stack.push(it);
  }
  return {
    kind: "list",
    ordered: !items[0]!.kind.startsWith("bullet"),
    typed: true,
    items: root,
    span: { line: items[0]!.item.span.line, endLine: items[items.length - 1]!.item.span.endLine },
  };
}

// A list interrupted by blank lines ("7. …", blank, "8. …") is one list.
function mergeLists(blocks: Block[]): Block[] {
  const out: Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (
      prev?.kind === "list" &&
      b.kind === "list" &&
      prev.ordered &&
      b.ordered &&
      continues(prev, b)
    ) {
      prev.items.push(...b.items);
      prev.span = { line: prev.span.line, endLine: b.span.endLine };
      continue;
    }
    out.push(b);
  }
  return out;
}

function continues(a: { items: ListItem[] }, b: { items: ListItem[] }): boolean {
  const last = Number(/\d+/.exec(a.items[a.items.length - 1]!.marker)?.[0]);
  const first = Number(/\d+/.exec(b.items[0]!.marker)?.[0]);
  return Number.isFinite(last) && first === last + 1;
}

/** Light Markdown inline marks in plain text: **bold**, [text](url), <url>, escapes. */
export function inline(s: string): { text: string; runs: Run[]; emphasis: "strong" | null } {
  // most lines carry no marks at all
  if (!/[*_[<\\\u200B-\u200D\uFEFF]/.test(s)) {
    const text = s
      .replace(/[ \t]+/g, " ")
      .replace(/ ?\n ?/g, "\n")
      .trim();
    return { text, runs: text ? [{ text: s, strong: false }] : [], emphasis: null };
  }
  const runs: Run[] = [];
  const re = /(\*\*|__)([\s\S]+?)\1/g;
  let at = 0;
  for (const m of s.matchAll(re)) {
    if (m.index > at) runs.push({ text: plain(s.slice(at, m.index)), strong: false });
    runs.push({ text: plain(m[2]!), strong: true });
    at = m.index + m[0].length;
  }
  if (at < s.length) runs.push({ text: plain(s.slice(at)), strong: false });
  const kept = runs.filter((r) => r.text);
  const text = kept
    .map((r) => r.text)
    .join("")
    .replace(/[ \t]+/g, " ")
    .replace(/ ?\n ?/g, "\n")
    .trim();
  const visible = kept.filter((r) => /[\p{L}\p{N}]/u.test(r.text));
  return {
    text,
    runs: kept,
    emphasis: visible.length && visible.every((r) => r.strong) ? "strong" : null,
  };
}

const plain = (s: string) =>
  s
    .replace(/!?\[([^\]]*)\]\(([^)\s]*)\)/g, "$1")
    .replace(/<((?:https?|ftp|mailto):[^>\s]+)>/gi, "$1")
    .replace(/(^|[\s(])[*_](?=\S)([^*_\n]+?)[*_](?=[\s.,;:!?)]|$)/g, "$1$2")
    .replace(/\\([\\`*_{}[\]()#+\-.!:|<>])/g, "$1")
    .replace(/[\u200B-\u200D\uFEFF]/g, "");
