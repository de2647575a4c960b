import type { Emphasis, Run } from "../model/line-doc.js";

type Styled = Run & { em?: boolean; href?: string };

/**
 * Joins neighbouring runs of the same style and folds white space across them (HTML
 * spreads one word over several elements; Word splits a bold line into many runs).
 */
export function foldRuns<T extends Styled>(runs: T[]): T[] {
  const out: T[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    // runs of one style join, but two bold runs that meet at a space stay apart: Word splits
    // words into runs, while "<b>Cabinet Office </b><b>Senior Group</b>" are two phrases
    const apart =
      prev &&
      prev.strong &&
      r.strong &&
      (/\s$/.test(prev.text) || /^\s/.test(r.text)) &&
      prev.text.trim() &&
      r.text.trim();
    if (prev && !apart && prev.strong === r.strong && !!prev.em === !!r.em && prev.href === r.href)
      prev.text += r.text;
    else out.push({ ...r });
  }
  // one space between words, however the runs split them; line breaks stay
  let lastSpace = true;
  for (const r of out) {
    let t = "";
    for (const ch of r.text) {
      if (ch === "\n") {
        t = t.replace(/ $/, "");
        t += "\n";
        lastSpace = true;
        continue;
      }
      if (ch === " " || ch === "\t") {
        if (!lastSpace) t += " ";
        lastSpace = true;
        continue;
      }
      t += ch;
      lastSpace = false;
    }
    r.text = t;
  }
  return out.filter((r) => r.text);
}

/** Whether every visible character of the runs is bold (and italic). */
export function emphasisOf(runs: readonly Styled[]): Emphasis {
  const visible = runs.filter((r) => /[\p{L}\p{N}]/u.test(r.text));
  if (!visible.length || !visible.every((r) => r.strong)) return null;
  return visible.every((r) => r.em) ? "strong-em" : "strong";
}
