import { extractText, getDocumentProxy } from "unpdf";
import type { LineDoc } from "../model/line-doc.js";
import { RapporteurError } from "../model/errors.js";
import { splitLines } from "./decode.js";
import { LIMITS } from "../model/limits.js";

/** PDF text through unpdf (pdf.js); pages are separated by a blank line. */
export async function readPdf(bytes: Uint8Array, source: string): Promise<LineDoc> {
  let pages: string[];
  try {
    // verbosity 0: pdf.js would print its own warnings ("Indexing all PDF objects") to the console
    const pdf = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0 });
    if (pdf.numPages > LIMITS.pdfPages) {
      await pdf.destroy();
      throw new RapporteurError("unreadable-file", `${source}: has ${pdf.numPages.toLocaleString("en")} pages, more than the ${LIMITS.pdfPages.toLocaleString("en")} a report may have; is it the right file?`);
    }
    ({ text: pages } = await extractText(pdf, { mergePages: false }));
  } catch (e) {
    if (e instanceof RapporteurError) throw e;
    throw new RapporteurError("unreadable-file", `${source}: not a readable PDF (${String((e as Error)?.message ?? e).slice(0, 120)})`);
  }
  const lines = pages.flatMap((p, i) => (i ? ["", ...splitLines(p)] : splitLines(p)));
  if (!lines.some((l) => l.trim())) {
    throw new RapporteurError("unreadable-file", `${source}: the PDF has no text layer (a scan?); run OCR on it first`);
  }
  return { source, format: "pdf", lines };
}
