import type { Doc } from "./doc.js";
import { paragraphs, lineAt, type Line } from "./lines.js";
import { labelOf } from "./labels.js";
import { sentences } from "./text.js";
import { findDates, endOfPeriod, iso, toDate, type Found } from "./when.js";
import { resolveName } from "./names.js";

const DEADLINE = /\b(?:deadline|due(?:\s+(?:by|on|date))?|by|before|until|till|no later than|not later than|latest by)\b/gi;
const AGREED = /\b(?:it was|was|were|they|participants|members|the (?:group|wg|committee|board|meeting|participants|members)|we|all)\s+(?:(?:also|further|then|unanimously)\s+)?(?:agreed|decided|resolved)\s+(?:to|that|on)\b|\bit was (?:agreed|decided|resolved)\b|\b(?:agreement|decision) was (?:reached|taken|made)\b/i;
const NEXT_STEPS = /^(?:next steps?|action(?: item)?|action point|to do|follow[- ]up|decision)\s*:\s*/i;
const NEXT_MEETING = /\bnext\s+(?:\w+['’]?s?\s+){0,3}?(?:meeting|call|session)\b.*\b(?:will|is|planned|scheduled)\b/i;
const OWNER_LABEL = /\b(?:owner|responsible|lead|assigned to|action by|who)\s*:\s*([^;,.)\]]+)/i;
const OWNER_SUBJECT = /^(?:(?:all|the|each|every)\s+)?(\p{L}(?:[^,;:()]|\([^)]*\)){1,80}?)\s+(?:should|must|shall|will|would|is to|are to|agreed to|volunteered to|offered to|to)\s+(?!be\b)(?:also\s+)?[a-z]+/iu;
const NOT_OWNER = /^(?:it|this|that|there|they|we|he|she|which|who|these|those|results?|wording|the (?:document|results?|announcement|report|draft|meeting|information))\b/i;

/**
 * Actions: "Next steps:" statements, items under an actions label, sentences with an
 * explicit deadline, and commitments stated as agreed or decided; with owner and due date.
 */
export function actions(doc: Doc): Doc {
  const range = doc.outline!.discussion;
  if (!range) return { ...doc, actions: [] };
  const ref = toDate(doc.header?.start ?? null);
  const out: NonNullable<Doc["actions"]> = [];
  const headingLines = new Set((doc.sections ?? []).filter((s) => !s.rest).map((s) => s.line));
  let underLabel = false;
  let columns: { text: number; owner: number; due: number } | null = null;
  const lines = doc.lines.slice(range.from, range.to);
  for (const p of paragraphs(lines, headingLines)) {
    const first: Line = p.lines[0]!;
    const label = labelOf(first);
    if (label) { underLabel = label === "actions"; continue; }
    if (first.heading && !headingLines.has(first.n)) { underLabel = false; continue; }
    if (headingLines.has(first.n)) {
      underLabel = /^(?:next steps|action items|actions|action points|follow[- ]up(?: actions)?|decisions and actions|agreed actions)\s*:?$/i.test(first.body);
      continue;
    }
    if (first.cells) {
      // an action table: | Action | Owner | Due |
      const cells = first.cells;
      if (cells.some((c) => /^(?:actions?|action items?|tasks?|what)$/i.test(c))) { columns = tableColumns(cells); underLabel = true; continue; }
      if (underLabel && columns && cells.length) {
        const text = cells[columns.text]?.trim();
        if (!text) continue;
        const ownerCell = columns.owner >= 0 ? cells[columns.owner]?.trim() ?? "" : "";
        const dueCell = columns.due >= 0 ? cells[columns.due]?.trim() ?? "" : "";
        const due = findDates(dueCell, ref).find((f) => f.dayGiven) ?? null;
        const endOf = !due && dueCell ? endOfPeriod(dueCell, ref) : null;
        out.push({ text, owner: NONE.test(ownerCell) ? null : canonical(ownerCell, doc), due: due ? iso(due) : endOf, line: first.n, endLine: first.n });
      }
      continue;
    }
    if (underLabel && !(first.bullet || first.marker) && first.text.length > 200) underLabel = false;
    for (const s of sentences(p.text)) {
      const line = lineAt(p, s.start);
      const text = s.text.replace(/\s+/g, " ").trim();
      if (/^next (?:\w+ )?(?:meeting|call|session)\b/i.test(text)) continue; // the next meeting, not an action
      const labelled = NEXT_STEPS.test(text);
      const listed = underLabel;
      if (!labelled && NEXT_MEETING.test(text)) continue;
      const due = deadline(text, ref, labelled || listed);
      const agreed = /agree|decided|decision|resolved/i.test(text) && AGREED.test(text);
      if (!labelled && !listed && !due.found && !agreed) continue;
      out.push({ text, owner: owner(text, doc, labelled || listed), due: due.value, line, endLine: line });
    }
  }
  return { ...doc, actions: out };
}

// The due date: a date right after a deadline word, or anywhere in a labelled action.
function deadline(text: string, ref: Date | null, anywhere: boolean): { found: boolean; value: string | null } {
  // the date parser is the costly part: run it only on sentences that may hold a deadline
  let cache: Found[] | null | undefined;
  const datesOf = () => (cache !== undefined ? cache : (cache = /\d|January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday/.test(text) ? findDates(text, ref).filter((f) => f.dayGiven) : null));
  for (const m of text.matchAll(DEADLINE)) {
    const word = m[0].toLowerCase();
    const after = m.index! + m[0].length;
    const end = endOfPeriod(text.slice(after, after + 40), ref);
    if (end && /^\s*(?:the\s+)?end of/i.test(text.slice(after))) return { found: true, value: end };
    const near = datesOf()?.find((f) => (word === "deadline" ? f.index > m.index! : f.index >= after && f.index - after <= 12));
    if (near) return { found: true, value: iso(near) };
  }
  const all = anywhere ? datesOf() : null;
  if (all?.length) return { found: true, value: iso(all[0]!) };
  return { found: false, value: null };
}

function owner(text: string, doc: Doc, item: boolean): string | null {
  const body = text.replace(/^(?:next steps?|action(?: item)?|action point|to do|follow[- ]up|decision)\s*:\s*/i, "");
  const labelled = OWNER_LABEL.exec(body);
  if (labelled) return canonical(labelled[1]!.trim(), doc);
  const clause = /\b(?:agreed|decided|resolved) that\s+(.*)$/i.exec(body)?.[1] ?? body;
  const deciders = /^(?:the\s+)?([\p{L}][\p{L} '’-]{1,40}?)\s+(?:(?:also|further|unanimously)\s+)?(?:agreed|decided|resolved)\s+to\b/iu.exec(clause);
  if (deciders) return /^(?:it|we|they|it was)$/i.test(deciders[1]!) || /\b(?:was|were)\b/i.test(deciders[1]!) ? null : canonical(deciders[1]!, doc);
  const m = OWNER_SUBJECT.exec(clause);
  // "Anna to send the notes" is an action-list form; in running text "The deadline to …" is not an owner
  if (m && / to\s+\S+$/.test(m[0]) && !/(?:should|must|shall|will|would|is to|are to|agreed to|volunteered to|offered to) \S+$/.test(m[0]) && !item && !resolveName(m[1]!, doc.people ?? [])) return null;
  if (!m || NOT_OWNER.test(m[1]!) || /\b(?:was|were|is|are|has|have|be|been|should|must|shall|will|would|can|could|may)\b/i.test(m[1]!)) return null;
  return canonical(m[1]!.trim(), doc);
}

const canonical = (name: string, doc: Doc) => resolveName(name, doc.people ?? []) ?? name;
const NONE = /^(?:|—|–|-|n\/a|none|tbd|tbc)$/i;

function tableColumns(cells: string[]): { text: number; owner: number; due: number } {
  const find = (re: RegExp) => cells.findIndex((c) => re.test(c.trim()));
  const text = find(/^(?:actions?|action items?|tasks?|what)$/i);
  return { text: text < 0 ? 0 : text, owner: find(/^(?:owner|owners|responsible|who|lead|by whom)$/i), due: find(/^(?:due|due date|deadline|by when|when|date)$/i) };
}
