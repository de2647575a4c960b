import type { Doc, SectionNode } from "./doc.js";
import type { Statement } from "../model/record.js";
import { paragraphs, lineAt, type Line, type Paragraph } from "./lines.js";
import { sentences } from "./text.js";
import { NAME_RUN, nameCandidates, isNonNameWord, type Known } from "./names.js";

const LEMMAS = `say state share add note ask suggest propose highlight remark recall reply respond answer mention explain observe
  agree disagree emphasize emphasise stress underline present update report inform introduce open close comment raise express
  welcome thank invite recommend argue point clarify confirm announce summarize summarise conclude wonder question request urge
  encourage support volunteer offer discuss describe outline brief remind acknowledge indicate underscore reiterate inquire enquire
  intervene step give think believe feel consider warn caution object insist reflect elaborate echo share refer call
  signal flag invite lead moderate chair host welcome recap sum`;
const IRREGULAR = "said says gave given thought felt spoke spoken led sent wrote told began brought";
const VERBS = new Set<string>(IRREGULAR.split(" "));
for (const v of LEMMAS.split(/\s+/).filter(Boolean)) {
  const stem = v.endsWith("e") ? v.slice(0, -1) : v;
  const ied = /[^aeiou]y$/.test(v) ? v.slice(0, -1) + "ied" : null;
  for (const f of [v, v + "s", v.endsWith("e") ? v + "d" : v + "ed", stem + "ing", ied, /[^aeiou]y$/.test(v) ? v.slice(0, -1) + "ies" : null, v + "es"]) if (f) VERBS.add(f);
}
// "stepped", "referred", "stopped": doubled final consonant
for (const v of ["stepped", "referred", "stepping", "referring", "summed"]) VERBS.add(v);

const ADVERB = String.raw`(?:also|then|further|briefly|again|finally|additionally|later|first|subsequently|however|in turn|in addition|kindly|once again|in the chat|on behalf of [^,.;]{2,60}?)`;
const AUX = String.raw`(?:has|have|had|is|was|were|would|will|also|then|further|briefly|kindly|again|first|finally)`;
// after the name: "(Org)", or one appositive between commas ("Ann Lee, the Board's chair, said")
const AFTER = new RegExp(String.raw`(?:\s*\([^)]{1,80}\)|,\s+(?:the\s+|a\s+|from\s+|of\s+|representing\s+)[^,.;()]{2,60},)?(?:,?\s+${ADVERB})*,?\s+((?:${AUX}\s+)*)([a-z]+)\b`, "uy");
const PRONOUN = /^(?:He|She|They)\s+(?:(?:also|then|further|finally|again|additionally)\s+)*(?:(?:has|had|was|is)\s+)?([a-z]+)\b/;

/** Speakers of each section and their statements, resolved to the participant list. */
export function speakers(doc: Doc): Doc {
  const known = doc.people ?? [];
  const statements: Statement[] = [];
  const unlisted: { name: string; line: number }[] = [];
  const secs: SectionNode[] = (doc.sections ?? []).map((s, index) => {
    const lines = doc.lines.slice(s.body.from, s.body.to);
    const paras = paragraphs(lines);
    if (s.rest) paras.unshift({ text: s.rest, lines: [doc.lines[s.body.from - 1]!] });
    const names: string[] = [];
    for (const p of paras) {
      for (const hit of speakersIn(p, known, doc.lowercaseWords, names)) {
        if (!names.includes(hit.name)) names.push(hit.name);
        if (!hit.listed && !unlisted.some((u) => u.name === hit.name)) unlisted.push({ name: hit.name, line: hit.line });
        statements.push({ section: index, speaker: hit.name, text: hit.text, line: hit.line, endLine: hit.endLine });
      }
    }
    return { ...s, speakers: names };
  });
  return { ...doc, sections: secs, statements, unlisted };
}

interface Hit { name: string; listed: boolean; line: number; endLine: number; text: string }

/** Who speaks in one paragraph: named subjects of speech verbs, "Name:" lines, and he/she after them. */
export function speakersIn(p: Paragraph, known: readonly Known[], lower: ReadonlySet<string>, already: readonly string[] = []): Hit[] {
  const spoke = (n: string) => already.includes(n) || hits.some((h) => h.name === n);
  const identify = (run: string, strict: boolean) => identifyRun(run, known, lower, strict, spoke);
  const hits: Hit[] = [];
  let lastSubject: { name: string; listed: boolean } | null = null;
  const first = p.lines[0]!;
  // "Anna Berg: we should …" / "- Anna Berg: mentioning …"
  const colon = /^([^:]{2,60}):\s+\S/.exec(p.text);
  if (colon && (first.bullet || first.marker || p.lines.length >= 1)) {
    const who = identify(colon[1]!.trim(), true);
    if (who) { hits.push({ ...who, line: first.n, endLine: lastLine(p), text: p.text }); lastSubject = who; }
  }
  for (const s of sentences(p.text)) {
    const line = lineAt(p, s.start);
    const pron = PRONOUN.exec(s.text);
    if (pron && lastSubject && VERBS.has(pron[1]!)) {
      hits.push({ ...lastSubject, line, endLine: line, text: s.text });
      continue;
    }
    let pending: { name: string; listed: boolean }[] = [];
    let prevEnd = -1;
    for (const m of s.text.matchAll(NAME_RUN)) {
      const who = identify(m[0], false);
      const gap = prevEnd >= 0 ? s.text.slice(prevEnd, m.index) : "";
      if (!(prevEnd >= 0 && /^\s*(?:,|and|&|,\s*and)\s*$/.test(gap))) pending = [];
      prevEnd = m.index! + m[0].length;
      if (!who) { pending = []; continue; }
      pending.push(who);
      // a person at the start of a sentence is who "he"/"she" means next
      if (who.listed && (m.index === 0 || /,\s*$/.test(s.text.slice(0, m.index)))) lastSubject = who;
      AFTER.lastIndex = prevEnd;
      const after = AFTER.exec(s.text);
      if (after && isSpeech(after[2]!, !!after[1]) && !/^\s*(?:and|or)\b/.test(after[0])) {
        for (const w of pending) hits.push({ ...w, line, endLine: line, text: s.text });
        lastSubject = who;
        pending = [];
      }
    }
  }
  return hits;
}

// A bare lemma after a name ("the Highlight report") is a noun phrase, not a statement,
// unless an auxiliary precedes it ("Anna will report").
const isSpeech = (verb: string, aux: boolean) => VERBS.has(verb) && (aux || !LEMMA_SET.has(verb) || IRREGULAR_SET.has(verb));
const LEMMA_SET = new Set(LEMMAS.split(/\s+/).filter(Boolean));
const IRREGULAR_SET = new Set(IRREGULAR.split(" "));

// The same names recur in every paragraph of a report: remember each lookup per lexicon.
const memo = new WeakMap<readonly Known[], Map<string, string[]>>();
function candidatesCached(mention: string, known: readonly Known[]): string[] {
  let m = memo.get(known);
  if (!m) memo.set(known, (m = new Map()));
  let hit = m.get(mention);
  if (!hit) m.set(mention, (hit = nameCandidates(mention, known)));
  return hit;
}

const lastLine = (p: Paragraph) => p.lines[p.lines.length - 1]!.n;

/**
 * A capitalised run as a person: the longest tail of it that names someone on the list,
 * else (for subjects) a tail that looks like a name the list lacks.
 */
function identifyRun(run: string, known: readonly Known[], lower: ReadonlySet<string>, strict: boolean, spoke: (name: string) => boolean): { name: string; listed: boolean } | null {
  const words = run.replace(/['’]s$/, "").split(/\s+/).filter(Boolean);
  for (let k = Math.max(0, words.length - 4); k < words.length; k++) {
    const tail = words.slice(k).join(" ");
    const names = candidatesCached(tail, known);
    if (names.length === 1) return { name: names[0]!, listed: true };
    if (names.length > 1) {
      // two listed people share the name: the one already speaking here is meant;
      // otherwise keep the text's form (it is on the list, just not one entry)
      const speaking = names.filter(spoke);
      return { name: speaking.length === 1 ? speaking[0]! : tail, listed: true };
    }
  }
  const tail: string[] = [];
  for (let k = words.length - 1; k >= 0 && tail.length < 3; k--) {
    const w = words[k]!;
    if (/^\p{Ll}/u.test(w)) { if (tail.length) { tail.unshift(w); continue; } return null; }
    if (isNonNameWord(w, lower) || /\.$/.test(w)) break;
    tail.unshift(w);
  }
  if (!tail.length || /^\p{Ll}/u.test(tail[0]!)) return null;
  if (strict && tail.length < 2) return null;
  if (tail.length !== words.length && words.length - tail.length > 0 && !strict) {
    // a name glued to a non-name word ("Ethiopian Government") is not a person
    const before = words[words.length - tail.length - 1]!;
    if (!isNonNameWord(before, lower)) return null;
  }
  return { name: tail.join(" "), listed: false };
}

export type { Line };
