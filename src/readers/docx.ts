import mammoth from "mammoth";
import { unzipSync } from "fflate";
import type { LineDoc } from "../model/line-doc.js";
import { RapporteurError } from "../model/errors.js";
import { LIMITS } from "../model/limits.js";
import { htmlToLineDoc } from "./html.js";
import { checkInflatedSize } from "./zip-guard.js";

/**
 * DOCX through mammoth's HTML (real headings, lists, tables and bold runs), then the
 * HTML reader. Page headers, which mammoth leaves out, come first: some reports give
 * their date only there.
 */
export async function readDocx(bytes: Uint8Array, source: string): Promise<LineDoc> {
  checkInflatedSize(bytes, source, LIMITS.docxXmlBytes);
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        // images carry no minutes: they are never inflated, let alone inlined as data
        convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
      },
    ));
  } catch (e) {
    throw new RapporteurError(
      "unreadable-file",
      `${source}: not a readable .docx (${shortReason(e)}); re-save it from your word processor`,
    );
  }
  return htmlToLineDoc(html, source, "docx", pageHeaders(bytes));
}

const shortReason = (e: unknown) =>
  String((e as Error)?.message ?? e)
    .split("\n")[0]!
    .slice(0, 120);

// The paragraphs of the page headers (word/header*.xml), each once, in order.
function pageHeaders(bytes: Uint8Array): string[] {
  let parts: Record<string, Uint8Array>;
  try {
    parts = unzipSync(bytes, { filter: (f) => /^word\/header\d*\.xml$/.test(f.name) });
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of Object.keys(parts).sort()) {
    const xml = new TextDecoder().decode(parts[name]);
    for (const p of xml.split(/<\/w:p>/)) {
      const text = [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1])
        .join("")
        .replace(/&amp;/g, "&")
        .replace(/&lt;/g, "<")
        .replace(/&gt;/g, ">")
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/\s+/g, " ")
        .trim();
      if (text && !out.includes(text) && !/^(?:page\s*)?\d+(?:\s*(?:of|\/)\s*\d+)?$/i.test(text))
        out.push(text);
    }
  }
  return out;
}
