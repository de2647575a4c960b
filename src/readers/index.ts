import { extname } from "node:path";
import type { LineDoc } from "../model/line-doc.js";
import { RapporteurError } from "../model/errors.js";
import { readText } from "./text.js";

export type Format = "txt" | "md" | "html" | "docx" | "pdf";
export const FORMATS: readonly Format[] = ["txt", "md", "html", "docx", "pdf"];
const BY_EXTENSION: Record<string, Format> = {
  ".txt": "txt",
  ".text": "txt",
  ".md": "md",
  ".markdown": "md",
  ".html": "html",
  ".htm": "html",
  ".docx": "docx",
  ".pdf": "pdf",
};
const BY_MIME: Record<string, Format> = {
  "text/plain": "txt",
  "text/markdown": "md",
  "text/html": "html",
  "application/pdf": "pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "docx",
};

/**
 * Picks the reader: the declared content type first, then what the bytes say (PDF and
 * ZIP signatures, HTML markup), then the file name's extension.
 */
export function detectFormat(bytes: Uint8Array, source: string, contentType?: string): Format {
  const mime = contentType?.split(";")[0]?.trim().toLowerCase();
  if (mime && BY_MIME[mime]) return BY_MIME[mime];
  if (bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)
    return "pdf";
  const ext = extname(source).toLowerCase();
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) {
    if (ext === ".docx" || !ext || !BY_EXTENSION[ext]) return "docx";
  }
  if (ext === ".doc" || ext === ".odt" || ext === ".rtf") {
    throw new RapporteurError(
      "unsupported-format",
      `${source}: ${ext} files are not supported; save it as .docx or .pdf`,
    );
  }
  const head = new TextDecoder("utf-8").decode(bytes.subarray(0, 2048)).trimStart().toLowerCase();
  if (/^(<!doctype html|<html|<head|<body)/.test(head)) return "html";
  if (BY_EXTENSION[ext]) return BY_EXTENSION[ext];
  if (!ext || ext === ".") return "txt";
  throw new RapporteurError(
    "unsupported-format",
    `${source}: unknown file type "${ext}"; give a .txt, .md, .html, .docx or .pdf report`,
  );
}

/** Reads any supported report into the line document. */
export async function readDocument(
  bytes: Uint8Array,
  source: string,
  contentType?: string,
): Promise<LineDoc> {
  if (bytes.length === 0) throw new RapporteurError("empty-file", `${source}: the file is empty`);
  const format = detectFormat(bytes, source, contentType);
  // each format's parser is loaded when a file of that format comes (start-up stays short)
  switch (format) {
    case "txt":
      return readText(bytes, source);
    case "md":
      return (await import("./markdown.js")).readMarkdown(bytes, source);
    case "html":
      return (await import("./html.js")).readHtml(bytes, source);
    case "docx":
      return (await import("./docx.js")).readDocx(bytes, source);
    case "pdf":
      return (await import("./pdf.js")).readPdf(bytes, source);
  }
}
