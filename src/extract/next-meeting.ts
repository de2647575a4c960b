import type { Doc } from "./doc.js";
import { findDates, notBefore, iso, toDate, type Found } from "./when.js";
import { sentences } from "./text.js";
import { leadOf, labelOfNode } from "./labels.js";

const MENTION = /\bnext\s+(?:\w+['’]?s?\s+){0,3}?(?:meeting|call|session|gathering)\b/i;
const SCHEDULED =
  /\b(?:will|shall)\s+(?:be|take place|meet|convene)\b|\b(?:is|are|has been|was|were)\s+(?:planned|scheduled|set|proposed|tentatively|foreseen|expected|confirmed|fixed|booked)\b|\b(?:planned|scheduled|set|proposed)\s+(?:for|on)\b|\bwill\s+(?:be\s+)?held\b|\bnext\s+(?:\w+\s+){0,3}?(?:meeting|call|session)\s+(?:is|on|:)\b/i;
// another body's call ("the next call of the other task force")
const OTHER =
  /\bnext\s+(?:\w+\s+){0,3}?(?:meeting|call|session)\s+of\s+(?:the\s+)?(?:other|another)\b|\b(?:other|another)\s+(?:\w+\s+){0,2}(?:meeting|call|session)\b/i;

/**
 * The announced next meeting: the date a "Next meeting" label gives (on its line or in
 * the part it opens), else a sentence that schedules this group's next meeting. A span
 * of days or a month alone is not a date.
 */
export function nextMeeting(doc: Doc): Doc {
  const ref = toDate(doc.header?.start ?? null);
  const opts = { order: doc.order };
  const pick = (text: string): Found | null => {
    const f = findDates(text, ref, opts).find((x) => x.dayGiven);
    return f && !f.range ? notBefore(f, ref) : null;
  };
  let labelled: { value: string; line: number } | null = null;
  let stated: { value: string; line: number } | null = null;
  for (const l of doc.outline!.labels) {
    if (l.kind !== "next") continue;
    const n = doc.nodes[l.node]!;
    const lead = leadOf(n);
    const own = l.inline && lead ? lead.rest : labelOfNode(n)?.inline ? n.text : "";
    let f = own ? pick(own) : null;
    let line = n.span.line;
    if (!f && !own) {
      // the part it opens: the first dated line ("Oct 29-30th" is a span: none)
      for (const m of doc.nodes.slice(l.node + 1, l.node + 4)) {
        if (m.kind === "heading") break;
        const found = findDates(m.text, ref, opts).find((x) => x.dayGiven);
        if (found) {
          f = found.range ? null : notBefore(found, ref);
          line = m.span.line;
          break;
        }
      }
    }
    if (f) {
      labelled = { value: iso(f), line };
      break;
    }
  }
  if (!labelled) {
    for (const n of doc.nodes) {
      if (n.kind === "front" || !/next/i.test(n.text)) continue;
      const lead = leadOf(n);
      if (lead && /^next\s+steps?$/i.test(lead.lead)) continue;
      for (const s of sentences(n.text.replace(/\n/g, " "))) {
        if (!MENTION.test(s.text) || !SCHEDULED.test(s.text) || OTHER.test(s.text)) continue;
        const f = pick(s.text);
        if (f) {
          stated = { value: iso(f), line: n.span.line };
        }
      }
      if (stated) break;
    }
  }
  return { ...doc, nextMeeting: labelled ?? stated };
}
