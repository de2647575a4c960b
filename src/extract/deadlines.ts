import type { Doc } from "./doc.js";
import { findDates, endOfPeriod, iso, type Found } from "./when.js";

const DEADLINE =
  /\b(?:deadline|due(?:\s+(?:by|on|date))?|by|before|until|till|no later than|not later than|latest by)\b/gi;

/** The due date a deadline word gives, if any. */
export function dueOf(text: string, ref: Date | null, doc: Doc): string | null {
  return deadline(text, ref, false, doc).value;
}

/** A date in a due label ("Due: March"), or (anywhere) a period's last day. */
export function dueValue(
  text: string,
  ref: Date | null,
  doc: Doc,
  anywhere: boolean,
): string | null {
  const d = findDates(text, ref, { order: doc.order }).find((f) => f.dayGiven && !f.range);
  if (d) return iso(d);
  return anywhere ? endOfPeriod(text, ref) : null;
}

// The due date: a date right after a deadline word, a period's end, or (in a labelled
// action) any date.
export function deadline(
  text: string,
  ref: Date | null,
  anywhere: boolean,
  doc: Doc,
): { found: boolean; value: string | null } {
  let cache: Found[] | null | undefined;
  const datesOf = () =>
    cache !== undefined
      ? cache
      : (cache =
          /\d|January|February|March|April|May|June|July|August|September|October|November|December/i.test(
            text,
          )
            ? findDates(text, ref, { order: doc.order }).filter((f) => f.dayGiven && !f.range)
            : null);
  for (const m of text.matchAll(DEADLINE)) {
    const word = m[0].toLowerCase();
    const after = m.index + m[0].length;
    const rest = text.slice(after, after + 40);
    if (/^\s*(?:the\s+)?end\s+of\b/i.test(rest)) {
      const end = endOfPeriod(rest, ref);
      if (end || /\bweek\b/i.test(rest)) return { found: true, value: end };
    }
    const near = datesOf()?.find((f) =>
      word === "deadline" ? f.index > m.index : f.index >= after && f.index - after <= 12,
    );
    if (near) return { found: true, value: iso(near) };
  }
  const all = anywhere ? datesOf() : null;
  if (all?.length) return { found: true, value: iso(all[0]!) };
  return { found: false, value: null };
}
