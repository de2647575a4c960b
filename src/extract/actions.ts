import type { Doc, Node } from "./doc.js";
import { leadOf, labelOfNode } from "./labels.js";
import { isInside, partEnd } from "./outline.js";
import { lineIndexAt, sentences } from "./text.js";
import { findDates, endOfPeriod, iso, toDate, type Found } from "./when.js";
import { resolveName } from "./names.js";
import { looksLikeName } from "./entry.js";

type Action = NonNullable<Doc["actions"]>[number];

const ACTION_LEAD =
  /^(?:actions?(?:\s+(?:items?|points?))?(?:\s*\d{1,3})?|action\s+item\s*\d*|ais?|new actions?|outstanding actions?(?:\s+from\b.*)?|follow[- ]up actions?|to[- ]?do)$/i;
const ACTION_DASH = /^actions?\s*[-–—]\s+(?=\S)/i;
const DEADLINE =
  /\b(?:deadline|due(?:\s+(?:by|on|date))?|by|before|until|till|no later than|not later than|latest by)\b/gi;
const AGREED =
  /\b(?:it was|was|were|they|participants|members|the (?:group|wg|committee|board|meeting|participants|members)|we|all)\s+(?:(?:also|further|then|unanimously)\s+)?(?:agreed|decided|resolved)\s+(?:to|that|on)\b|\bit was (?:agreed|decided|resolved)\b|\b(?:agreement|decision) was (?:reached|taken|made)\b/i;
const NEXT_STEPS = /^(?:next steps?|action(?: item)?|action point|to do|follow[- ]up)\s*:\s*/i;
const NEXT_MEETING =
  /\bnext\s+(?:\w+['’]?s?\s+){0,3}?(?:meeting|call|session)\b.*\b(?:will|is|planned|scheduled)\b/i;
const OWNER_SUBJECT =
  /^(?:(?:all|the|each|every)\s+)?(\p{L}(?:[^,;:()]|\([^)]*\)){0,80}?)\s+(?:should|must|shall|will|would|is to|are to|agreed to|volunteered to|offered to|to)\s+(?!be\b)(?:also\s+)?[a-z]+/iu;
const NOT_OWNER =
  /^(?:it|this|that|there|they|we|he|she|which|who|these|those|results?|wording|copy|the (?:document|results?|announcement|report|draft|meeting|information|views?|minutes|proposals?))\b/i;

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
  return { ...doc, actions: labelled.length ? labelled : proseActions(doc, ref) };
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

// "Jo Roe: send …", "Ann & Bo: …": a label that names who, not what.
function isOwnerLabel(lead: string): boolean {
  const parts = lead.split(/\s*(?:\/|&|\+|,|\band\b)\s*/).filter(Boolean);
  return (
    parts.length > 0 &&
    parts.length <= 4 &&
    parts.every(
      (p) =>
        looksLikeName(p) ||
        /^(?:all|everyone|secretariat|the secretariat|chair|co-?chairs?|staff|team)\b/i.test(p),
    )
  );
}

/** Who an action's text names: "[AB] task", "Jo: task", "task (Jo)", "task [Jo to …]", "Jo to send …". */
function ownerOf(text: string, doc: Doc): string | null {
  const pre = /^\[([\p{Lu}][\p{L}]{0,5})\]\s*/u.exec(text);
  if (pre) return pre[1]!;
  if (/^who\?/i.test(text)) return null;
  const colon = /^([^:]{2,60}?):\s+\S/.exec(text);
  if (colon && isOwnerLabel(colon[1]!)) return colon[1]!;
  const trailing = /[([]\s*([^()[\]]{2,60}?)\s*[)\]]\s*\.?\s*$/.exec(text);
  if (trailing) {
    const inside = trailing[1]!.replace(/\s+to\s+[a-z].*$/, "").trim();
    const parts = inside.split(/\s*(?:\/|&|\+|,|\band\b)\s*/).filter(Boolean);
    if (
      parts.length &&
      parts.every(
        (p) => looksLikeName(p) || /^(?:secretariat|panel|chair|panel chair|all|staff)$/i.test(p),
      ) &&
      !/^(?:done|ongoing|complete|completed|closed|open|tbc|tbd)\b/i.test(inside)
    )
      return inside;
  }
  const body = text.replace(/^(?:upon|on|following|after|if|when|once)\b[^,]{2,80},\s*/i, "");
  // "Kerri, Kim, and Victoria to …", "TV and PS to …": a list of names as the subject
  const name = String.raw`[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*)?`;
  const many = new RegExp(
    String.raw`^(${name}(?:(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)${name})+)\s+(?:to|will|should)\s+[a-z]`,
    "u",
  ).exec(body);
  if (many) return many[1]!;
  // "Daniel document (spreadsheet?) …": a listed person opening the line is its owner
  const opener = /^([\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,2})\s+[a-z]/u.exec(body);
  if (opener && resolveName(opener[1]!, doc.people ?? [])) return opener[1]!;
  const m = OWNER_SUBJECT.exec(body);
  if (
    !m ||
    NOT_OWNER.test(m[1]!) ||
    /\b(?:was|were|is|are|has|have|be|been|should|must|shall|will|would|can|could|may)\b/i.test(
      m[1]!,
    )
  )
    return null;
  if (m[1]!.split(/\s+/).length > 8) return null;
  return m[1]!.trim();
}

/** Each name in an owner ("Dan + Mo", "TE/LG", "Kim, Jo, and Vi") resolved to the list's spelling. */
export function resolveOwner(owner: string, doc: Doc): string {
  const people = doc.people ?? [];
  return owner
    .split(/(\s*(?:\/|&|\+|,\s*and\s+|,|\band\b)\s*)/)
    .map((part, k) => {
      if (k % 2 === 1 || !part.trim()) return part;
      const who = resolveName(part.trim(), people);
      return who ?? part;
    })
    .join("");
}

function dueOf(text: string, ref: Date | null, doc: Doc): string | null {
  return deadline(text, ref, false, doc).value;
}

function dueValue(text: string, ref: Date | null, doc: Doc, anywhere: boolean): string | null {
  const d = findDates(text, ref, { order: doc.order }).find((f) => f.dayGiven && !f.range);
  if (d) return iso(d);
  return anywhere ? endOfPeriod(text, ref) : null;
}

// The due date: a date right after a deadline word, a period's end, or (in a labelled
// action) any date.
function deadline(
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

/** Narrative reports label nothing: their next steps, deadlines and agreed commitments. */
function proseActions(doc: Doc, ref: Date | null): Action[] {
  const range = doc.outline!.discussion;
  if (!range) return [];
  const out: Action[] = [];
  const sectionHeads = new Set((doc.sections ?? []).map((s) => s.line));
  for (const n of doc.nodes.slice(range.from, range.to)) {
    if (n.kind !== "para" && n.kind !== "item") continue;
    if (sectionHeads.has(n.span.line) && n.kind !== "item" && n.text.length < 200) continue;
    const text0 = n.text.replace(/\n/g, " ");
    for (const s of sentences(text0)) {
      const text = s.text.replace(/\s+/g, " ").trim();
      if (/^next (?:\w+ )?(?:meeting|call|session)\b/i.test(text)) continue;
      const labelled = NEXT_STEPS.test(text);
      if (!labelled && NEXT_MEETING.test(text)) continue;
      const due = deadline(text, ref, labelled, doc);
      const agreed = /agree|decided|decision|resolved/i.test(text) && AGREED.test(text);
      if (!labelled && !due.found && !agreed) continue;
      if (!labelled && !agreed && due.value === null) continue;
      const line =
        n.span.line + Math.min(lineIndexAt(n.text, s.start), n.span.endLine - n.span.line);
      out.push({
        text,
        owner: proseOwner(text, doc, labelled),
        due: due.value,
        line,
        endLine: line,
      });
    }
  }
  return out;
}

function proseOwner(text: string, doc: Doc, item: boolean): string | null {
  const body = text.replace(NEXT_STEPS, "");
  const clause = /\b(?:agreed|decided|resolved) that\s+(.*)$/i.exec(body)?.[1] ?? body;
  const deciders =
    /^(?:the\s+)?([\p{L}][\p{L} '’-]{1,40}?)\s+(?:(?:also|further|unanimously)\s+)?(?:agreed|decided|resolved)\s+to\b/iu.exec(
      clause,
    );
  if (deciders)
    return /^(?:it|we|they|it was)$/i.test(deciders[1]!) || /\b(?:was|were)\b/i.test(deciders[1]!)
      ? null
      : canonical(deciders[1]!, doc);
  const m = OWNER_SUBJECT.exec(clause);
  if (
    m &&
    / to\s+\S+$/.test(m[0]) &&
    !/(?:should|must|shall|will|would|is to|are to|agreed to|volunteered to|offered to) \S+$/.test(
      m[0],
    ) &&
    !item &&
    !resolveName(m[1]!, doc.people ?? [])
  )
    return null;
  if (
    !m ||
    NOT_OWNER.test(m[1]!) ||
    /\b(?:was|were|is|are|has|have|be|been|should|must|shall|will|would|can|could|may)\b/i.test(
      m[1]!,
    )
  )
    return null;
  return canonical(m[1]!.trim(), doc);
}

const canonical = (name: string, doc: Doc) => resolveName(name, doc.people ?? []) ?? name;
