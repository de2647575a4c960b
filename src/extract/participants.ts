import type { Doc, Node, ParticipantEntry } from "./doc.js";
import { labelOfNode, leadOf, labelKind, isActionHeader } from "./labels.js";
import { isHeadingLike, isInside } from "./outline.js";
import {
  parseEntry,
  splitList,
  shareTrailingAffiliation,
  looksLikeName,
  ROLE,
  type Entry,
} from "./entry.js";

type Mode = "present" | "absent";
interface Found {
  node: number;
  k: number;
  entry: Entry;
  line: number;
  mode: Mode;
  role: string | null;
}

// A label in an attendance part that names how people took part, not a class of member.
const CHANNEL =
  /^(?:(?:on|by|via|over)\s+(?:the\s+)?(?:phone|telephone|video|zoom|webex|teams|skype|line)|remote(?:ly)?|online|in[- ]person|in the room|dial[- ]in|virtual(?:ly)?|for\s+.*|from\s+.*|also\b.*|other\b.*|additional\b.*|the following\b.*|with\b.*|guests? of\b.*)$/i;
const ATTEND_WORDS =
  /\b(?:attend\w*|present|participa\w*|roll[- ]?call|apolog\w*|regrets?|absent)\b/i;

/**
 * The people recorded as present, in list order: under attendance labels (headings,
 * "Label:" lines, bold leads, list items, definition terms), as lists, tables (columns
 * read one after another when they hold labels; an "Attendance: No" row or an unticked
 * box is absent), paragraphs of one name per line, or inline lists. People under
 * "Apologies"/"Regrets"/"not in attendance" are kept apart, as absent. A label that
 * names a class of member ("Council:", "Observers", "Officials") becomes a role.
 */
export function participants(doc: Doc): Doc {
  const found: Found[] = [];
  const seen = new Set<number>();
  const { labels } = doc.outline!;
  const discussionFrom = doc.outline!.discussion?.from ?? doc.nodes.length;

  const starts: { node: number; mode: Mode; role: string | null; inline: boolean }[] = [];
  for (const l of labels) {
    if (l.kind === "attend" || l.kind === "absent") {
      starts.push({
        node: l.node,
        mode: l.kind === "absent" ? "absent" : "present",
        role: classRole(l.text, l.kind),
        inline: l.inline,
      });
    }
  }
  // "Panel: Ann Lee (Org), Bo Chen (Org), …" near the top: a class of member listed inline
  for (const n of doc.nodes.slice(0, discussionFrom + 1)) {
    if (starts.some((s) => s.node === n.i)) continue;
    const lead = leadOf(n);
    if (!lead || !lead.rest || labelKind(lead.lead) || lead.lead.split(/\s+/).length > 4) continue;
    const pieces = splitList(lead.rest);
    const parsed = pieces.map((p) => parseEntry(p)).filter(Boolean);
    // (one name is enough after a word that names a class of attendee: "Observers: Hana Ito")
    const enough =
      (pieces.length >= 2 && parsed.length >= Math.max(2, 0.7 * pieces.length)) ||
      (CLASS_WORD.test(lead.lead.trim()) && parsed.length === pieces.length && parsed.length >= 1);
    if (enough)
      starts.push({
        node: n.i,
        mode: "present",
        role: classRole(lead.lead, "attend"),
        inline: true,
      });
  }
  starts.sort((a, b) => a.node - b.node);

  for (const s of starts) {
    if (seen.has(s.node)) continue;
    const n = doc.nodes[s.node]!;
    if (s.inline) {
      seen.add(n.i);
      const rest = n.kind === "def" ? n.text : (leadOf(n)?.rest ?? "");
      inlineList(rest, n, 0, s.mode, s.role, found, doc);
      if (n.kind === "item") walk(doc, n.i, s.mode, s.role, found, seen, true);
      continue;
    }
    walk(doc, s.node, s.mode, s.role, found, seen, false);
  }
  // a roster table with a name column and no label of its own
  for (const n of doc.nodes) {
    if (n.kind !== "row" || seen.has(n.i) || !n.cells) continue;
    const rows = doc.nodes.filter((r) => r.kind === "row" && r.table === n.table);
    if (isActionHeader(rows[0]!.cells!)) continue;
    // a roster: a name column's header, or cells that are attendance labels ("Present:" | "Officials:")
    const labelled = rows.some((r) =>
      r.cells!.some((c) => labelKind(c.replace(/[*:]/g, "").trim()) === "attend"),
    );
    if (!rows.some((r) => isNameHeader(r.cells!)) && !labelled) continue;
    for (const r of rows) seen.add(r.i);
    tableEntries(rows, "present", null, found);
  }
  found.sort((a, b) => a.node - b.node || a.k - b.k);
  promoteNicknames(found, doc);
  const toEntry = (f: Found): ParticipantEntry => ({
    name: f.entry.name,
    affiliation: f.entry.affiliation,
    roles:
      f.role && !f.entry.roles.some((r) => r.toLowerCase() === f.role!.toLowerCase())
        ? [...f.entry.roles, f.role]
        : f.entry.roles,
    line: f.line,
    nick: f.entry.nick,
    initials: f.entry.initials,
    ...(f.entry.handles ? { handles: f.entry.handles } : {}),
  });
  return {
    ...doc,
    participants: found.filter((f) => f.mode === "present").map(toEntry),
    absent: found.filter((f) => f.mode === "absent").map(toEntry),
  };
}

// "Margaret Okafor (Peggy)": a lone given name in brackets is a nickname when the text
// uses it for that person ("Peggy Okafor", "Peggy said"); otherwise an organisation.
function promoteNicknames(found: Found[], doc: Doc): void {
  const text = doc.nodes.map((n) => n.text).join("\n");
  for (const f of found) {
    const e = f.entry;
    if (
      e.nick ||
      !e.affiliation ||
      e.roles.length ||
      !/^[\p{Lu}][\p{Ll}'’-]{1,14}$/u.test(e.affiliation)
    )
      continue;
    const word = e.affiliation;
    const surname = e.name.split(/\s+/).pop()!;
    const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const used = new RegExp(
      `\\b${esc(word)}\\s+(?:${esc(surname)}|said|says|stated|noted|added|asked|shared|suggested|gave|explained|replied|agreed|opened|thanked|welcomed)\\b`,
    ).test(text);
    if (used) {
      e.nick = word;
      e.affiliation = null;
    }
  }
}

/** The role a class label gives its people ("Council", "Non-voting observers"), or null. */
function classRole(text: string, kind: string): string | null {
  const t = text.replace(/[*_:]/g, "").replace(/\s+/g, " ").trim();
  if (kind === "absent" || ATTEND_WORDS.test(t) || CHANNEL.test(t) || t.split(" ").length > 4 || !t)
    return null;
  return t;
}

function inlineList(
  text: string,
  n: Node,
  k0: number,
  mode: Mode,
  role: string | null,
  found: Found[],
  _doc: Doc,
): void {
  const pieces = splitList(text);
  const entries: { e: Entry; p: string; role: string | null }[] = [];
  for (const p of pieces) {
    // "Ex Officio: Shehla Husain (DCLG)" inside a list: a class for that one entry
    const inner = /^([\p{Lu}][\p{L} -]{1,25}):\s+(.+)$/u.exec(p);
    const e = parseEntry(inner ? inner[2]! : p);
    if (e) entries.push({ e, p, role: inner ? inner[1]! : role });
  }
  shareTrailingAffiliation(
    entries.map((x) => x.e),
    entries.map((x) => x.p),
  );
  entries.forEach((x, k) =>
    found.push({ node: n.i, k: k0 + k, entry: x.e, line: lineOf(n, x.p), mode, role: x.role }),
  );
}

function lineOf(n: Node, piece: string): number {
  const lines = n.text.split("\n");
  const head = piece.slice(0, 12);
  const k = lines.findIndex((l) => l.includes(head));
  return n.span.line + Math.max(0, Math.min(k, n.span.endLine - n.span.line));
}

/** Walks the part a label opens, switching mode and role at sub-labels. */
function walk(
  doc: Doc,
  at: number,
  mode0: Mode,
  role0: string | null,
  found: Found[],
  seen: Set<number>,
  itemChildren: boolean,
): void {
  const nodes = doc.nodes;
  const head = nodes[at]!;
  seen.add(at);
  const headLevel = head.kind === "heading" ? head.level : isHeadingLike(head) ? 7 : 99;
  let mode = mode0,
    role = role0;
  let entryItem: number | null = null;
  for (let i = at + 1; i < nodes.length; i++) {
    const n = nodes[i]!;
    if (head.kind === "item") {
      if (!isInside(nodes, i, at)) break;
    } else if (itemChildren) break;
    if (n.kind === "rule" && headLevel >= 7) break;
    if (n.kind === "heading" && n.level <= headLevel && headLevel <= 6) {
      const l = labelOfNode(n);
      if (!l || (l.kind !== "attend" && l.kind !== "absent")) {
        if (!isClassLabel(doc, i)) break;
      }
    }
    const l = labelOfNode(n);
    if (l && l.kind !== "attend" && l.kind !== "absent") {
      if (n.kind === "item" && l.inline) {
        /* "Host: Jo Roe" is handled as an entry below */
      } else break;
    }
    if (l && (l.kind === "attend" || l.kind === "absent")) {
      seen.add(i);
      mode = l.kind === "absent" ? "absent" : "present";
      role = classRole(l.text, l.kind) ?? (isHeadingLike(n) && headLevel <= 6 ? null : role0);
      if (l.kind === "attend" && !classRole(l.text, l.kind)) role = null;
      if (l.inline)
        inlineList(
          n.kind === "def" ? n.text : (leadOf(n)?.rest ?? ""),
          n,
          0,
          mode,
          role,
          found,
          doc,
        );
      continue;
    }
    // a name on a line of its own (plain text reads a lone short line as a heading)
    if ((isHeadingLike(n) && n.kind !== "heading") || (n.kind === "heading" && n.level === 7)) {
      const e = !/:\s*$/.test(n.text) && !CLASS_WORD.test(n.text) ? parseEntry(n.text) : null;
      if (e && headLevel >= 7) {
        seen.add(i);
        found.push({ node: i, k: 0, entry: e, line: n.span.line, mode, role });
        continue;
      }
    }
    if (
      isHeadingLike(n) ||
      (n.kind === "para" &&
        /:\s*$/.test(n.text) &&
        n.text.length <= 60 &&
        !n.text.includes("\n")) ||
      (n.kind === "item" && /:\s*$/.test(n.text) && nodes[i + 1]?.parent === i)
    ) {
      if (n.kind === "heading" && headLevel <= 6 && n.level <= headLevel) break;
      if (headLevel >= 7 && isHeadingLike(n) && !isClassLabel(doc, i)) break;
      seen.add(i);
      role = classRole(n.text, "attend");
      if (/^(?:apolog|regret|absent|not (?:in )?attend)/i.test(n.text)) mode = "absent";
      continue;
    }
    seen.add(i);
    if (n.kind === "row") {
      const rows = nodes.filter((r) => r.kind === "row" && r.table === n.table);
      if (isActionHeader(rows[0]!.cells!)) break;
      for (const r of rows) seen.add(r.i);
      tableEntries(rows, mode, role, found);
      i = rows[rows.length - 1]!.i;
      continue;
    }
    if (n.kind === "item") {
      if (entryItem !== null && isInside(nodes, i, entryItem)) continue; // details under a person
      if (n.checked === false) {
        entryItem = i;
        continue;
      }
      const lead = leadOf(n);
      if (lead && lead.rest && ROLE.test(lead.lead) && lead.lead.split(/\s+/).length <= 3) {
        const e = parseEntry(lead.rest);
        if (e)
          found.push({
            node: i,
            k: 0,
            entry: { ...e, roles: [lead.lead, ...e.roles] },
            line: n.span.line,
            mode,
            role,
          });
        entryItem = i;
        continue;
      }
      const e = parseEntry(n.text.split("\n")[0]!);
      if (e) {
        found.push({ node: i, k: 0, entry: e, line: n.span.line, mode, role });
        entryItem = i;
      }
      continue;
    }
    if (n.kind === "para") {
      const lead = leadOf(n);
      if (lead && lead.rest && !labelKind(lead.lead)) {
        if (
          ROLE.test(lead.lead) &&
          lead.lead.split(/\s+/).length <= 2 &&
          splitList(lead.rest).length === 1
        ) {
          const e = parseEntry(lead.rest);
          if (e && !isReference(e, found))
            found.push({
              node: i,
              k: 0,
              entry: { ...e, roles: [lead.lead, ...e.roles] },
              line: n.span.line,
              mode,
              role,
            });
          continue;
        }
        inlineList(lead.rest, n, 0, mode, classRole(lead.lead, "attend") ?? role, found, doc);
        continue;
      }
      const lines = n.text.split("\n");
      const oneEach = lines.length > 1 && lines.every((ln) => parseEntry(ln) !== null);
      if (oneEach) {
        lines.forEach((ln, k) => {
          const e = parseEntry(ln)!;
          found.push({
            node: i,
            k,
            entry: e,
            line: n.span.line + Math.min(k, n.span.endLine - n.span.line),
            mode,
            role,
          });
        });
        continue;
      }
      const pieces = splitList(n.text);
      if (pieces.length >= 3 && pieces.filter((p) => parseEntry(p)).length >= 0.7 * pieces.length) {
        inlineList(n.text, n, 0, mode, role, found, doc);
        continue;
      }
      const e = lines.length === 1 && n.text.length <= 120 ? parseEntry(n.text) : null;
      if (e) {
        found.push({ node: i, k: 0, entry: e, line: n.span.line, mode, role });
        continue;
      }
      if (n.text.length > 60 || /[.!?]$/.test(n.text)) break; // prose: the list is over
      continue;
    }
    if (n.kind === "def") break;
  }
}

// "Scribe: MIH" after the list names someone already there by initials.
function isReference(e: Entry, found: Found[]): boolean {
  return /^\p{Lu}{2,4}$/u.test(e.name) && found.some((f) => f.entry.initials === e.name);
}

// A heading inside an attendance part that names a class of member ("Observers").
function isClassLabel(doc: Doc, i: number): boolean {
  const n = doc.nodes[i]!;
  const t = n.text.replace(/:\s*$/, "").trim();
  if (labelKind(t) && labelKind(t) !== "attend" && labelKind(t) !== "absent") return false;
  if (t.split(/\s+/).length > 4) return false;
  const next = doc.nodes[i + 1];
  return (
    !!next &&
    (next.kind === "item" ||
      next.kind === "row" ||
      (next.kind === "para" && next.text.split("\n").every((l) => parseEntry(l) !== null)))
  );
}

const CLASS_WORD =
  /^(?:officials?|observers?|guests?|staff|secretariat|members?|council|panel|invitees?|advis[oe]rs?|ex officio|non-voting.*|voting.*|board|committee)$/i;

const HEADER_CELL =
  /^(?:(?:attendee|participant|member|full|first|given|last|family)?\s*names?|participants?|attendees?|members?|organi[sz]ation(?:\s*\/\s*country)?|affiliation|company|employer|country|role|roles|title|position|attendance|attended|present|status|voting(?: seat)?(?:\s*\(y\/n\))?|term|initials|e-?mail|no\.?|#|seat|stakeholder(?: group)?|sector|represent(?:ing|s)?)$/i;

function isNameHeader(cells: string[]): boolean {
  const filled = cells.map((c) => c.trim()).filter(Boolean);
  return (
    filled.length >= 2 &&
    filled.every((c) => HEADER_CELL.test(c)) &&
    filled.some((c) => /name|participant|attendee|member/i.test(c))
  );
}

/** A roster table's people: by its header's columns, or column by column when cells hold labels. */
function tableEntries(rows: Node[], mode0: Mode, role0: string | null, found: Found[]): void {
  const header = rows.findIndex((r) => isNameHeader(r.cells!));
  const labelCell = (c: string) => {
    const t = c.replace(/[*:]/g, "").trim();
    const k = labelKind(t);
    return (
      k === "attend" ||
      k === "absent" ||
      (!!t &&
        t.split(/\s+/).length <= 2 &&
        /^(?:officials?|observers?|guests?|staff|secretariat|members?|council|panel|invitees?|advisers?|advisors?|ex officio)$/i.test(
          t,
        ))
    );
  };
  const width = Math.max(...rows.map((r) => r.cells!.length));
  const labelled = header < 0 && rows.some((r) => r.cells!.some((c) => labelCell(c)));
  if (labelled && width >= 2) {
    // columns side by side, each with its own labels (Present | Officials, Apologies …)
    for (let c = 0; c < width; c++) {
      let mode = mode0,
        role = role0;
      rows.forEach((r, k) => {
        const cell = (r.cells![c] ?? "").trim();
        if (!cell) return;
        if (labelCell(cell)) {
          const t = cell.replace(/[*:]/g, "").trim();
          const kind = labelKind(t);
          mode = kind === "absent" ? "absent" : "present";
          role = kind === "attend" || kind === "absent" ? null : t;
          return;
        }
        const e = parseEntry(cell.split("\n")[0]!);
        if (e) found.push({ node: r.i, k: c * 1000 + k, entry: e, line: r.span.line, mode, role });
      });
    }
    // reading order: the whole first column, then the next
    const mine = found.filter((f) => rows.some((r) => r.i === f.node));
    mine.sort((a, b) => Math.floor(a.k / 1000) - Math.floor(b.k / 1000) || a.k - b.k);
    const first = rows[0]!.i;
    mine.forEach((f, j) => {
      f.node = first;
      f.k = j;
    });
    return;
  }
  const head = header >= 0 ? rows[header]!.cells!.map((c) => c.trim().toLowerCase()) : null;
  const col = (re: RegExp) => (head ? head.findIndex((c) => re.test(c)) : -1);
  const nameCol = Math.max(0, col(/name|participant|attendee|member/));
  const attCol = col(/^(?:attendance|attended|present|status)$/);
  const roleCol = col(/^(?:role|roles|title|position)$/);
  const orgCol = col(/organi[sz]ation|affiliation|company|employer|country|represent/);
  rows.forEach((r, k) => {
    if (k <= header) return;
    const cells = r.cells!.map((c) => c.trim());
    if (isNameHeader(cells)) return;
    if (attCol >= 0 && /^(?:no|n|absent|apologies|x|✗|-)$/i.test(cells[attCol] ?? "")) return;
    const rawName = cells[nameCol] ?? "";
    const e = parseEntry(rawName.split("\n")[0]!);
    if (!e) return;
    const rest = cells.filter(
      (_, j) =>
        j !== nameCol &&
        j !== attCol &&
        j !== roleCol &&
        !/^(?:y|n|yes|no|n\/a|-)$/i.test(cells[j] ?? "") &&
        !/\b(?:19|20)\d{2}\b/.test(cells[j] ?? "") &&
        !/^[\p{Lu}]{1,4}[\p{Ll}]?$/u.test(cells[j] ?? ""),
    );
    // a column the header does not name (initials) may push the organisation one cell on
    const initialsLike = (c: string | undefined) => !!c && /^[\p{Lu}]{1,4}[\p{Ll}]?$/u.test(c);
    const unnamed = !!head && (cells.length > head.length || head.some((h) => !h));
    const orgCell =
      orgCol >= 0
        ? unnamed && initialsLike(cells[orgCol])
          ? cells.slice(orgCol + 1).find((c) => c && !initialsLike(c))
          : cells[orgCol]
        : undefined;
    const org = orgCol >= 0 ? orgCell || null : rest.length ? rest.join(", ") : null;
    // with an organisation column, a bracket in the name cell ("Jo Roe (Secretariat)") is a role
    const bracket = org && e.affiliation ? [e.affiliation] : [];
    const roles = [
      ...e.roles,
      ...bracket,
      ...(roleCol >= 0 && cells[roleCol] ? cells[roleCol].split(/\s*;\s*/).filter(Boolean) : []),
    ];
    const initials =
      cells.find((c, j) => j !== nameCol && j !== orgCol && /^[\p{Lu}]{2,4}[\p{Ll}]?$/u.test(c)) ??
      e.initials;
    found.push({
      node: r.i,
      k: 0,
      entry: { ...e, affiliation: org && org !== rawName ? org : e.affiliation, roles, initials },
      line: r.span.line,
      mode: mode0,
      role: role0,
    });
  });
}

export { looksLikeName };
