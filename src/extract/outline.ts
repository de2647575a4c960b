import type { Doc, LabelKind, Node, Outline } from "./doc.js";
import { labelOfNode, labelKind } from "./labels.js";

/**
 * Finds the report's parts on the document tree: the labels that open them ("Agenda",
 * "Attendees", "Action items", "Next meeting" as headings, "Label:" lines, bold leads
 * or definition terms), the title area before any part opens, and the discussion.
 */
export function outline(doc: Doc): Doc {
  const labels: Outline["labels"] = [];
  for (const n of doc.nodes) {
    const l = labelOfNode(n);
    if (l) labels.push({ node: n.i, kind: l.kind, text: l.text, inline: l.inline });
  }
  const firstPart = Math.min(
    labels.find((l) => l.kind !== "summary" && l.kind !== "logistics")?.node ?? doc.nodes.length,
    doc.nodes.findIndex(
      (n) =>
        n.kind === "item" ||
        n.kind === "row" ||
        (isHeadingLike(n) && sectionNumber(n.text) !== null),
    ) >>> 0,
  );
  const title = { from: 0, to: Math.max(0, Math.min(firstPart, doc.nodes.length)) };
  return { ...doc, outline: { title, labels, discussion: discussionRange(doc, labels, title) } };
}

/** A node that reads as a heading: marked up as one, or a short line set wholly in bold. */
export function isHeadingLike(n: Node): boolean {
  if (n.kind === "heading") return true;
  if (n.kind !== "para" || !n.emphasis) return false;
  const lines = n.text.split("\n");
  return (
    n.text.length <= 160 &&
    (lines.length === 1 || (lines.length === 2 && sectionNumber(n.text) !== null))
  );
}

/** "1.", "2)", "IV.", "a.", "Item 3:", "3.1" before a heading's text: its kind and value. */
export function sectionNumber(
  text: string,
): { kind: "num" | "roman" | "alpha"; value: number; rest: string } | null {
  const t = text.trim();
  let m = /^(?:item|agenda item|point)\s+(\d{1,2})\b\s*[:.)–—-]?\s*/i.exec(t);
  if (m) return { kind: "num", value: Number(m[1]), rest: t.slice(m[0].length) };
  m = /^(\d{1,2})(?:\.(?!\d)|\)|:|\s+[–—-]\s+)\s*(?=\S)/.exec(t);
  if (m) return { kind: "num", value: Number(m[1]), rest: t.slice(m[0].length) };
  m = /^([IVX]{1,5})[.)]\s+(?=\S)/.exec(t);
  if (m && romanValue(m[1]!))
    return { kind: "roman", value: romanValue(m[1]!)!, rest: t.slice(m[0].length) };
  m = /^([a-z])[.)]\s+(?=\S)/.exec(t);
  if (m) return { kind: "alpha", value: m[1]!.charCodeAt(0) - 96, rest: t.slice(m[0].length) };
  return null;
}

function romanValue(s: string): number | null {
  const v: Record<string, number> = { I: 1, V: 5, X: 10 };
  if (!/^(?:X{0,3})(?:IX|IV|V?I{0,3})$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!]!,
      b = v[s[i + 1] ?? ""] ?? 0;
    total += a < b ? -a : a;
  }
  return total || null;
}

// Parts that open a report before its discussion.
const OPENING = new Set<LabelKind>(["attend", "absent", "agenda", "logistics", "summary", "annex"]);

/**
 * The discussion: from the first heading (or numbered paragraph) that is neither in the
 * title area nor in a part that opens the report (attendance, agenda, logistics), to the
 * end, less trailing parts that are not discussion (a participants annex, chat logs,
 * links). A "Discussion"/"Notes"/"Minutes" label says where it begins.
 */
function discussionRange(
  doc: Doc,
  labels: Outline["labels"],
  title: { from: number; to: number },
): Outline["discussion"] {
  const nodes = doc.nodes;
  const container = labels.find((l) => l.kind === "discussion" && !l.inline);
  const covered = new Set<number>();
  for (let i = title.from; i < title.to; i++) covered.add(i);
  for (const l of labels) {
    if (!OPENING.has(l.kind)) continue;
    // a summary heading often stands over the whole report: only the label itself opens nothing
    if (l.inline || l.kind === "summary") {
      covered.add(l.node);
      continue;
    }
    const end = partEnd(doc, l.node);
    for (let i = l.node; i < end; i++) covered.add(i);
  }
  const begin = container ? container.node + 1 : 0;
  const candidate = (n: Node) =>
    (isHeadingLike(n) ||
      ((n.kind === "para" || (n.kind === "heading" && n.level === 7)) &&
        sectionNumber(n.text) !== null &&
        n.depth === 0) ||
      (n.typed && n.kind === "item" && n.depth === 0 && /^\d{1,2}[.)]$/.test(n.marker ?? ""))) &&
    !labelOfNode(n);
  let from = nodes.findIndex((n, i) => i >= begin && !covered.has(i) && candidate(n));
  if (from < 0)
    from = nodes.findIndex((n, i) => i >= begin && !covered.has(i) && n.kind !== "front");
  if (from < 0) return null;
  let to = nodes.length;
  const tail = labels.filter(
    (l) =>
      l.node > from &&
      (l.kind === "attend" || l.kind === "annex" || l.kind === "chat" || l.kind === "links") &&
      !l.inline,
  );
  if (tail.length) to = Math.min(...tail.map((l) => l.node));
  return to > from ? { from, to } : null;
}

/**
 * Where the part a label opens ends. A heading's part runs to the next heading of its
 * level or higher; a label line's (or bold label's) part is what follows it directly: a
 * list, a table, lines of names — up to the next heading or prose.
 */
export function partEnd(doc: Doc, at: number): number {
  const nodes = doc.nodes;
  const head = nodes[at]!;
  if (head.kind === "item") {
    let i = at + 1;
    while (i < nodes.length && isInside(nodes, i, at)) i++;
    return i;
  }
  if (head.kind === "heading" && head.level <= 6) {
    for (let i = at + 1; i < nodes.length; i++) {
      const n = nodes[i]!;
      if (n.kind === "heading" && n.level <= head.level) return i;
    }
    return nodes.length;
  }
  let i = at + 1;
  let list: number | null = null;
  for (; i < nodes.length; i++) {
    const n = nodes[i]!;
    // one list (or table) is the part; the next list is something else
    if (n.kind === "item") {
      if (list !== null && n.list !== list) break;
      list = n.list;
      continue;
    }
    if (n.kind === "row" || n.kind === "def") continue;
    if (isHeadingLike(n) || n.kind === "rule" || n.kind === "front") break;
    // lines of names (one person a line, or a short list) belong to the part; prose ends it
    if (n.kind === "para" && (n.parent !== null || isListLike(n.text))) continue;
    break;
  }
  return i;
}

// Short lines without sentences: names, one a line ("Francis Maude (Chair)").
function isListLike(text: string): boolean {
  return text
    .split("\n")
    .every(
      (l) =>
        (l.length <= 90 && !/[.!?]\s+\p{Lu}/u.test(l) && !/[.!?]$/.test(l.trim())) ||
        /^[\p{Lu}][^.!?]{0,60}$/u.test(l.trim()),
    );
}

/** Whether node `i` is nested (at any depth) inside item `at`. */
export function isInside(nodes: readonly Node[], i: number, at: number): boolean {
  for (let p = nodes[i]!.parent; p !== null; p = nodes[p]!.parent) if (p === at) return true;
  return false;
}

export { labelKind };
