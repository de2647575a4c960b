import type { Doc, HeaderFacts } from "./doc.js";
import type { Line } from "./lines.js";
import { findDates, iso, type Found } from "./when.js";
import { parseNumber } from "./numbers.js";
import { sentences } from "./text.js";
import { INLINE_PARTICIPANTS } from "./labels.js";

const MEETING_WORD = String.raw`(?:meeting|session|call|teleconference|conference call|webinar|consultation)`;
// "Online Meeting XIV", "Meeting No. 12", "Session #4"
const NUMBER_AFTER = new RegExp(String.raw`\b${MEETING_WORD}\s*(?:no\.?|number|nr\.?|#|n°)?\s*(\d{1,4}|[IVXLC]{1,7})\b`, "i");
// "12th Meeting", "The fourteenth virtual meeting", "the 33nd online meeting"
// (number words are matched as plain words, then read by parseNumber: a regex of every
// number word is slow to scan with)
const NUMBER_BEFORE = new RegExp(
  String.raw`\b(\d{1,4}(?:st|nd|rd|th|d)?|[a-z]+(?:-[a-z]+)?)\s+(?:(?:virtual|online|regular|ordinary|extraordinary|annual|plenary|monthly|weekly|hybrid|formal|informal|open|closed|in-person|physical)\s+){0,2}${MEETING_WORD}\b`,
  "gi",
);
const NOT_GROUP = /^(?:summary report|report|minutes|meeting minutes|summary|draft|final|meeting report|meeting summary|summary record|record of (?:the )?meeting|online meeting|virtual meeting|date|time|venue|location|chair|moderator|host|rapporteur)\b/i;
const ACRONYM = /^[\p{Lu}][\p{L}\p{N}&+./-]{1,24}$/u;
const HELD = /\b(?:was|were|is|will be)\s+(?:held|convened|organi[sz]ed|hosted|conducted)\b|\btook place\b|\bmet\b|\bconvened\b/i;

/** The group, its acronym, the meeting's number and start, from the header and intro. */
export function header(doc: Doc): Doc {
  const { from, to } = doc.outline!.header;
  const lines = doc.lines.slice(from, Math.max(to, from));
  const listed = doc.outline!.participants;
  const inList = (n: number) => !!listed && n - 1 >= listed.from - 1 && n - 1 < listed.to;
  const short = lines.filter((l) => !l.blank && l.text.length <= 140 && !inList(l.n) && !l.cells && !INLINE_PARTICIPANTS.test(l.text));
  const introLines = lines.filter((l) => !l.blank && l.text.length > 60);

  const facts: HeaderFacts = {
    group: null, groupAcronym: null, groupSpan: null, number: null, numberSpan: null,
    start: null, startSpan: null, bodyNumber: null, bodyDate: null,
  };

  // Number: the header's own line first.
  for (const l of short) {
    const n = numberIn(l.text, true);
    if (n !== null) { facts.number = n; facts.numberSpan = { line: l.n, endLine: l.n }; break; }
  }
  // Date and time from the header lines (a time may stand on its own line).
  let headerDate: Found | null = null;
  for (const l of short) {
    if (l.text.length > 100) continue;
    const f = findDates(l.text, null).find((x) => x.dayGiven && x.yearGiven);
    if (f) {
      headerDate = f;
      facts.startSpan = { line: l.n, endLine: l.n };
      if (!f.time) {
        // a time later on the same line ("Date: 12 March 2024 | Time: 13:00 UTC") or on the next lines
        const TIME = /\b\d{1,2}(?::\d{2})?\s*(?:[ap]\.?m\.?|utc|gmt|h\b)|\b\d{1,2}:\d{2}\b/i;
        const rest = l.text.slice(f.end);
        const timeLine = TIME.test(rest) ? { ...l, text: rest } : short.find((x) => x.n > l.n && x.n <= l.n + 3 && TIME.test(x.text));
        const t = timeLine && findDates(`${f.date} ${timeLine.text.replace(/^[^:]*time\s*:\s*/i, "").replace(/^[\s|,;–—-]+/, "")}`, null)[0];
        if (t?.time) { headerDate = { ...f, time: t.time, date: t.date }; facts.startSpan = { line: l.n, endLine: timeLine!.n }; }
      }
      break;
    }
  }

  // The intro sentence: "The fourteenth virtual meeting of the … (ACR) was held on …".
  let introGroup: { name: string; acronym: string | null; line: number } | null = null;
  for (const l of introLines) {
    for (const s of sentences(l.text)) {
      if (!HELD.test(s.text) && !/\bmeeting of\b/i.test(s.text)) continue;
      const n = numberIn(s.text, false);
      if (n !== null && !facts.bodyNumber) facts.bodyNumber = { value: n, line: l.n };
      const ref = headerDate ? new Date(`${headerDate.date}T00:00:00Z`) : null;
      const f = HELD.test(s.text) ? findDates(s.text, ref).find((x) => x.dayGiven) : undefined;
      if (f && !facts.bodyDate) facts.bodyDate = { date: f.date, time: f.time, line: l.n };
      introGroup ??= groupFromIntro(s.text, l.n);
    }
    if (facts.bodyDate && facts.bodyNumber && introGroup) break;
  }
  if (facts.number === null && facts.bodyNumber) { facts.number = facts.bodyNumber.value; facts.numberSpan = { line: facts.bodyNumber.line, endLine: facts.bodyNumber.line }; facts.bodyNumber = null; }

  if (headerDate) {
    const useBodyTime = !headerDate.time && facts.bodyDate?.time && facts.bodyDate.date === headerDate.date;
    facts.start = iso(useBodyTime ? { date: headerDate.date, time: facts.bodyDate!.time } : headerDate);
  } else if (facts.bodyDate) {
    facts.start = iso(facts.bodyDate);
    facts.startSpan = { line: facts.bodyDate.line, endLine: facts.bodyDate.line };
    facts.bodyDate = null;
  }

  // Group: the first header line that is not the number, the date or a document title.
  for (const l of short) {
    if (l.text.length > 120 || l.marker) continue;
    const g = groupFromHeaderLine(l);
    if (g) { Object.assign(facts, { group: g.name, groupAcronym: g.acronym, groupSpan: { line: l.n, endLine: l.n } }); break; }
  }
  if (!facts.group && introGroup) {
    facts.group = introGroup.name;
    facts.groupSpan = { line: introGroup.line, endLine: introGroup.line };
  }
  if (!facts.groupAcronym && introGroup?.acronym) facts.groupAcronym = introGroup.acronym;
  return { ...doc, header: facts };
}

function numberIn(text: string, header: boolean): number | null {
  const after = NUMBER_AFTER.exec(text);
  if (after && (header || !/^[IVXLC]+$/.test(after[1]!) || after[1]!.length > 1)) {
    const v = parseNumber(after[1]!);
    if (v !== null) return v;
  }
  if (!/meeting|session|call|teleconference|webinar|consultation/i.test(text)) return null;
  for (const m of text.matchAll(NUMBER_BEFORE)) {
    const v = parseNumber(m[1]!);
    if (v !== null) return v;
  }
  return null;
}

function groupFromHeaderLine(l: Line): { name: string; acronym: string | null } | null {
  let t = l.text.replace(/[*_#]/g, "").trim();
  if (HELD.test(t) && /\.\s*$|\.\s+\p{Lu}/u.test(t)) return null; // a sentence, not a title
  // "Meeting summary: Group …" / "Minutes – Group …": the label goes, the rest may be the group
  t = t.replace(/^(?:summary report|meeting summary|summary|minutes|meeting minutes|report|draft)\s*[:–—-]\s*/i, "");
  // "Group – Call #4 – 12 April 2023": what precedes the date (and the number) is the group
  const dated = findDates(t, null).find((f) => f.dayGiven);
  if (dated && dated.index > 3) {
    const before = t.slice(0, dated.index).replace(/[\s,:;|–—(-]+$/, "").replace(/\b(?:on|held on|of)$/i, "").trim();
    if (before.split(/\s+/).length >= 2 && !NOT_GROUP.test(before)) t = before;
  }
  if (!t || NOT_GROUP.test(t) || findDates(t, null).some((f) => f.dayGiven)) {
    // "Minutes of the 12th meeting of the Open Data Board": the group follows "meeting of".
    const of = /\b(?:meeting|session|call)\s+of\s+(?:the\s+)?(.{4,})$/i.exec(t);
    if (!of) return null;
    t = of[1]!;
  }
  const numbered = NUMBER_AFTER.exec(t) ?? [...t.matchAll(NUMBER_BEFORE)].find((m) => parseNumber(m[1]!) !== null) ?? null;
  if (numbered) {
    const of = /\b(?:meeting|session|call)\s+of\s+(?:the\s+)?(.{4,})$/i.exec(t);
    t = of ? of[1]! : t.slice(0, numbered.index).replace(/[\s,:;|–—-]+$/, "").replace(/\b(?:online|virtual|regular|the|monthly|hybrid|\d+(?:st|nd|rd|th)?)\s*$/gi, "");
    t = t.replace(/[\s,:;|–—-]+$/, "").trim();
    if (t.split(/\s+/).length < 2) return null;
  }
  if (/^(?:date|time|venue|place|location|chair|moderator)\s*:/i.test(t) || t.length < 4 || !/\p{Lu}/u.test(t)) return null;
  const acr = /\s*\(([^()]+)\)\s*$/.exec(t);
  if (acr && ACRONYM.test(acr[1]!) && /\p{Lu}.*\p{Lu}/u.test(acr[1]!)) return { name: t.slice(0, acr.index).trim(), acronym: acr[1]! };
  return { name: t, acronym: null };
}

// "… meeting of the Board's Working Group (WG) on Open Data (WG-Data) was held …"
function groupFromIntro(sentence: string, line: number): { name: string; acronym: string | null; line: number } | null {
  const m = /\b(?:meeting|session|call)\s+of\s+(?:the\s+)?(.+?)\s+(?:was|were|took|is|has|met|convened|on\s+\d|held)\b/i.exec(sentence);
  if (!m) return null;
  const phrase = m[1]!;
  const acronyms = [...phrase.matchAll(/\(([^()]+)\)/g)].map((x) => x[1]!).filter((a) => ACRONYM.test(a) && /\p{Lu}.*\p{Lu}/u.test(a));
  const name = phrase.replace(/\s*\([^()]*\)/g, "").replace(/[,;]$/, "").trim();
  return name ? { name, acronym: acronyms[acronyms.length - 1] ?? null, line } : null;
}
