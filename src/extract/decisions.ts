import type { Doc } from "./doc.js";
import { lineIndexAt, norm, sentences } from "./text.js";

// What the group itself decided: "it was agreed to …", "the Board decided …", "the minutes
// were approved", "RESOLVED: …", a vote with its outcome. Not opinions ("Ada agreed with
// …"), proposals, or other bodies' decisions ("the General Assembly decided").
const GROUP =
  /\b(?:it|this|that)\s+was\s+(?:(?:also|further|then|unanimously|finally)\s+)?(?:agreed|decided|resolved)\b|\b(?:the\s+)?(?:group|wg|working group|committee|board|meeting|participants|members|council|caucus|network|steering group|panel|we|all)\s+(?:(?:also|further|then|unanimously|finally)\s+)?(?:agreed|decided|resolved|approved|adopted|endorsed)\s+(?:to|that|on|the)\b|\b(?:agreement|decision|consensus)\s+was\s+(?:reached|taken|made)\b|\b(?:motion|resolution|proposal)\s+(?:was\s+)?(?:carried|passed|adopted|approved)\b|\b(?:minutes|agenda|report|budget|plan|work plan|terms of reference|charter|statement|document)\s+(?:(?:of|for)\s+[^.]{1,60}?\s+)?(?:was|were)\s+(?:(?:unanimously|formally)\s+)?(?:approved|adopted|endorsed)\b|\bvoted\s+(?:in favou?r|against|to)\b/i;
const LABEL = /^(?:decisions?|resolved|resolution|agreed|outcome)\s*[:–—-]\s*(?=\S)/i;
const NOT =
  /\bagreed\s+with\b|\b(?:would|could|should|might|may)\s+(?:be\s+)?(?:agreed|decided|approved)\b|\bif\b.*\bagreed\b|\?$/i;

/** Decisions of the meeting, one sentence each in the report's words, with their line. */
export function decisions(doc: Doc): Doc {
  const range = doc.outline?.discussion;
  // prose is read in the discussion; a "Decisions" list wherever it stands
  const inProse = (i: number) => !range || (i >= range.from && i < range.to);
  const heads = new Set((doc.sections ?? []).map((s) => s.line));
  const out: { text: string; line: number; endLine: number }[] = [];
  const seen = new Set<string>();
  let underHeading = false;
  for (const [i, n] of doc.nodes.entries()) {
    if (n.kind === "heading") {
      // a "Decisions" section lists them outright
      underHeading = /^(?:\d+[.)]?\s*)?(?:decisions?(?: taken| made)?|resolutions?)\s*:?$/i.test(
        n.text.trim(),
      );
      continue;
    }
    if (n.kind !== "para" && n.kind !== "item") continue;
    if (heads.has(n.span.line) && n.kind !== "item" && n.text.length < 200) continue;
    const flat = n.text.replace(/\n/g, " ");
    for (const s of sentences(flat)) {
      const text = s.text.replace(/\s+/g, " ").trim();
      const labelled = LABEL.test(text) || (underHeading && n.kind === "item");
      if (!labelled && (!inProse(i) || !GROUP.test(text) || NOT.test(text))) continue;
      const key = norm(text);
      if (!key || seen.has(key)) continue;
      seen.add(key);
      const line =
        n.span.line + Math.min(lineIndexAt(n.text, s.start), n.span.endLine - n.span.line);
      out.push({ text: text.replace(LABEL, ""), line, endLine: line });
    }
  }
  return { ...doc, decisions: out };
}
