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
    doc.nodes.findIndex((n) => n.kind === "item" || n.kind === "row" || (isHeadingLike(n) && sectionNumber(n.text) !== null)) >>> 0,
  );
  const title = { from: 0, to: Math.max(0, Math.min(firstPart, doc.nodes.length)) };
  return { ...doc, outline: { title, labels, discussion: discussionRange(doc, labels) } };
}

/** A node that reads as a heading: marked up as one, or a short line set wholly in bold. */
export function isHeadingLike(n: Node): boolean {
  if (n.kind === "heading") return true;
  if (n.kind !== "para" || !n.emphasis) return false;
  const lines = n.text.split("\n");
  return n.text.length <= 160 && (lines.length === 1 || (lines.length === 2 && sectionNumber(n.text) !== null));
}

/** "1.", "2)", "IV.", "a.", "Item 3:", "3.1" before a heading's text: its kind and value. */
export function sectionNumber(text: string): { kind: "num" | "roman" | "alpha"; value: number; rest: string } | null {
  const t = text.trim();
  let m = /^(?:item|agenda item|point)\s+(\d{1,2})\b\s*[:.)–—-]?\s*/i.exec(t);
  if (m) return { kind: "num", value: Number(m[1]), rest: t.slice(m[0].length) };
  m = /^(\d{1,2})(?:\.(?!\d)|\)|:|\s+[–—-]\s+)\s*(?=\S)/.exec(t);
  if (m) return { kind: "num", value: Number(m[1]), rest: t.slice(m[0].length) };
  m = /^([IVX]{1,5})[.)]\s+(?=\S)/.exec(t);
  if (m && romanValue(m[1]!)) return { kind: "roman", value: romanValue(m[1]!)!, rest: t.slice(m[0].length) };
  m = /^([a-z])[.)]\s+(?=\S)/.exec(t);
  if (m) return { kind: "alpha", value: m[1]!.charCodeAt(0) - 96, rest: t.slice(m[0].length) };
  return null;
}

function romanValue(s: string): number | null {
  const v: Record<string, number> = { I: 1, V: 5, X: 10 };
  if (!/^(?:X{0,3})(?:IX|IV|V?I{0,3})$/.test(s)) return null;
  let total = 0;
  for (let i = 0; i < s.length; i++) { const a = v[s[i]!]!, b = v[s[i + 1] ?? ""] ?? 0; total += a < b ? -a : a; }
  return total || null;
}

// Parts that are not the discussion, wherever they stand.
const NOT_DISCUSSION = new Set<LabelKind>(["attend", "absent", "agenda", "logistics", "links", "chat", "annex"]);

/**
 * The discussion runs from the first heading (or numbered paragraph) after the header,
 * attendance and agenda parts, to the end, less trailing parts that are not discussion
 * (a participants annex, chat logs, links). A "Discussion"/"Notes" label opens it.
 */
function discussionRange(doc: Doc, labels: Outline["labels"]): Outline["discussion"] {
  const nodes = doc.nodes;
  const container = labels.find((l) => l.kind === "discussion" && !l.inline);
  let from: number;
  if (container) {
    from = container.node + 1;
  } else {
    // after the last opening part (attendance, agenda) that comes before the first heading
    let after = -1;
    for (const l of labels) {
      if (!NOT_DISCUSSION.has(l.kind) && l.kind !== "summary") continue;
      const end = partEnd(doc, l.node);
      const heads = nodes.slice(after + 1, l.node).filter((n) => isHeadingLike(n) && !labelOfNode(n));
      if (heads.length && after >= 0) break;
      after = Math.max(after, end - 1);
    }
    from = after + 1;
    const firstHead = nodes.findIndex((n, i) => i >= from && (isHeadingLike(n) || (n.kind === "para" && sectionNumber(n.text) !== null && n.depth === 0)) && !labelOfNode(n));
    if (firstHead >= 0) from = firstHead;
  }
  let to = nodes.length;
  const tail = labels.filter((l) => l.node >= from && (l.kind === "attend" || l.kind === "annex" || l.kind === "chat" || l.kind === "links") && !l.inline);
  if (tail.length) to = Math.min(...tail.map((l) => l.node));
  return to > from ? { from, to } : null;
}

/** Where the part a label opens ends: the next heading of its level or higher, or the next label. */
export function partEnd(doc: Doc, at: number): number {
  const nodes = doc.nodes;
  const head = nodes[at]!;
  const level = head.kind === "heading" ? head.level : isHeadingLike(head) ? 7 : 99;
  for (let i = at + 1; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (head.kind === "item" && n.parent !== null && isInside(nodes, i, at)) continue;
    if (head.kind === "item") return i;
    if (n.kind === "heading" && n.level <= level) return i;
    if (level >= 7 && isHeadingLike(n)) return i;
    if (level === 99 && isHeadingLike(n)) return i;
  }
  return nodes.length;
}

/** Whether node `i` is nested (at any depth) inside item `at`. */
export function isInside(nodes: readonly Node[], i: number, at: number): boolean {
  for (let p = nodes[i]!.parent; p !== null; p = nodes[p]!.parent) if (p === at) return true;
  return false;
}

export { labelKind };
