import type { Doc, Pass } from "./doc.js";
import { PASSES, startDoc } from "./pipeline.js";
import { textBlocks } from "../readers/text.js";
import { markdownBlocks } from "../readers/markdown.js";

/**
 * Runs the passes over text up to and including `last`: lets a test look at the
 * document exactly as one pass leaves it. A source ending in .md is read as Markdown.
 */
export function runUntil(text: string, last: Pass, source = "test.txt"): Doc {
  const lines = text.split(/\r\n|\r|\n/);
  const md = source.endsWith(".md");
  let doc = startDoc({
    source,
    format: md ? "md" : "txt",
    lines,
    blocks: md ? markdownBlocks(lines.join("\n"), lines, source) : textBlocks(lines),
  });
  for (const pass of PASSES) {
    doc = pass(doc);
    if (pass === last) break;
  }
  return doc;
}

/** A line document from plain text, as the text reader makes it. */
export function textDoc(text: string, source = "test.txt") {
  const lines = text.split(/\r\n|\r|\n/);
  return { source, format: "txt", lines, blocks: textBlocks(lines) };
}
