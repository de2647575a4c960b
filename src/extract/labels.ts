import type { LabelKind, Node } from "./doc.js";

/**
 * The words that open a part of a report, as a heading, a line ending in ":", a bold
 * lead ("**Panel:** …") or a definition term. Tried in order; the first that matches
 * names the part.
 */
const KINDS: [LabelKind, RegExp][] = [
  [
    "absent",
    /^(?:apolog(?:y|ies|ises?)(?:\s+(?:received|for absence))?|regrets?|absent(?:ees)?|absences?|not present|excused|unable to attend|(?:[\p{L} ]{0,40}\s)?(?:not (?:in )?attend(?:ing|ance)|not present|absent|apologies)(?:\s[\p{L} ]{0,20})?)$/iu,
  ],
  [
    "attend",
    /^(?:(?:the\s+)?(?:list of\s+)?(?:participants?|attendees?|attendance(?: list)?|attending|present|in attendance|those present|members present|who attended|people present|roll[- ]?call|participation)(?:\s+list)?|(?:[\p{L}/ ,-]{0,50}\s)?(?:attendees?|attendance|attending|in attendance|present|roll[- ]?call|participants?)(?:\s+(?:were|was|are|present|list|at the meeting|included))*|also (?:present|attending|in attendance)(?:\s+were)?|(?:the\s+)?following[\p{L} ]{0,60}\s(?:were|was)\s+present|(?:voting|non-voting)[\p{L} ]{0,30})$/iu,
  ],
  [
    "agenda",
    /^(?:(?:provisional|draft|proposed|adopted|approved|meeting|annotated)\s+)?agenda(?:\s+items?)?(?:\s+(?:of|for) the meeting)?(?:\s+[\d./-]{4,10})?(?:\s+and\s+minutes)?$/i,
  ],
  [
    "actions",
    /^(?:action items?|actions?(?:\s+(?:items?|points?|list|log|required|agreed|arising))?|ais|agreed actions|next steps?|follow[- ]ups?(?: actions)?|to[- ]?dos?|tasks?|outstanding actions?|actions? and decisions|decisions and actions|decisions\s*\/\s*actions|summary of actions|new actions)$/i,
  ],
  [
    "decisions",
    /^(?:decisions?(?:\s+(?:made|taken|reached|log))?|resolutions?|agreements?|outcomes?|conclusions?|motions?(?:\s+and\s+votes?)?|votes?)$/i,
  ],
  [
    "next",
    /^(?:(?:date|time|details)\s+of\s+(?:the\s+)?(?:next|future)\s+[\p{L} ]{0,30}?meetings?|next\s+(?:[\p{L}]+\s+){0,2}?(?:meeting|call|session)s?(?:\s+(?:date|details))?|future meetings?|upcoming meetings?)$/iu,
  ],
  [
    "discussion",
    /^(?:discussions?|points discussed|summary of (?:the )?(?:discussions?|meeting)|discussion summary|(?:summary of )?proceedings|main points(?: discussed)?|key points|deliberations|minutes|notes|meeting notes|details|notes and discussion|discussion notes|minutes of the meeting)$/i,
  ],
  [
    "links",
    /^(?:links|useful links|references|resources|related documents|documents shared|relevant links|important links|papers)$/i,
  ],
  [
    "chat",
    /^(?:chat(?:\s+logs?|\s+transcripts?)?|diagnostics|transcripts?|recordings?|meeting recordings|audio log|back to top)$/i,
  ],
  [
    "logistics",
    /^(?:(?:call|meeting|conference call|dial[- ]in)\s+(?:logistics|details|information)|logistics|date\s*\/\s*time|date(?:,|\s+and)\s+time(?:\s+and\s+location)?|time and place|venue|location|where|when|dial[- ]in|date|time|(?:meeting\s+)?date(?:\s+of\s+(?:the\s+)?meeting)?)$/i,
  ],
  [
    "summary",
    /^(?:summary report|summary|report|meeting report|meeting summary|summary record|record of (?:the )?meeting|short version[\p{L} /]*|context|introduction)$/iu,
  ],
  ["annex", /^annex(?:e|es)?(?:\s+[\dIVXA-Z]+)?$/i],
];

/** The kind of part a label text opens, or null. `text` is the label alone, without its colon. */
export function labelKind(text: string): LabelKind | null {
  const t = clean(text);
  if (!t || t.length > 80) return null;
  for (const [kind, re] of KINDS) if (re.test(t)) return kind;
  // "Annex 1: List of participants" is the part its subtitle names, else an annex
  const annex = /^(?:annex(?:e|es)?|appendix|attachment)\s+[\dIVXA-Z]{1,4}\s*[:.–—-]\s*(.+)$/i.exec(
    t,
  );
  if (annex) return labelKind(annex[1]!) ?? "annex";
  return null;
}

const clean = (s: string) =>
  s
    .replace(/[*_#]/g, "")
    .replace(/\s+/g, " ")
    .replace(/[\s:.–—-]+$/, "")
    .replace(/^[\s#]+/, "")
    .trim();

/** A node's lead: the label before a colon at its start ("Panel: …", "**Action:** …"), and the rest. */
export function leadOf(n: Node): { lead: string; rest: string; strong: boolean } | null {
  if (n.kind !== "para" && n.kind !== "item") return null;
  const first = n.runs.find((r) => r.text.trim());
  if (first?.strong) {
    const full = n.text;
    const strongText = first.text.trim();
    const after = full.slice(full.indexOf(strongText) + strongText.length);
    if (/:$/.test(strongText) || /^\s*:/.test(after)) {
      const lead = strongText.replace(/:$/, "").trim();
      if (lead && lead.length <= 80)
        return { lead, rest: after.replace(/^\s*:?\s*/, "").trim(), strong: true };
    }
  }
  const m = /^([^:\n]{1,60}?)\s*:\s*(.*)$/s.exec(n.text);
  if (!m || /https?$|\d$/.test(m[1]!) || /[.!?]\s/.test(m[1]!)) return null;
  return { lead: m[1]!.trim(), rest: m[2]!.trim(), strong: false };
}

/**
 * The label a node is or opens with, if any: a heading, a short line that ends with
 * ":", a bold or plain lead, a definition term, a list item with children that ends
 * in ":". `inline` when the part's content follows on the same node ("Present: A, B").
 */
export function labelOfNode(n: Node): { kind: LabelKind; text: string; inline: boolean } | null {
  if (n.kind === "def" && n.key) {
    const kind = labelKind(n.key);
    return kind ? { kind, text: n.key, inline: true } : null;
  }
  if (
    n.kind === "heading" ||
    (n.kind === "para" && n.emphasis && !n.text.includes("\n") && n.text.length <= 90)
  ) {
    const kind = labelKind(n.text);
    if (kind) return { kind, text: n.text, inline: false };
  }
  if (
    (n.kind === "para" || n.kind === "item") &&
    /:\s*$/.test(n.text) &&
    n.text.length <= 90 &&
    !n.text.includes("\n")
  ) {
    const kind = labelKind(n.text);
    if (kind) return { kind, text: n.text.replace(/:\s*$/, ""), inline: false };
  }
  // a short line that is nothing but a label ("Community/Other Attendees", "Decisions")
  if (
    n.kind === "para" &&
    n.text.length <= 45 &&
    !n.text.includes("\n") &&
    !/[.!?,;]$/.test(n.text)
  ) {
    const kind = labelKind(n.text);
    if (kind && kind !== "summary" && kind !== "discussion")
      return { kind, text: n.text, inline: false };
  }
  const lead = leadOf(n);
  if (lead) {
    const kind = labelKind(lead.lead);
    if (kind) return { kind, text: lead.lead, inline: !!lead.rest };
  }
  return null;
}

/** A table header row of an action list ("Action | Owner | Due"): never a roster. */
export function isActionHeader(cells: readonly string[]): boolean {
  const head = cells.map((c) => c.replace(/[*:]/g, "").trim().toLowerCase());
  return (
    head.some((c) => /^(?:actions?|action items?|tasks?|what)$/.test(c)) &&
    head.some((c) =>
      /^(?:owner|owners|responsible|who|lead|by whom|assigned to|due|due date|deadline|by when|when|date|status)$/.test(
        c,
      ),
    )
  );
}
