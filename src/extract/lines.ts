import { stripMarkdown } from "./text.js";
import { romanToInt } from "./numbers.js";

/** A list/heading marker at the start of a line: "1.", "2)", "IV.", "a.", "(b)". */
export interface Marker {
  /** num: 1, 2…; roman: I, II…; alpha: a, b… (upper or lower). */
  kind: "num" | "roman" | "alpha";
  value: number;
  /** For single letters that are also roman numerals (i, v, x): the roman value. */
  romanValue: number | null;
  upper: boolean;
  raw: string;
}

/** One source line, with the facts every pass asks about computed once. */
export interface Line {
  /** 1-based line number in the source. */
  n: number;
  raw: string;
  /** Visible text: Markdown marks removed, trimmed. */
  text: string;
  indent: number;
  blank: boolean;
  /** Markdown heading level (1-6), 0 when not a heading. */
  heading: number;
  /** The whole line is bold ("**Agenda**"). */
  bold: boolean;
  /** Starts with a bullet ("-", "*", "•"). */
  bullet: boolean;
  marker: Marker | null;
  /** Text after the bullet and marker. */
  body: string;
  /** Cells when the line is a table row ("| a | b |"). */
  cells: string[] | null;
}

const BULLET = /^([-*•·●▪◦–])\s+/;
const MARKER = /^(?:\(?(\d{1,3}|[IVXLC]{1,6}|[ivxlc]{1,6}|[A-Za-z])([.)])|\((\d{1,3}|[ivxlc]{1,6}|[A-Za-z])\)|(?:item|point)\s+(\d{1,3})\s*[:.–-])\s+(?=\S)/i;

/** Turns raw lines into analysed lines. */
export function analyseLines(raw: string[]): Line[] {
  return raw.map((r, i) => analyseLine(r, i + 1));
}

export function analyseLine(raw: string, n: number): Line {
  const expanded = raw.replace(/\t/g, "    ");
  const indent = expanded.length - expanded.trimStart().length;
  const trimmed = raw.trim();
  const headingMatch = /^(#{1,6})\s+/.exec(trimmed);
  const heading = headingMatch ? headingMatch[1]!.length : 0;
  let cells: string[] | null = null;
  if (/^\|.*\|$/.test(trimmed) && trimmed.length > 2) {
    cells = trimmed.slice(1, -1).split("|").map((c) => stripMarkdown(c.trim()));
    if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === "")) cells = [];
  }
  const text = cells ? cells.filter(Boolean).join(" | ") : stripMarkdown(trimmed);
  const bold = /^(#{1,6}\s+)?(\*\*|__)[^*_].*(\*\*|__):?$/.test(trimmed);
  let rest = text;
  const bulletMatch = BULLET.exec(rest);
  const bullet = !!bulletMatch;
  if (bulletMatch) rest = rest.slice(bulletMatch[0].length);
  let marker: Marker | null = null;
  const m = cells ? null : MARKER.exec(rest);
  if (m) {
    const token = m[1] ?? m[3] ?? m[4]!;
    marker = toMarker(token, m[0].trim());
    if (marker) rest = rest.slice(m[0].length);
  }
  return { n, raw, text, indent, blank: text === "" && !cells?.length, heading, bold, bullet, marker, body: rest.trim(), cells };
}

function toMarker(token: string, raw: string): Marker | null {
  if (/^\d+$/.test(token)) return { kind: "num", value: Number(token), romanValue: null, upper: false, raw };
  const upper = token === token.toUpperCase();
  if (token.length === 1) {
    const value = token.toLowerCase().charCodeAt(0) - 96;
    return { kind: "alpha", value, romanValue: romanToInt(token), upper, raw };
  }
  const r = romanToInt(token);
  return r === null ? null : { kind: "roman", value: r, romanValue: r, upper, raw };
}

/** Lines joined into paragraphs (blank lines and list markers separate them). */
export interface Paragraph { text: string; lines: Line[] }

export function paragraphs(lines: Line[], alone: ReadonlySet<number> = new Set()): Paragraph[] {
  const out: Paragraph[] = [];
  let cur: Line[] = [];
  const flush = () => {
    if (cur.length) out.push({ text: cur.map((l) => (l.marker || l.bullet ? l.body : l.text)).join(" "), lines: cur });
    cur = [];
  };
  for (const l of lines) {
    if (l.blank) { flush(); continue; }
    if (l.bullet || l.marker || l.heading || l.cells || alone.has(l.n)) flush();
    cur.push(l);
    if (l.heading || l.cells || alone.has(l.n)) flush();
  }
  flush();
  return out;
}

/** The line of a paragraph holding character offset `pos` of its joined text. */
export function lineAt(p: Paragraph, pos: number): number {
  let offset = 0;
  for (const l of p.lines) {
    const len = (l.marker || l.bullet ? l.body : l.text).length + 1;
    if (pos < offset + len) return l.n;
    offset += len;
  }
  return p.lines[p.lines.length - 1]!.n;
}
