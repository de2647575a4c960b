/** The bounds on one input (tests pass smaller ones). */
export interface Limits {
  fileBytes: number;
  docxXmlBytes: number;
  pdfPages: number;
  nesting: number;
  fileMs: number;
  readerHeapMb: number;
}

/**
 * What one input may cost, on every path that reads a report (extract, check, ingest,
 * reextract, upload, preview). Real reports stay far below each bound; a file beyond one
 * is refused alone, with a line that names the bound, while the other files and the
 * server go on. The README's "Data safety" section lists them.
 */
export const LIMITS: Limits = {
  /** Size of a report file, as stored on disk or uploaded. */
  fileBytes: 15 * 1024 * 1024,
  /** Inflated size of the XML and relationship parts of a .docx (declared and actual). */
  docxXmlBytes: 50 * 1024 * 1024,
  /** Pages of a PDF. */
  pdfPages: 2_000,
  /** Nesting of HTML elements, Markdown block quotes and lists. */
  nesting: 500,
  /** Time to read and extract one report, in milliseconds. */
  fileMs: 30_000,
  /** Heap of the thread that reads reports, in MB (a V8 limit on that thread alone). */
  readerHeapMb: 384,
};
