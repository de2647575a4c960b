import type { Doc, HeaderFacts, Node } from "./doc.js";
import type { Span } from "../model/line-doc.js";
import { findDates, timeFor, iso, type Found } from "./when.js";
import { parseNumber } from "./numbers.js";
import { sentences } from "./text.js";
import { labelOfNode } from "./labels.js";

const MEETING_WORD = String.raw`(?:meeting|session|call|teleconference|telecon|conference call|webinar|consultation|sync)`;
// "Online Meeting XIV", "Meeting No. 12", "Session #4", "Webinar #1", "Meeting No.1"
const MONTH_AHEAD = String.raw`(?!\s*(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)`;
const NUMBER_AFTER = new RegExp(
  String.raw`\b${MEETING_WORD}\s*(?:no\.?|number|nr\.?|#|n°)\s*(\d{1,4})\b|\b${MEETING_WORD}\s+(\d{1,4}|[IVXLC]{1,7})\b(?![./-]\d)${MONTH_AHEAD}`,
  "i",
);
// "12th Meeting", "The fourteenth virtual meeting", "Twenty-second Meeting", "the 33nd online meeting"
const NUMBER_BEFORE = new RegExp(
  String.raw`\b(\d{1,4}(?:st|nd|rd|th|d)|\d{1,4}(?=\s+(?:virtual|online|regular|ordinary|extraordinary|plenary|formal|informal)\s)|[a-z]+(?:-[a-z]+)?)\s+(?:(?:virtual|online|regular|ordinary|extraordinary|annual|plenary|monthly|weekly|hybrid|formal|informal|open|closed|in-person|physical|board|panel|committee|group)\s+){0,2}${MEETING_WORD}\b`,
  "gi",
);
const HELD =
  /\b(?:was|were|is|will be)\s+(?:held|convened|organi[sz]ed|hosted|conducted)\b|\btook place\b|\bmet\b|\bconvened\b/i;
/** Words that name a body: a title holding one names the group. */
const BODY_WORD =
  /\b(?:group|board|panel|committee|council|forum|team|task ?force|working group|tsc|tac|commission|network|caucus|assembly|coalition|steering|advisory|sub-?committee|wg|sig|partnership|consortium|trust|society|association|foundation|bureau|cabinet|delegation|directorate|body|community group|user group|leadership)\b/i;
/** Words that name the document or the occasion, not the group. */
const OCCASION =
  /\b(?:summary report|meeting report|meeting summary|summary record|record of (?:the )?meeting|meeting minutes|minutes(?: and actions)?|meeting notes|notes|agenda|teleconference|telecon|conference call|webinar|(?:monthly|weekly|quarterly|annual|regular|ordinary|extraordinary|virtual|online|hybrid|in-person|general|plenary)\s+meeting|meeting|session|call|sync|summary|report|draft|final|unclassified|official|sensitive|confidential|restricted)\b/gi;
const ACRONYM = /^[\p{Lu}][\p{L}\p{N}&+./-]{1,24}$/u;

interface Candidate {
  text: string;
  span: Span;
  source: "front" | "heading" | "line" | "title" | "intro";
  rank: number;
}

/** The group, its acronym, the meeting's number and start, chosen from the title candidates. */
export function header(doc: Doc): Doc {
  const cands = titleCandidates(doc);
  const facts: HeaderFacts = {
    group: null,
    groupAcronym: null,
    groupSpan: null,
    number: null,
    numberSpan: null,
    start: null,
    startSpan: null,
    bodyNumber: null,
    bodyDate: null,
  };

  for (const c of cands) {
    const n = numberIn(c.text, true);
    if (n !== null) {
      facts.number = n;
      facts.numberSpan = c.span;
      break;
    }
  }
  // the intro sentence: "The fourteenth virtual meeting of the … (ACR) was held on …"
  const intro = introSentence(doc);
  const start = startOf(doc, cands, intro);
  if (start) {
    facts.start = start.value;
    facts.startSpan = start.span;
  }
  if (intro) {
    const n = numberIn(intro.text, false);
    if (n !== null) facts.bodyNumber = { value: n, line: intro.span.line };
    const ref = facts.start ? new Date(`${facts.start.slice(0, 10)}T00:00:00Z`) : null;
    const f = findDates(intro.text, ref, { order: doc.order }).find((x) => x.dayGiven);
    if (f && HELD.test(intro.text))
      facts.bodyDate = { date: f.date, time: f.time, line: intro.span.line };
  }
  if (facts.number === null && facts.bodyNumber) {
    facts.number = facts.bodyNumber.value;
    facts.numberSpan = { line: facts.bodyNumber.line, endLine: facts.bodyNumber.line };
    facts.bodyNumber = null;
  }
  if (!facts.start && facts.bodyDate) {
    facts.start = iso(facts.bodyDate);
    facts.startSpan = { line: facts.bodyDate.line, endLine: facts.bodyDate.line };
    facts.bodyDate = null;
  }
  const group = chooseGroup(cands, intro);
  if (group)
    Object.assign(facts, { group: group.name, groupAcronym: group.acronym, groupSpan: group.span });
  const fromIntro = intro ? groupFromIntro(intro.text) : null;
  if (
    !facts.groupAcronym &&
    fromIntro?.acronym &&
    (!facts.group || similar(fromIntro.name, facts.group))
  )
    facts.groupAcronym = fromIntro.acronym;
  return { ...doc, header: facts };
}

/** Lines that may be the report's title: front matter title, top headings, short top lines, <title>. */
function titleCandidates(doc: Doc): Candidate[] {
  const out: Candidate[] = [];
  const { title } = doc.outline!;
  for (const n of doc.nodes.slice(0, 60)) {
    if (n.kind === "front" && /^title$/i.test(n.key ?? ""))
      out.push({ text: n.text, span: n.span, source: "front", rank: 0 });
  }
  const area = doc.nodes.slice(title.from, Math.max(title.to, Math.min(doc.nodes.length, 3)));
  for (const n of area.slice(0, 25)) {
    if (n.kind === "front" || n.kind === "rule" || n.kind === "def") continue;
    const l = labelOfNode(n);
    if (l && l.kind !== "summary") continue;
    // an intro sentence ("The 8th meeting of … was held on …") is no title line
    if (n.kind === "para" && (HELD.test(n.text) || /\.\s*$/.test(n.text)) && n.text.length > 60)
      continue;
    // a bold line in several runs ("Cabinet Office " + "Senior Officials' Group"): each run too
    const strongRuns = n.runs.filter((r) => r.strong && r.text.trim().length > 3);
    if (n.emphasis && strongRuns.length > 1)
      for (const r of strongRuns)
        out.push({ text: r.text.trim(), span: n.span, source: "line", rank: out.length + 1 });
    const lines = n.text.split("\n");
    lines.forEach((line, k) => {
      if (!line.trim() || line.length > 160) return;
      const span = {
        line: n.span.line + Math.min(k, n.span.endLine - n.span.line),
        endLine: n.span.line + Math.min(k, n.span.endLine - n.span.line),
      };
      out.push({
        text: line.trim(),
        span,
        source: n.kind === "heading" ? "heading" : "line",
        rank: out.length + 1,
      });
    });
  }
  if (doc.title)
    out.push({ text: doc.title.text, span: doc.title.span, source: "title", rank: 99 });
  return out;
}

function introSentence(doc: Doc): { text: string; span: Span } | null {
  const limit = doc.outline!.discussion?.from ?? doc.nodes.length;
  for (const n of doc.nodes.slice(0, Math.min(limit + 2, 40))) {
    if (n.kind !== "para" || n.text.length < 50) continue;
    for (const s of sentences(n.text.replace(/\n/g, " "))) {
      if (
        /\bmeeting of\b/i.test(s.text) ||
        (HELD.test(s.text) && /\b(?:meeting|session|call)\b/i.test(s.text))
      )
        return { text: s.text, span: n.span };
    }
  }
  return null;
}

/** The meeting number a title gives ("Meeting No.1", "3rd meeting", "Webinar #1", "XIX"); a year or date is not one. */
export function numberIn(text: string, header: boolean): number | null {
  const clean = text.replace(/\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b/g, " ");
  const after = NUMBER_AFTER.exec(clean);
  if (after) {
    const raw = after[1] ?? after[2]!;
    if (header || !/^[IVXLC]+$/.test(raw) || raw.length > 1) {
      const v = parseNumber(raw);
      if (v !== null && v > 0 && v < 1900) return v;
    }
  }
  if (!new RegExp(MEETING_WORD, "i").test(clean)) return null;
  for (const m of clean.matchAll(NUMBER_BEFORE)) {
    const v = parseNumber(m[1]!.replace(/(?<=\d)d$/, "nd"));
    if (v !== null && v > 0 && v < 1900) return v;
  }
  return null;
}

/**
 * The start: the title's date (a time beside it, on the next header lines, in a
 * logistics part or in a zone table), else a "When:"/"Date:" line, else the intro
 * sentence, else another date in the header, else the front matter's date.
 */
function startOf(
  doc: Doc,
  cands: Candidate[],
  intro: { text: string; span: Span } | null,
): { value: string; span: Span } | null {
  const yearHint = cands.map((c) => /\b(19|20)\d{2}\b/.exec(c.text)?.[0]).find(Boolean);
  const ref = yearHint ? new Date(Date.UTC(Number(yearHint), 0, 1)) : null;
  const opts = { order: doc.order };
  const dated = (text: string) => findDates(text, ref, opts).filter((f) => f.dayGiven && !f.range);
  let found: { f: Found; span: Span } | null = null;
  for (const c of cands) {
    if (c.source === "title" && found) break;
    const f = dated(c.text)[0] ?? compactDate(c.text);
    if (f) {
      found = { f, span: c.span };
      break;
    }
  }
  // logistics: "When: Thursday, 6th September at 16:00 UTC", "Date/Time" parts
  const logistics = logisticsTexts(doc);
  if (!found) {
    for (const l of logistics) {
      const f = dated(l.text)[0];
      if (f) {
        found = { f, span: l.span };
        break;
      }
    }
  }
  if (!found && intro) {
    const f = dated(intro.text)[0];
    if (f) found = { f, span: intro.span };
  }
  if (!found) {
    for (const n of doc.nodes.slice(doc.outline!.title.from, doc.outline!.title.to + 4)) {
      // (a "Next meeting: …" line dates another meeting)
      if (
        n.kind === "front" ||
        labelOfNode(n)?.kind === "next" ||
        /\bnext\s+(?:\w+\s+)?(?:meeting|call|session)\b/i.test(n.text)
      )
        continue;
      const f = dated(n.text)[0];
      if (f && f.yearGiven) {
        found = { f, span: n.span };
        break;
      }
    }
  }
  if (!found) {
    const fm = doc.nodes.find((n) => n.kind === "front" && /^date$/i.test(n.key ?? ""));
    const f = fm
      ? findDates(fm.text, null, opts).find((x) => x.dayGiven && x.yearGiven)
      : undefined;
    return f && fm ? { value: f.date, span: fm.span } : null;
  }
  let { f, span } = found;
  if (!f.time) {
    // a time given apart from the date: the next header lines, a logistics part, the intro
    const near = cands.filter((c) => c.span.line > span.line && c.span.line <= span.line + 4);
    for (const t of [
      ...near.map((c) => ({ text: c.text, span: c.span, near: true })),
      ...logistics.map((l) => ({ ...l, near: false })),
      ...(intro ? [{ ...intro, near: false }] : []),
    ]) {
      const ds = findDates(t.text, ref, opts).filter((x) => x.dayGiven);
      let time: { date: string; time: string | null } | null = null;
      if (ds.length) {
        const same = ds.find(
          (x) =>
            x.local &&
            Math.abs(Date.parse(x.date) - Date.parse(f.date)) <= 86_400_000 &&
            x.time !== null,
        );
        if (same) time = same;
      } else {
        const tm = timeFor(f.date, t.text);
        if (tm?.time) time = tm;
        else if (tm && t.near) break; // a time without a zone beside the date: the date alone
      }
      if (time) {
        f = { ...f, time: time.time, date: time.date };
        span = {
          line: Math.min(span.line, t.span.line),
          endLine: Math.max(span.endLine, t.span.endLine),
        };
        break;
      }
    }
  }
  return { value: iso(f), span };
}

// A title that is only a compact date ("20220412").
function compactDate(text: string): Found | null {
  const m = /^\D{0,20}\b((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])\b\D{0,20}$/.exec(
    text.trim(),
  );
  return m
    ? {
        date: `${m[1]}-${m[2]}-${m[3]}`,
        time: null,
        local: null,
        index: m.index,
        end: m.index + 8,
        yearGiven: true,
        dayGiven: true,
        range: false,
      }
    : null;
}

/** Texts of the logistics: "When:"/"Date:"/"Time:" leads, and the parts a logistics label opens. */
function logisticsTexts(doc: Doc): { text: string; span: Span }[] {
  const out: { text: string; span: Span }[] = [];
  const labels = doc.outline!.labels.filter((l) => l.kind === "logistics");
  for (const l of labels) {
    const n = doc.nodes[l.node]!;
    if (l.inline) {
      out.push({ text: n.text, span: n.span });
      continue;
    }
    for (const m of doc.nodes.slice(l.node + 1, l.node + 12)) {
      if (m.kind === "heading" && (n.kind !== "heading" || m.level <= n.level)) break;
      out.push({ text: m.text, span: m.span });
    }
  }
  return out;
}

function similar(a: string, b: string): boolean {
  const A = new Set(a.toLowerCase().split(/\W+/)),
    B = b.toLowerCase().split(/\W+/);
  return B.filter((w) => A.has(w)).length >= Math.min(2, B.length);
}

/**
 * The group: from each title candidate, drop what names the document or the occasion
 * (dates, "Minutes", "Meeting No. 3", "Teleconference", an event prefix), and score
 * what is left: a body word ("Board", "Working Group"), a meeting word beside it in the
 * title, its place. A bold run holding the body word wins over the department before it.
 */
function chooseGroup(
  cands: Candidate[],
  intro: { text: string; span: Span } | null,
): { name: string; acronym: string | null; span: Span } | null {
  let best: { name: string; acronym: string | null; span: Span; score: number } | null = null;
  for (const c of cands) {
    for (const g of groupsIn(c.text)) {
      let score = 0;
      if (BODY_WORD.test(g.name)) score += 3;
      if (new RegExp(MEETING_WORD + "|minutes|notes|agenda", "i").test(c.text)) score += 1.5;
      if (c.source === "front") score += 1;
      if (c.source === "heading") score += 0.5;
      if (c.source === "title") score -= 1;
      score -= c.rank * 0.05;
      if (g.name.split(/\s+/).length > 9) score -= 2;
      if (/^[\p{Lu}\s]+$/u.test(g.name) && g.name.length > 4) score -= 0.5; // a shouted banner repeats the title
      if (
        best &&
        score > 0 &&
        similar(best.name, g.name) &&
        g.name.length > best.name.length &&
        g.name.toLowerCase().includes(best.name.toLowerCase().split(/\s+/).slice(-1)[0]!)
      )
        score += 0.6;
      if (!best || score > best.score) best = { ...g, span: c.span, score };
    }
  }
  // a fuller name of the same group elsewhere in the title wins ("Senior Officials Group" →
  // "Senior Officials' Group on Transparency"): the closest superset of its words
  if (best && best.score >= 2) {
    const words = (x: string) =>
      new Set(
        x
          .toLowerCase()
          .replace(/['’]s?\b/g, "")
          .split(/[^\p{L}\p{N}]+/u)
          .filter(Boolean),
      );
    const mine = words(best.name);
    let fuller: { name: string; acronym: string | null; span: Span; extra: number } | null = null;
    for (const c of cands)
      for (const g of groupsIn(c.text)) {
        const theirs = words(g.name);
        if (
          theirs.size <= mine.size ||
          ![...mine].every((w) => theirs.has(w)) ||
          !BODY_WORD.test(g.name)
        )
          continue;
        const extra = theirs.size - mine.size;
        if (extra <= 4 && (!fuller || extra < fuller.extra)) fuller = { ...g, span: c.span, extra };
      }
    return fuller ?? best;
  }
  const fromIntro = intro ? groupFromIntro(intro.text) : null;
  if (fromIntro) return { ...fromIntro, span: intro!.span };
  return best && best.score > 0.5 ? best : null;
}

/** The group names a title line may hold ("Minutes of the 3rd meeting of the Scala Center" → "Scala Center"). */
export function groupsIn(text: string): { name: string; acronym: string | null }[] {
  let t = text
    .replace(/[*_#]/g, "")
    .replace(/[\u{1F000}-\u{1FFFF}\u{2600}-\u{27BF}]/gu, "")
    .replace(/\s+/g, " ")
    .trim();
  if (!t || t.length > 160) return [];
  if (HELD.test(t) && /[.]\s*$/.test(t)) return [];
  // event prefix: "EVENT 12: …"
  t = t.replace(/^[\p{Lu}\d]{2,}[\s-]*\d*\s*:\s+/u, (m) => (/\d/.test(m) ? "" : m));
  const parts = t.split(/\s+[|–—]\s+|\s+-\s+|:\s+(?=\p{Lu})/u);
  const out: { name: string; acronym: string | null }[] = [];
  for (const part of parts.length > 1 ? [...parts, t] : [t]) {
    let p = part;
    // "Minutes of the 12th meeting of the Open Data Board": the group follows "meeting of"
    const of = new RegExp(
      String.raw`\b${MEETING_WORD}\s+(?:no\.?\s*\d+\s+)?of\s+(?:the\s+)?(.{3,})$`,
      "i",
    ).exec(p);
    if (of) p = of[1]!;
    p = p.replace(/^(?:minutes|notes|summary|report|agenda)\s+(?:of|from|for)\s+(?:the\s+)?/i, "");
    // dates, numbers of meetings, words of the occasion
    p = p.replace(
      /\(?\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b\)?|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{8}\b/g,
      " ",
    );
    for (const f of findDates(p, null))
      p = p.slice(0, f.index) + " ".repeat(f.end - f.index) + p.slice(f.end);
    p = p.replace(
      /\b(?:january|february|march|april|may|june|july|august|september|october|november|december)\s+\d{4}\b/gi,
      " ",
    );
    p = p.replace(/\b(?:q[1-4]\s+)?(?:19|20)\d{2}\b/gi, " ");
    p = p.replace(
      new RegExp(
        String.raw`\b(?:the\s+)?(?:\d{1,4}(?:st|nd|rd|th|d)?|[a-z]+(?:-[a-z]+)?)\s+(?:(?:virtual|online|regular|monthly)\s+)?${MEETING_WORD}\b`,
        "gi",
      ),
      (m) => (parseNumber(m.split(/\s+/).filter((w) => !/^the$/i.test(w))[0]!) !== null ? " " : m),
    );
    p = p.replace(
      new RegExp(
        String.raw`\b(?:(?:virtual|online|regular|ordinary|extraordinary|hybrid|in-person|plenary|monthly|weekly)\s+)*${MEETING_WORD}\s*(?:no\.?|number|#|n°)?\s*(?:\d{1,4}|[IVXLC]{1,7})\b`,
        "gi",
      ),
      " ",
    );
    p = p.replace(OCCASION, " ");
    p = p
      .replace(/\b(?:from|of|for|on|held|the|at)\s*$/i, " ")
      .replace(/^\s*(?:the|of|for|from|and)\b/i, " ");
    p = p
      .replace(/\s*[,;:|–—-]+\s*$/g, "")
      .replace(/^[\s,;:|–—()-]+/, "")
      .replace(/\s+/g, " ")
      .trim();
    p = p
      .replace(/\b(?:from|of|for|on|held|the|at|and)$/i, "")
      .replace(/[\s,;:|–—(-]+$/, "")
      .trim();
    if (
      !p ||
      p.length < 3 ||
      !/\p{Lu}/u.test(p) ||
      /^[\d\s\W]+$/.test(p) ||
      /^(?:date|time|venue|place|location|chair|moderator|present|apologies)\b/i.test(p)
    )
      continue;
    const acr = /\s*\(([^()]+)\)\s*$/.exec(p);
    if (acr && ACRONYM.test(acr[1]!) && /\p{Lu}.*\p{Lu}/u.test(acr[1]!))
      out.push({ name: p.slice(0, acr.index).trim(), acronym: acr[1]! });
    else out.push({ name: p, acronym: null });
  }
  return out;
}

// "… meeting of the Board's Working Group (WG) on Open Data (WG-Data) was held …"
function groupFromIntro(sentence: string): { name: string; acronym: string | null } | null {
  const m =
    /\b(?:meeting|session|call)\s+of\s+(?:the\s+)?(.+?)\s+(?:was|were|took|is|has|met|convened|on\s+\d|held)\b/i.exec(
      sentence,
    );
  if (!m) return null;
  const phrase = m[1]!;
  const acronyms = [...phrase.matchAll(/\(([^()]+)\)/g)]
    .map((x) => x[1]!)
    .filter((a) => ACRONYM.test(a) && /\p{Lu}.*\p{Lu}/u.test(a));
  const name = phrase
    .replace(/\s*\([^()]*\)/g, "")
    .replace(/[,;]$/, "")
    .trim();
  return name ? { name, acronym: acronyms[acronyms.length - 1] ?? null } : null;
}

export type { Node };
