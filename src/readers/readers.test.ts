import { describe, expect, it } from "vitest";
import { Document, Packer, Paragraph, HeadingLevel } from "docx";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { readDocument, detectFormat } from "./index.js";
import { decodeText, splitLines } from "./decode.js";

const TEXT = "Café “Ñandú” — 5 €";
const enc = (s: string) => new TextEncoder().encode(s);

describe("text decoding", () => {
  it("reads UTF-8 with and without BOM", () => {
    expect(decodeText(enc(TEXT), "a.txt")).toBe(TEXT);
    expect(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...enc(TEXT)]), "a.txt")).toBe(TEXT);
  });
  it("drops a stray NUL far into a text (the store cannot keep one)", async () => {
    const text = "Meeting notes\n" + "x".repeat(9000) + "\u0000 end\n";
    const doc = await readDocument(new TextEncoder().encode(text), "notes.txt");
    expect(doc.lines.join("\n")).not.toContain("\u0000");
    expect(doc.lines[1]).toMatch(/x end$/);
  });
  it("reads UTF-16 LE and BE with BOM", () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, "utf16le")]);
    const be = Buffer.from(le.subarray(2)).swap16();
    expect(decodeText(le, "a.txt")).toBe(TEXT);
    expect(decodeText(Buffer.concat([Buffer.from([0xfe, 0xff]), be]), "a.txt")).toBe(TEXT);
  });
  it("detects Windows-1252 when the bytes are not UTF-8", () => {
    // “ (0x93), ” (0x94), — (0x97), € (0x80), é (0xe9), Ñ (0xd1), ú (0xfa)
    const bytes = new Uint8Array([
      0x43, 0x61, 0x66, 0xe9, 0x20, 0x93, 0xd1, 0x61, 0x6e, 0x64, 0xfa, 0x94, 0x20, 0x97, 0x20,
      0x35, 0x20, 0x80,
    ]);
    expect(decodeText(bytes, "a.txt")).toBe(TEXT);
  });
  it("accepts CRLF and CR line ends", () => {
    expect(splitLines("a\r\nb\rc\nd")).toEqual(["a", "b", "c", "d"]);
  });
  it("refuses binary data with the file's name in the message", () => {
    expect(() => decodeText(new Uint8Array([0x00, 0x01, 0x02, 0xff]), "blob.txt")).toThrow(
      /blob\.txt: looks like binary/,
    );
  });
});

describe("format detection and readers", () => {
  it("prefers the content type, then the bytes, then the extension", () => {
    expect(detectFormat(enc("<p>x</p>"), "a.txt", "text/html")).toBe("html");
    expect(detectFormat(enc("%PDF-1.7"), "report.txt")).toBe("pdf");
    expect(detectFormat(enc("<!DOCTYPE html><p>x</p>"), "notes")).toBe("html");
    expect(detectFormat(enc("# Title"), "a.md")).toBe("md");
    expect(() => detectFormat(enc("x"), "a.xyz")).toThrow(/unknown file type/);
    expect(() => detectFormat(enc("x"), "old.doc")).toThrow(/save it as \.docx/);
  });
  it("turns HTML into headings, numbered items, table rows and links, dropping scripts", async () => {
    const html = `<h2>Agenda</h2><ol><li>One<ol><li>Sub</li></ol></li><li>Two</li></ol><script>alert(1)</script><p>See <a href="https://x.example">site</a> and <a href="javascript:evil()">this</a>.</p><table><tr><td>A</td><td>B</td></tr></table>`;
    const doc = await readDocument(enc(html), "a.html");
    expect(doc.lines.filter(Boolean)).toEqual([
      "## Agenda",
      "1. One",
      "  a. Sub",
      "2. Two",
      "See [site](https://x.example) and this.",
      "| A | B |",
    ]);
  });
  it("reads a DOCX through mammoth with real headings", async () => {
    const docx = new Document({
      sections: [
        {
          children: [
            new Paragraph({ text: "Agenda", heading: HeadingLevel.HEADING_2 }),
            new Paragraph("Body text"),
          ],
        },
      ],
    });
    const doc = await readDocument(await Packer.toBuffer(docx), "r.docx");
    expect(doc.format).toBe("docx");
    expect(doc.lines.filter(Boolean)).toEqual(["## Agenda", "Body text"]);
  });
  it("reads a PDF's text lines", async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const page = pdf.addPage([400, 400]);
    page.drawText("First line", { x: 20, y: 350, size: 12, font });
    page.drawText("Second line", { x: 20, y: 330, size: 12, font });
    const doc = await readDocument(await pdf.save(), "r.pdf");
    expect(doc.lines.filter(Boolean)).toEqual(["First line", "Second line"]);
  });
  it("gives clear errors for empty, corrupt DOCX and corrupt PDF files", async () => {
    await expect(readDocument(new Uint8Array(), "e.txt")).rejects.toThrow(
      "e.txt: the file is empty",
    );
    await expect(
      readDocument(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), "bad.docx"),
    ).rejects.toThrow(/bad\.docx: not a readable \.docx/);
    await expect(readDocument(enc("%PDF-1.4\ngarbage"), "bad.pdf")).rejects.toThrow(
      /bad\.pdf: not a readable PDF/,
    );
  });
});
