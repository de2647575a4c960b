/**
 * Hostile inputs, generated on the fly (nothing this large is kept in the repository):
 * each is a valid file of its kind that would cost a naive reader far too much.
 */
import { strToU8, unzipSync, zipSync } from "fflate";
import { readFileSync } from "node:fs";
import { ROOT } from "../helpers.js";

/** A PDF of `pages` pages sharing one small content stream, written by hand (fast). */
export function manyPagePdf(pages: number): Buffer {
  const parts: string[] = ["%PDF-1.4\n"];
  const offsets: number[] = [];
  let at = Buffer.byteLength(parts[0]!);
  const obj = (n: number, body: string) => {
    offsets[n] = at;
    const text = `${n} 0 obj\n${body}\nendobj\n`;
    parts.push(text);
    at += Buffer.byteLength(text);
  };
  const content = "BT /F1 12 Tf 20 100 Td (Minutes of a meeting that never ends) Tj ET";
  obj(1, "<< /Type /Catalog /Pages 2 0 R >>");
  const kids = Array.from({ length: pages }, (_, i) => `${i + 5} 0 R`).join(" ");
  obj(2, `<< /Type /Pages /Count ${pages} /Kids [${kids}] >>`);
  obj(3, `<< /Length ${content.length} >>\nstream\n${content}\nendstream`);
  obj(4, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  for (let i = 0; i < pages; i++)
    obj(
      i + 5,
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>",
    );
  const count = pages + 5;
  const xref = [
    `xref\n0 ${count}\n`,
    "0000000000 65535 f \n",
    ...offsets.slice(1).map((o) => `${String(o).padStart(10, "0")} 00000 n \n`),
  ].join("");
  parts.push(xref, `trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${at}\n%%EOF\n`);
  return Buffer.from(parts.join(""));
}

/**
 * A .docx (the fixture's) whose document.xml inflates to about `mb` MB; with `lie`, its
 * directory and local headers declare 1,000 bytes instead, as a crafted bomb would.
 */
export function docxBomb(mb: number, lie = false): Buffer {
  const parts = unzipSync(readFileSync(`${ROOT}/fixtures/reports/policy-network-docx/input.docx`));
  const doc = new TextDecoder().decode(parts["word/document.xml"]);
  const para = `<w:p><w:r><w:t>${"x".repeat(1000)}</w:t></w:r></w:p>`;
  const filler = para.repeat(Math.floor((mb * 1048576) / para.length));
  parts["word/document.xml"] = strToU8(doc.replace("</w:body>", `${filler}</w:body>`));
  const zip = Buffer.from(zipSync(parts, { level: 9 }));
  if (lie) {
    for (let i = 0; i < zip.length - 4; i++) {
      const sig = zip.readUInt32LE(i);
      if (sig === 0x02014b50) zip.writeUInt32LE(1000, i + 24);
      else if (sig === 0x04034b50) zip.writeUInt32LE(1000, i + 22);
    }
  }
  return zip;
}

/** HTML nested `depth` elements deep. */
export const deepHtml = (depth: number): string =>
  `<!doctype html><html><body><h1>Board meeting, 3 March 2025</h1>${"<div>".repeat(depth)}Present: A. Person${"</div>".repeat(depth)}</body></html>`;

/** Markdown nested `depth` block quotes deep. */
export const deepMarkdown = (depth: number): string =>
  `# Board meeting, 3 March 2025\n\n${">".repeat(depth)} Present: A. Person\n`;
