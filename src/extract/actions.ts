import type { Doc, Node } from "./doc.js";
import { leadOf, labelOfNode } from "./labels.js";
import { isInside, partEnd } from "./outline.js";
import { toDate } from "./when.js";
import { dueOf, dueValue } from "./deadlines.js";
import { isOwnerLabel, ownerOf, resolveOwner } from "./owners.js";
import { proseActions } from "./prose-actions.js";

type Action = NonNullable<Doc["actions"]>[number];

const ACTION_LEAD =
  /^(?:actions?(?:\s+(?:items?|points?))?(?:\s*\d{1,3})?|action\s+item\s*\d*|ais?|new actions?|outstanding actions?(?:\s+from\b.*)?|follow[- ]up actions?|to[- ]?do)$/i;
const ACTION_DASH = /^actions?\s*[-–—]\s+(?=\S)/i;

/**
 * Actions. When the report labels them — an "Action items" part (owner-grouped or
 * not), "ACTION:"/"Action -"/"Action 3:" lines, "[AB] task" items, an Action/Owner/Due
 * table — those are its actions, and nothing else. Otherwise: "Next steps:" statements,
 * sentences with an explicit deadline, and commitments stated as agreed or decided.
 * Owners are resolved to the list ("TE/LG" → both names), due dates read with the
 * meeting date, a period ("by the end of January") due on its last day.
 */
export function actions(doc: Doc): Doc {
  const ref = toDate(doc.header?.start ?? null);
  const labelled = explicitActions(doc, ref);
  const listed = listedNotes(doc, ref);
  if (labelled.length) return { ...doc, actions: labelled, notes: listed };
  const prose = proseActions(doc, ref);
  const notes = [...listed, ...prose.notes].sort((a, b) => a.line - b.line);
  return { ...doc, actions: prose.actions, notes };
}

function explicitActions(doc: Doc, ref: Date | null): Action[] {
  const out: Action[] = [];
  const used = new Set<number>();
  const add = (n: Node, text: string, owner: string | null, given?: { due: string | null }) => {
    let t = text.replace(/\s*\n\s*/g, " ").trim();
    if (!t || !/\p{L}{2}/u.test(t) || used.has(n.i)) return;
    // the labels go, what they say stays: "Action - …", "[AB] …" (the owner), "… Due: March"
    t = t.replace(ACTION_DASH, "");
    const initials = /^\[([\p{Lu}][\p{L}]{0,5})\]\s*(?=\S)/u.exec(t);
    if (initials) {
      t = t.slice(initials[0].length);
      owner ??= initials[1]!;
    }
    const dueLabel = /\s*\b(?:due|deadline|by when|due date|target date)\s*:\s*(\S.*)$/i.exec(t);
    if (dueLabel && dueLabel.index > 0) t = t.slice(0, dueLabel.index).trim();
    // a table's owner and due columns say it outright, empty or not
    const o = given ? owner : (owner ?? ownerOf(t, doc));
    const due = given
      ? given.due
      : dueLabel && dueLabel.index > 0
        ? dueValue(dueLabel[1]!, ref, doc, true)
        : dueOf(t, ref, doc);
    const who = o ? resolveOwner(o, doc) : null;
    // the same words twice are one action, unless they differ in owner or date
    if (out.some((a) => a.text === t && a.owner === who && a.due === due)) return;
    out.push({ text: t, owner: who, due, line: n.span.line, endLine: n.span.endLine });
    used.add(n.i);
  };
  for (const l of doc.outline!.labels) {
    const n = doc.nodes[l.node]!;
    if (l.kind === "actions" && l.inline) {
      const lead = leadOf(n);
      if (lead && ACTION_LEAD.test(lead.lead)) add(n, lead.rest, null);
      else if (n.kind === "def") for (const line of n.text.split("\n")) add(n, line, null);
      continue;
    }
    if (l.kind !== "actions") continue;
    region(doc, l.node, add, used);
  }
  for (const n of doc.nodes) {
    if (used.has(n.i) || (n.kind !== "para" && n.kind !== "item" && n.kind !== "heading")) continue;
    const lead = leadOf(n);
    if (lead && ACTION_LEAD.test(lead.lead) && lead.rest) {
      add(n, lead.rest, null);
      continue;
    }
    const dash = ACTION_DASH.exec(n.text);
    if (dash) {
      add(n, n.text.slice(dash[0].length), null);
      continue;
    }
  }
  // "Due: March 2011" under an action
  for (const n of doc.nodes) {
    const lead = leadOf(n);
    if (!lead || !/^(?:due|deadline|by when|due date|target date)$/i.test(lead.lead)) continue;
    const before = [...out]
      .reverse()
      .find((a) => a.endLine < n.span.line && n.span.line - a.endLine <= 2);
    if (before && !before.due) before.due = dueValue(lead.rest, ref, doc, true);
  }
  for (const row of actionTableRows(doc))
    add(row.node, row.text, row.owner, { due: row.due ? dueValue(row.due, ref, doc, true) : null });
  return out.sort((a, b) => a.line - b.line);
}

// A "Dates noted" part (as this project writes one): each item a dated note, not an action.
function listedNotes(doc: Doc, ref: Date | null): NonNullable<Doc["notes"]> {
  const out: NonNullable<Doc["notes"]> = [];
  let under = false;
  for (const n of doc.nodes) {
    if (n.kind === "heading") {
      under = /^(?:dates noted|other bodies['’] (?:dates|deadlines))\s*:?$/i.test(n.text.trim());
      continue;
    }
    if (!under || n.kind !== "item") continue;
    const text = n.text.replace(/\s+/g, " ").trim();
    const date = dueValue(text, ref, doc, true);
    out.push({ text, date, line: n.span.line, endLine: n.span.endLine });
  }
  return out;
}

// The items and lines of an "Action items" part; owner-grouped lists ("Jo:" with items under it).
function region(
  doc: Doc,
  at: number,
  add: (n: Node, text: string, owner: string | null) => void,
  used: Set<number>,
): void {
  const nodes = doc.nodes;
  const head = nodes[at]!;
  const end = head.kind === "item" ? nodes.length : partEnd(doc, at);
  let on = true;
  const groups = new Map<number, string>();
  for (let i = at + 1; i < end; i++) {
    const n = nodes[i]!;
    if (head.kind === "item" && !isInside(nodes, i, at)) break;
    const l = labelOfNode(n);
    if (l && l.kind === "decisions") {
      on = false;
      continue;
    }
    if (l && l.kind === "actions" && !l.inline) {
      on = true;
      continue;
    }
    if (l && l.kind !== "actions" && !l.inline && n.kind !== "item") break;
    if (l && l.kind !== "actions" && l.inline) continue; // "Next meeting: …" under the actions
    if (!on || n.kind === "row" || n.kind === "front") continue;
    if (used.has(n.i)) continue;
    if (n.kind === "heading") break;
    const group = ownerGroup(n, nodes);
    if (group !== null) {
      groups.set(n.i, group);
      used.add(n.i);
      continue;
    }
    let owner: string | null = null;
    for (let p = n.parent; p !== null; p = nodes[p]!.parent)
      if (groups.has(p)) {
        owner = groups.get(p)!;
        break;
      }
    const lead = leadOf(n);
    if (lead && lead.rest && !owner && isOwnerLabel(lead.lead)) {
      add(n, lead.rest, lead.lead);
      continue;
    }
    if (lead && ACTION_LEAD.test(lead.lead) && lead.rest) {
      add(n, lead.rest, owner);
      continue;
    }
    if (n.kind === "item" || n.kind === "para") {
      if (n.kind === "para" && n.text.length > 300) continue;
      add(n, n.text.replace(/^\[[ xX]\]\s*/, ""), owner);
    }
  }
}

// "All Committee Members:" or "Jo:" heading an item's sub-items: the owner of each.
function ownerGroup(n: Node, nodes: readonly Node[]): string | null {
  if (n.kind !== "item") return null;
  const m = /^(.{1,60}?):\s*$/.exec(n.text.trim());
  if (!m || nodes[n.i + 1]?.parent !== n.i) return null;
  return m[1]!.replace(/[*_]/g, "").trim();
}

/** Rows of a table headed "Action | Owner | Due". */
function actionTableRows(
  doc: Doc,
): { node: Node; text: string; owner: string | null; due: string | null }[] {
  const out: { node: Node; text: string; owner: string | null; due: string | null }[] = [];
  const tables = new Map<number, Node[]>();
  for (const n of doc.nodes)
    if (n.kind === "row" && n.table !== null)
      (tables.get(n.table) ?? tables.set(n.table, []).get(n.table)!).push(n);
  for (const rows of tables.values()) {
    const head = rows[0]!.cells!.map((c) => c.trim().toLowerCase());
    const text = head.findIndex((c) => /^(?:actions?|action items?|tasks?|what)$/.test(c));
    if (text < 0) continue;
    const owner = head.findIndex((c) =>
      /^(?:owner|owners|responsible|who|lead|by whom|assigned to)$/.test(c),
    );
    const due = head.findIndex((c) => /^(?:due|due date|deadline|by when|when|date)$/.test(c));
    if (owner < 0 && due < 0 && !head.some((c) => /^status$/.test(c))) continue;
    const empty = (c: string | undefined) =>
      !c?.trim() || /^(?:—|–|-|n\/a|none|tbd|tbc)$/i.test(c.trim());
    for (const r of rows.slice(1)) {
      const t = r.cells![text]?.trim();
      if (t)
        out.push({
          node: r,
          text: t,
          owner: owner >= 0 && !empty(r.cells![owner]) ? r.cells![owner]!.trim() : null,
          due: due >= 0 && !empty(r.cells![due]) ? r.cells![due]!.trim() : null,
        });
    }
  }
  return out;
}
