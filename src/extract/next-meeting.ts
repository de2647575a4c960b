import type { Doc } from "./doc.js";
import { findDates, notBefore, iso, toDate } from "./when.js";
import { sentences } from "./text.js";

const LABEL = /^(?:the\s+)?next\s+(?:\w+\s+){0,2}?(?:meeting|call|session|gathering)\s*(?:date|will be|is)?\s*[:\-–—]/i;
const MENTION = /\bnext\s+(?:\w+['’]?s?\s+){0,3}?(?:meeting|call|session)\b/i;
const SCHEDULED = /\b(?:will|shall)\s+(?:be|take place|meet|convene)\b|\b(?:is|are|has been|was)\s+(?:planned|scheduled|set|proposed|tentatively|foreseen|expected|confirmed)\b|\b(?:planned|scheduled|set|proposed)\s+for\b|\bwill\s+(?:be\s+)?held\b/i;

/** The announced next meeting: a "Next meeting:" line, else a sentence that schedules it. */
export function nextMeeting(doc: Doc): Doc {
  const ref = toDate(doc.header?.start ?? null);
  const from = 0;
  let labelled: { value: string; line: number } | null = null;
  let stated: { value: string; line: number } | null = null;
  for (let i = from; i < doc.lines.length; i++) {
    const l = doc.lines[i]!;
    if (l.blank || !/next/i.test(l.text)) continue;
    if (LABEL.test(l.text)) {
      const text = l.text + " " + (doc.lines[i + 1]?.text ?? "");
      const f = findDates(text, ref).find((x) => x.dayGiven);
      if (f && !labelled) labelled = { value: iso(notBefore(f, ref)), line: l.n };
      continue;
    }
    if (/^next steps?\s*:/i.test(l.text)) continue;
    for (const s of sentences(l.text)) {
      if (!MENTION.test(s.text) || !SCHEDULED.test(s.text)) continue;
      const f = findDates(s.text, ref).find((x) => x.dayGiven);
      if (f) stated = { value: iso(notBefore(f, ref)), line: l.n };
    }
  }
  return { ...doc, nextMeeting: labelled ?? stated };
}
