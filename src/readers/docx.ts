import mammoth from "mammoth";
import type { LineDoc } from "../model/line-doc.js";
import { RapporteurError } from "../model/errors.js";
import { LIMITS } from "../model/limits.js";
import { htmlToLineDoc } from "./html.js";
import { checkInflatedSize } from "./zip-guard.js";

/** DOCX through mammoth's HTML (real headings, lists and tables), then the HTML reader. */
export async function readDocx(bytes: Uint8Array, source: string): Promise<LineDoc> {
  checkInflatedSize(bytes, source, LIMITS.docxXmlBytes);
  let html: string;
  try {
    ({ value: html } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, {
      // images carry no minutes: they are never inflated, let alone inlined as data
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: "" })),
    }));
  } catch (e) {
    throw new RapporteurError("unreadable-file", `${source}: not a readable .docx (${shortReason(e)}); re-save it from your word processor`);
  }
  return htmlToLineDoc(html, source, "docx");
}

const shortReason = (e: unknown) => String((e as Error)?.message ?? e).split("\n")[0]!.slice(0, 120);
