import iconv from "iconv-lite";
import { RapporteurError } from "../model/errors.js";

/**
 * Bytes of a text file to a string. UTF-8 (with or without BOM) and UTF-16 (with a BOM,
 * or without one when every other byte is zero, as in text of Latin script) are
 * recognised; bytes that are not valid UTF-8 are read as Windows-1252, the usual
 * encoding of text saved by older office tools. Binary data is refused; a few stray NUL
 * bytes in a text are not binary data.
 */
export function decodeText(bytes: Uint8Array, source: string): string {
  let text: string;
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? "utf-16le"
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? "utf-16be"
        : null;
  const bare = utf16 ? null : utf16WithoutBom(bytes);
  if (utf16) text = new TextDecoder(utf16).decode(bytes.subarray(2));
  else if (bare) text = new TextDecoder(bare).decode(bytes);
  else {
    const body =
      bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    if (looksBinary(body)) {
      throw new RapporteurError(
        "unreadable-file",
        `${source}: looks like binary data, not text; give a .txt, .md, .html, .docx or .pdf report`,
      );
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

// Many NUL bytes or control characters mean binary content; a text may have a stray few.
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8192);
  let control = 0,
    nul = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) nul++;
    else if (b < 9 || (b > 13 && b < 32)) control++;
  }
  return n > 0 && (nul / n > 0.01 || (nul + control) / n > 0.05);
}

// UTF-16 without a byte-order mark: in text of Latin script every other byte is zero
// (the high byte); which of the two says the byte order.
function utf16WithoutBom(bytes: Uint8Array): "utf-16le" | "utf-16be" | null {
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 8) return null;
  let evenZero = 0,
    oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero / pairs > 0.4 && evenZero / pairs < 0.05) return "utf-16le";
  if (evenZero / pairs > 0.4 && oddZero / pairs < 0.05) return "utf-16be";
  return null;
}
