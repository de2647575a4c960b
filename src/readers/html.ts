import { parse, NodeType, type HTMLElement, type Node } from "node-html-parser";
import type { LineDoc } from "../model/line-doc.js";
import { decodeText } from "./decode.js";
import { RapporteurError } from "../model/errors.js";
import { LIMITS } from "../model/limits.js";

const BLOCK = new Set(["p", "div", "section", "article", "header", "footer", "main", "blockquote", "pre", "address", "figure", "figcaption", "dt", "dd", "body", "html", "center", "aside", "nav"]);
const SKIP = new Set(["script", "style", "noscript", "template", "head", "svg", "iframe", "object"]);

/**
 * HTML to the line document: headings become `#` lines, list items `1.`/`a.`/`-` lines,
 * table rows `| a | b |`, links `[text](href)`. Scripts and styles are dropped: the
 * text is data, never code.
 */
export function readHtml(bytes: Uint8Array, source: string, format = "html"): LineDoc {
  return htmlToLineDoc(decodeText(bytes, source), source, format);
}

/** Same as readHtml, from a string (the DOCX reader hands mammoth's HTML here). */
export function htmlToLineDoc(html: string, source: string, format: string): LineDoc {
  const root = parse(html, { blockTextElements: { script: false, style: false, noscript: false, pre: true } });
  checkNesting(root, source);
  const out: string[] = [];
  // keep the indentation (it nests list items), fold the rest of the white space
  const emit = (line: string) => {
    const indent = /^ */.exec(line)![0];
    out.push(indent + line.slice(indent.length).replace(/[ \t\u00a0]+/g, " ").replace(/\0/g, "").trim());
  };
  const gap = () => { if (out.length && out[out.length - 1] !== "") out.push(""); };
  walkBlock(root, { emit, gap, depth: 0 });
  while (out.length && out[out.length - 1] === "") out.pop();
  return { source, format, lines: out.length ? out : [""] };
}

/** Refuses markup nested deeper than the readers' limit (their walks recurse). */
function checkNesting(root: Node, source: string): void {
  const stack: [Node, number][] = [[root, 0]];
  while (stack.length) {
    const [node, depth] = stack.pop()!;
    if (depth > LIMITS.nesting) throw new RapporteurError("unreadable-file", `${source}: nested too deeply (more than ${LIMITS.nesting} levels of elements); is it the right file?`);
    for (const c of node.childNodes) stack.push([c, depth + 1]);
  }
}

interface Sink { emit(line: string): void; gap(): void; depth: number }

function walkBlock(node: Node, sink: Sink): void {
  let inline = "";
  const flush = () => {
    for (const part of inline.split("\n")) if (part.trim()) sink.emit(part.trim());
    inline = "";
  };
  for (const child of node.childNodes) {
    if (child.nodeType === NodeType.TEXT_NODE) { if (!/^\s*<!/.test(child.rawText)) inline += child.text; continue; }
    if (child.nodeType !== NodeType.ELEMENT_NODE) continue;
    const el = child as HTMLElement;
    const tag = el.rawTagName?.toLowerCase() ?? "";
    if (SKIP.has(tag)) continue;
    if (/^h[1-6]$/.test(tag)) {
      flush(); sink.gap();
      const text = inlineText(el).trim();
      if (text) sink.emit(`${"#".repeat(Number(tag[1]))} ${text}`);
      sink.gap();
    } else if (tag === "ul" || tag === "ol") {
      flush(); if (sink.depth === 0) sink.gap();
      walkList(el, sink, tag === "ol");
      if (sink.depth === 0) sink.gap();
    } else if (tag === "table") {
      flush(); sink.gap();
      for (const row of el.querySelectorAll("tr")) {
        const cells = row.querySelectorAll("td, th").map((c) => inlineText(c).replace(/\s+/g, " ").trim());
        if (cells.some(Boolean)) sink.emit(`| ${cells.join(" | ")} |`);
      }
      sink.gap();
    } else if (tag === "br") {
      inline += "\n";
    } else if (tag === "hr") {
      flush(); sink.gap();
    } else if (BLOCK.has(tag) || tag === "li") {
      flush();
      walkBlock(el, sink);
      if (sink.depth === 0) sink.gap();
    } else {
      inline += inlineNode(el);
    }
  }
  flush();
}

function walkList(list: HTMLElement, sink: Sink, ordered: boolean): void {
  const start = Number(list.getAttribute("start") ?? "1") || 1;
  let i = 0;
  for (const li of list.childNodes) {
    if (li.nodeType !== NodeType.ELEMENT_NODE || (li as HTMLElement).rawTagName?.toLowerCase() !== "li") continue;
    const item = li as HTMLElement;
    const marker = ordered ? (sink.depth === 0 ? `${start + i}.` : `${String.fromCharCode(97 + ((start - 1 + i) % 26))}.`) : "-";
    i++;
    const own: string[] = [];
    const nested: HTMLElement[] = [];
    for (const c of item.childNodes) {
      const tag = c.nodeType === NodeType.ELEMENT_NODE ? (c as HTMLElement).rawTagName?.toLowerCase() : "";
      if (tag === "ul" || tag === "ol") nested.push(c as HTMLElement);
      else own.push(inlineNode(c));
    }
    const text = own.join(" ").replace(/\s+/g, " ").trim();
    if (text) sink.emit(`${"  ".repeat(sink.depth)}${marker} ${text}`);
    for (const n of nested) walkList(n, { ...sink, depth: sink.depth + 1 }, n.rawTagName.toLowerCase() === "ol");
  }
}

// Inline content as text; links keep their target in Markdown form so the links pass sees it.
function inlineText(el: HTMLElement): string {
  return el.childNodes.map(inlineNode).join("");
}

function inlineNode(c: Node): string {
  if (c.nodeType === NodeType.TEXT_NODE) return c.text;
  if (c.nodeType !== NodeType.ELEMENT_NODE) return "";
  const e = c as HTMLElement;
  const tag = e.rawTagName?.toLowerCase() ?? "";
  if (SKIP.has(tag)) return "";
  if (tag === "br") return "\n";
  if (tag === "a") {
    const href = (e.getAttribute("href") ?? "").trim();
    const text = inlineText(e).trim();
    // only real web links survive; javascript: and other schemes become plain text
    if (!/^(https?:|ftp:|mailto:|www\.)/i.test(href)) return text;
    // a link that shows its own address (with or without the scheme) is a bare address
    if (!text || text === href || href.replace(/^https?:\/\//i, "") === text) return text || href;
    return `[${text}](${href})`;
  }
  return inlineText(e);
}
