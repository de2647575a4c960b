import type { LineDoc } from "../model/line-doc.js";
import { decodeText, splitLines } from "./decode.js";

/** Plain text and Markdown: the lines as written (passes understand the Markdown marks). */
export function readText(bytes: Uint8Array, source: string, format: "txt" | "md"): LineDoc {
  return { source, format, lines: splitLines(decodeText(bytes, source)) };
}
