import type { AgendaNode, Doc, Node } from "./doc.js";
import { leadOf, labelOfNode } from "./labels.js";
import { isHeadingLike, isInside } from "./outline.js";
import { listMarker } from "../readers/text.js";

const TABLE_HEAD =
  /^(?:no\.?|#|n°|item|items|agenda item|topic|topics|time|timing|lead|leads|presenter|presenters|speaker|speakers|duration|owner|responsible|title|description|subject|paper|papers|documents?)$/i;
const INTRO =
  /\b(?:presented|introduced|introducing|presenting|adopted|approved)\s+the\s+(?:draft\s+|provisional\s+)?agenda\b|\bfollowing agenda\b|\bthe agenda (?:was|as follows)\b|\bagenda items?\s*:\s*$/i;

/** The announced agenda: the list, table or numbered lines an agenda label (or intro) opens, sub-items nested. */
export function agenda(doc: Doc): Doc {
  const starts = doc
    .outline!.labels.filter((l) => l.kind === "agenda")
    .map((l) => ({ node: l.node, inline: l.inline }));
  for (const n of doc.nodes)
    if (
      (n.kind === "para" || n.kind === "heading") &&
      INTRO.test(n.text) &&
      !starts.some((s) => s.node === n.i)
    )
      starts.push({ node: n.i, inline: false });
  starts.sort((a, b) => a.node - b.node);
  for (const s of starts) {
    const items = agendaAfter(doc, s.node);
    if (items.length) return { ...doc, agenda: items };
  }
  return { ...doc, agenda: [] };
}

function agendaAfter(doc: Doc, at: number): AgendaNode[] {
  const nodes = doc.nodes;
  const head = nodes[at]!;
  // an item "Agenda:" with its own sub-items
  if (head.kind === "item" && nodes[at + 1]?.parent === at)
    return fromItems(
      nodes.filter((n) => n.kind === "item" && isInside(nodes, n.i, at)),
      nodes,
    );
  let i = at + 1;
  // skip a note before the list ("Extracted from labelled issues …", "Agenda to be posted at …")
  while (
    i < nodes.length &&
    i <= at + 2 &&
    nodes[i]!.kind === "para" &&
    !listMarker(nodes[i]!.text) &&
    nodes[i]!.text.length > 40 &&
    !isHeadingLike(nodes[i]!)
  )
    i++;
  const first = nodes[i];
  if (!first) return [];
  if (first.kind === "item") {
    const items: Node[] = [];
    const depth = first.depth;
    for (
      ;
      i < nodes.length &&
      nodes[i]!.kind === "item" &&
      nodes[i]!.depth >= depth &&
      nodes[i]!.list === first.list;
      i++
    )
      items.push(nodes[i]!);
    return fromItems(items, nodes);
  }
  if (first.kind === "row") {
    const rows = nodes.filter((r) => r.kind === "row" && r.table === first.table);
    return fromTable(rows);
  }
  // one typed item alone ("1. Budget"), read as a heading, with no text of its own under it
  const lone = first.kind === "heading" && first.level === 7 ? listMarker(first.text) : null;
  if (lone) {
    const after = nodes[i + 1];
    if (!after || !(after.kind === "para" && !labelOfNode(after)))
      return nest([{ text: lone.text, marker: lone.marker, line: first.span.line }]);
  }
  if (first.kind === "para" && listMarker(first.text)) {
    // numbered lines written as paragraphs ("1) Opening" …, as Word keeps typed numbers)
    const lines: { text: string; marker: string; line: number }[] = [];
    for (; i < nodes.length && nodes[i]!.kind === "para"; i++) {
      const parts = nodes[i]!.text.split("\n");
      const marked = parts.map((p) => listMarker(p));
      if (!marked.every(Boolean)) break;
      marked.forEach((m, k) =>
        lines.push({
          text: m!.text,
          marker: m!.marker,
          line: nodes[i]!.span.line + Math.min(k, nodes[i]!.span.endLine - nodes[i]!.span.line),
        }),
      );
    }
    return nest(lines);
  }
  return [];
}

/** An item's title: its first line, without a typed marker, a task box or a trailing colon-less note. */
function title(text: string): string | null {
  let t = text.split("\n")[0]!.trim();
  const m = listMarker(t);
  if (m && /^(?:\d{1,2}[.)]|[a-z][.)]|[ivx]{1,4}[.)])$/i.test(m.marker)) t = m.text;
  t = t.replace(/^\[[ xX]\]\s*/, "").trim();
  if (!t || !/\p{L}/u.test(t) || /^(?:https?:|www\.)\S+$/i.test(t)) return null;
  return t;
}

function fromItems(items: Node[], nodes: readonly Node[]): AgendaNode[] {
  const out: AgendaNode[] = [];
  const byNode = new Map<number, AgendaNode>();
  const minDepth = Math.min(...items.map((n) => n.depth));
  for (const n of items) {
    // "Agenda issue: <link>": a pointer to the agenda, not an item of it
    const lead = leadOf(n);
    if (
      lead &&
      /^(?:https?:|www\.|\[?https?:)/i.test(lead.rest) &&
      n.depth === minDepth &&
      !nodes.some((c) => c.parent === n.i)
    )
      continue;
    const t = title(n.text);
    if (!t) continue;
    const node: AgendaNode = { title: t, items: [], line: n.span.line };
    byNode.set(n.i, node);
    let parent = n.parent;
    while (parent !== null && !byNode.has(parent)) parent = nodes[parent]!.parent;
    if (parent !== null && n.depth > minDepth) byNode.get(parent)!.items.push(node);
    else out.push(node);
  }
  return out;
}

function fromTable(rows: Node[]): AgendaNode[] {
  const body = rows.filter((r) => !r.cells!.every((c) => !c.trim() || TABLE_HEAD.test(c.trim())));
  if (!body.length) return [];
  const width = Math.max(...body.map((r) => r.cells!.length));
  // the title column: the one with most words, not numbers, times or initials
  let best = 0,
    bestScore = -1;
  for (let c = 0; c < width; c++) {
    const cells = body.map((r) => r.cells![c]?.trim() ?? "");
    const score = cells
      .filter(
        (x) => /\p{L}{3,}/u.test(x) && !/^\d{1,2}[:.]\d{2}/.test(x) && !/^\p{Lu}{1,4}$/u.test(x),
      )
      .reduce((a, x) => a + x.split(/\s+/).length, 0);
    if (score > bestScore) {
      bestScore = score;
      best = c;
    }
  }
  return body.flatMap((r) => {
    const t = r.cells![best]?.split("\n")[0]?.trim();
    return t && /\p{L}/u.test(t) ? [{ title: t, items: [], line: r.span.line }] : [];
  });
}

// Typed numbering nests by kind: "a." under "1.", "i." under "a.".
function nest(lines: { text: string; marker: string; line: number }[]): AgendaNode[] {
  const kind = (m: string) =>
    /^\d/.test(m)
      ? "num"
      : /^[ivx]{2,}|^i[.)]/.test(m)
        ? "roman"
        : /^[a-z]/.test(m)
          ? "alpha"
          : "other";
  const out: AgendaNode[] = [];
  const stack: { node: AgendaNode; kind: string }[] = [];
  for (const l of lines) {
    const k = kind(l.marker);
    const node: AgendaNode = { title: l.text, items: [], line: l.line };
    while (stack.length && stack.some((s) => s.kind === k)) stack.pop();
    const parent = stack[stack.length - 1];
    if (parent) parent.node.items.push(node);
    else out.push(node);
    stack.push({ node, kind: k });
  }
  return out;
}
