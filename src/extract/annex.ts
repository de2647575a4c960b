import type { Doc, ParticipantEntry } from "./doc.js";
import type { Line } from "./lines.js";
import { INLINE_PARTICIPANTS } from "./labels.js";

/** Words that make a list segment a role rather than an affiliation. */
const ROLE = /\b(?:member|members|chair|chairs|co-?chair|chairperson|chairman|chairwoman|vice[- ]?chair|intern|rapporteur|moderator|facilitator|secretary|president|vice[- ]president|director|officer|head|lead|leader|representative|rep|observer|convenor|convener|coordinator|co-?coordinator|focal point|advis[oe]r|manager|fellow|ambassador|minister|delegate|ceo|cto|coo|founder|co-?founder|professor|researcher|editor|liaison|staff|host|speaker|panellist|panelist|consultant|counsel(?:l?or)?|deputy|assistant|analyst|expert member|trustee|treasurer|envoy|special adviser|trainer|mentor|tutor|volunteer)\b/i;
/** Words that start an organisation when a list line has no separator ("Jo Doe Government of X"). */
const ORG_START = /^(?:government|ministry|university|department|council|commission|office|secretariat|foundation|institute|association|agency|embassy|permanent|mission|federal|national|european|international|centre|center|bank|unesco|itu|icann|isoc|un|world|the)$/i;
const HEADER_CELLS = /^(?:name|names|participant|participants|full name|organi[sz]ation|affiliation|role|roles|title|country|stakeholder(?: group)?|sector|no\.?|#|email)$/i;
const SEP = /\s+[–—-]\s+|\s*\|\s*|\t+/;

/** The participant list: each entry split into name, affiliation and roles. */
export function annex(doc: Doc): Doc {
  const { participants: range, participantsInline } = doc.outline!;
  const entries: ParticipantEntry[] = [];
  if (range) {
    let columns: Columns | null = null;
    for (const l of doc.lines.slice(range.from, range.to)) {
      if (l.blank || l.heading) continue;
      if (l.cells) {
        const head = headerColumns(l.cells);
        if (head) { columns = head; continue; }
        const e = fromCells(l, columns);
        if (e) entries.push(e);
        continue;
      }
      const text = l.marker || l.bullet ? l.body : l.text;
      // "Ann Lee (Org A), Bo Chen (Org B), …" written as one paragraph
      const pieces = splitOutside(text, text.includes(";") ? ";" : ",");
      if (pieces.length >= 2 && pieces.every((x) => /^[^()]{3,60}\([^()]+\)$/.test(x))) {
        for (const part of pieces) { const e = parseEntry(part, l.n, doc); if (e) entries.push(e); }
        continue;
      }
      const e = parseEntry(text, l.n, doc);
      if (e) entries.push(e);
    }
  } else if (participantsInline !== null) {
    const l = doc.lines[participantsInline]!;
    const list = INLINE_PARTICIPANTS.exec(l.text)![1]!;
    for (const part of splitOutside(list, list.includes(";") ? ";" : ",")) {
      const e = parseEntry(part, l.n, doc);
      if (e) entries.push(e);
    }
  }
  return { ...doc, participants: entries };
}

/** Which table column holds what, read from a header row. */
interface Columns { name: number[]; affiliation: number[]; roles: number[] }

function headerColumns(cells: string[]): Columns | null {
  if (!cells.length || !cells.every((c) => !c || HEADER_CELLS.test(c) || /^(?:first|given|last|family)\s*name|surname$/i.test(c))) return null;
  const cols: Columns = { name: [], affiliation: [], roles: [] };
  cells.forEach((c, i) => {
    if (/^(?:name|names|participant|participants|full name|first name|given name)$/i.test(c)) cols.name.push(i);
    else if (/^(?:last name|family name|surname)$/i.test(c)) cols.name.push(i);
    else if (/^(?:organi[sz]ation|affiliation|country|stakeholder(?: group)?|sector)$/i.test(c)) cols.affiliation.push(i);
    else if (/^(?:role|roles|title)$/i.test(c)) cols.roles.push(i);
  });
  return cols.name.length ? cols : null;
}

function fromCells(l: Line, columns: Columns | null): ParticipantEntry | null {
  if (columns) {
    const at = (i: number) => l.cells![i]?.trim() ?? "";
    const name = columns.name.map(at).filter(Boolean).join(" ");
    if (!looksLikeName(name)) return null;
    const aff = columns.affiliation.map(at).filter(Boolean);
    const roles = columns.roles.map(at).flatMap((r) => r.split(/\s*;\s*/)).filter(Boolean);
    return { name, affiliation: aff.length ? aff.join(", ") : null, roles, line: l.n, nick: null };
  }
  const cells = l.cells!.filter((c) => c && !/^\d+\.?$/.test(c));
  if (!cells.length || cells.every((c) => HEADER_CELLS.test(c))) return null;
  const [name, ...rest] = cells;
  if (!looksLikeName(name!)) return null;
  return classify(name!, null, rest, l.n);
}

/** Parses one list entry: "Name, Org, Role", "Name – Org", "Name (Org)", "Name Government of X". */
export function parseEntry(raw: string, line: number, doc?: Doc): ParticipantEntry | null {
  let t = raw.replace(/[*_]/g, "").replace(/^[\s,;.]+|[\s,;.]+$/g, "").replace(/\s+,/g, ",").trim();
  if (!t || t.length > 220 || !/\p{L}/u.test(t)) return null;
  const segments = splitOutside(t, ",").map((s) => s.trim()).filter(Boolean);
  let head = segments.shift()!;
  let nick: string | null = null;
  const extra: string[] = [];
  // a separator inside the first segment: "Name – Org"
  const sep = SEP.exec(head);
  if (sep && sep.index > 0) {
    extra.push(...head.slice(sep.index + sep[0].length).split(SEP).map((s) => s.trim()).filter(Boolean));
    head = head.slice(0, sep.index).trim();
  }
  // parentheses after the name: a nickname ("(Peggy)") or an organisation ("(ITU)")
  const paren = /^(.*?)\s*\(([^()]+)\)\s*(.*)$/.exec(head);
  if (paren && paren[1]) {
    head = paren[1].trim();
    const inside = paren[2]!.trim();
    if (isNickname(inside, head, segments.length + extra.length > 0, doc)) nick = inside;
    else extra.unshift(...splitOutside(inside, ","));
    if (paren[3]) extra.push(paren[3]);
  }
  // no separator at all: "Nigel Hickson Government of UK"
  const words = head.split(/\s+/);
  if (words.length > 3) {
    const at = words.findIndex((w, i) => i >= 2 && ORG_START.test(w) && /^\p{Lu}/u.test(w));
    if (at > 0) { extra.unshift(words.slice(at).join(" ")); head = words.slice(0, at).join(" "); }
  }
  if (!looksLikeName(head)) return null;
  return classify(head, nick, [...extra, ...segments], line);
}

function classify(name: string, nick: string | null, segments: string[], line: number): ParticipantEntry {
  const roles: string[] = [], affiliation: string[] = [];
  for (const s of segments.map((x) => x.trim()).filter(Boolean)) (ROLE.test(s) && !/\//.test(s) ? roles : affiliation).push(s);
  return { name: name.trim(), affiliation: affiliation.length ? affiliation.join(", ") : null, roles, line, nick };
}

function looksLikeName(s: string): boolean {
  const t = s.trim();
  if (t.length < 2 || t.length > 60) return false;
  if (!/^[\p{Lu}\p{Ll}]/u.test(t) || /^\p{Ll}/u.test(t) && !/^(?:de|van|von|da|di|le|la|el|al)\s/.test(t)) return false;
  if (/[:;?!]|https?:|www\./i.test(t)) return false;
  const words = t.split(/\s+/);
  return words.length <= 6 && words.some((w) => /^\p{Lu}/u.test(w));
}

// A single capitalised word in parentheses is a nickname when the entry goes on after it
// or the report uses the word elsewhere as a first name; otherwise it names an organisation.
function isNickname(inside: string, name: string, more: boolean, doc?: Doc): boolean {
  if (!/^\p{Lu}\p{Ll}[\p{Ll}'’-]{1,14}$/u.test(inside) || ROLE.test(inside)) return false;
  if (more) return true;
  if (!doc) return false;
  const surname = name.split(/\s+/).pop()!;
  const re = new RegExp(`\\b${inside}\\s+(?:${escape(surname)}|said|says|stated|noted|added|asked|shared|suggested|gave|explained|replied|agreed)\\b`);
  return doc.lines.some((l) => re.test(l.text));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Splits on `sep` outside parentheses. */
export function splitOutside(s: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0, cur = "";
  for (const ch of s) {
    if (ch === "(" || ch === "[") depth++;
    if ((ch === ")" || ch === "]") && depth > 0) depth--;
    if (ch === sep && depth === 0) { out.push(cur); cur = ""; } else cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}
