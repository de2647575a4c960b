import iconv from "iconv-lite";
import { RapporteurError } from "../model/errors.js";

/**
 * Bytes of a text file to a string. UTF-8 (with or without BOM) and UTF-16 with BOM
 * are recognised; bytes that are not valid UTF-8 are read as Windows-1252, the usual
 * encoding of text saved by older office tools. Binary data is refused.
 */
export function decodeText(bytes: Uint8Array, source: string): string {
  let text: string;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le").decode(bytes.subarray(2));
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be").decode(bytes.subarray(2));
  else {
    const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    if (looksBinary(body)) {
      throw new RapporteurError("unreadable-file", `${source}: looks like binary data, not text; give a .txt, .md, .html, .docx or .pdf report`);
    }
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(body);
    } catch {
      // Node's TextDecoder reads "windows-1252" as Latin-1 (0x93 is not “), so use iconv-lite
      text = iconv.decode(Buffer.from(body), "win1252");
    }
  }
  return text.replace(/^\uFEFF/, "");
}

/**
 * Splits text into lines, accepting CRLF, CR and LF line ends. A stray NUL (past the
 * part looked at for binary data) is dropped: PostgreSQL text cannot hold one.
 */
export function splitLines(text: string): string[] {
  const lines = text.replace(/\0/g, "").split(/\r\n|\r|\n/);
  while (lines.length > 1 && lines[lines.length - 1]!.trim() === "") lines.pop();
  return lines;
}

// NUL bytes or many control characters mean binary content (text never has them).
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && control / n > 0.05;
}
