import type { Doc, Pass } from "./doc.js";
import { PASSES, startDoc } from "./pipeline.js";

/**
 * Runs the passes over text up to and including `last`: lets a test look at the
 * document exactly as one pass leaves it.
 */
export function runUntil(text: string, last: Pass, source = "test.txt"): Doc {
  let doc = startDoc({ source, format: "txt", lines: text.split(/\r\n|\r|\n/) });
  for (const pass of PASSES) {
    doc = pass(doc);
    if (pass === last) break;
  }
  return doc;
}
