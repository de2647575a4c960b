import type { LineDoc } from "../model/line-doc.js";
import { decodeText, splitLines } from "./decode.js";
import { htmlBlocks } from "./dom.js";
import { layout } from "./layout.js";
import { typedStructure } from "./typed-text.js";

/**
 * HTML through a real parser (parse5, as browsers parse): the page's blocks without its
 * scripts, styles and site chrome (menus, breadcrumbs, sidebars, footers), laid out as
 * lines. The text is data, never code.
 */
export function readHtml(bytes: Uint8Array, source: string): LineDoc {
  return htmlToLineDoc(decodeText(bytes, source), source, "html");
}

/** Same as readHtml, from a string (the DOCX reader hands mammoth's HTML here). */
export function htmlToLineDoc(
  html: string,
  source: string,
  format: string,
  before: string[] = [],
): LineDoc {
  const { blocks, title } = htmlBlocks(html.replace(/\0/g, ""), source, {
    fragment: format !== "html",
  });
  const head = before.map((text) => ({
    kind: "paragraph" as const,
    text,
    emphasis: null,
    runs: [{ text, strong: false }],
    span: { line: 0, endLine: 0 },
  }));
  const laid = layout(typedStructure([...head, ...blocks]));
  const lines = laid.lines.flatMap((l) => splitLines(l));
  return {
    source,
    format,
    lines: lines.length === laid.lines.length ? lines : laid.lines,
    blocks: laid.blocks,
    ...(title ? { title: { text: title, span: { line: 1, endLine: 1 } } } : {}),
  };
}
