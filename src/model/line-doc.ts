/**
 * What every reader yields: the report as numbered lines of plain text with light
 * Markdown marks (headings `#`, list markers, `[text](url)` links, `|` table rows), so
 * that each extracted value can cite the lines it came from.
 */
export interface LineDoc {
  /** The input's base name, e.g. "meeting-12.docx". */
  source: string;
  /** The reader that produced it: txt, md, html, docx, pdf. */
  format: string;
  /** lines[0] is line 1. */
  lines: string[];
}
