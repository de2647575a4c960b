import type { Doc, Node, SectionNode } from "./doc.js";
import type { Statement } from "../model/record.js";
import { sentences } from "./text.js";
import { NAME_RUN, nameCandidates, isNonNameWord, type Known } from "./names.js";

const LEMMAS = `say state share add note ask suggest propose highlight remark recall reply respond answer mention explain observe
  agree disagree emphasize emphasise stress underline present update report inform introduce open close comment raise express
  welcome thank invite recommend argue point clarify confirm announce summarize summarise conclude wonder question request urge
  encourage support volunteer offer discuss describe outline brief remind acknowledge indicate underscore reiterate inquire enquire
  intervene step give think believe feel consider warn caution object insist reflect elaborate echo share refer call
  signal flag invite lead moderate chair host welcome recap sum review provide walk demonstrate demo present moot query`;
const IRREGULAR =
  "said says gave given thought felt spoke spoken led sent wrote told began brought";
const VERBS = new Set<string>(IRREGULAR.split(" "));
for (const v of LEMMAS.split(/\s+/).filter(Boolean)) {
  const stem = v.endsWith("e") ? v.slice(0, -1) : v;
  const ied = /[^aeiou]y$/.test(v) ? v.slice(0, -1) + "ied" : null;
  for (const f of [
    v,
    v + "s",
    v.endsWith("e") ? v + "d" : v + "ed",
    stem + "ing",
    ied,
    /[^aeiou]y$/.test(v) ? v.slice(0, -1) + "ies" : null,
    v + "es",
  ])
    if (f) VERBS.add(f);
}
for (const v of ["stepped", "referred", "stepping", "referring", "summed"]) VERBS.add(v);

const ADVERB = String.raw`(?:also|then|further|briefly|again|finally|additionally|later|first|subsequently|however|in turn|in addition|kindly|once again|in the chat|on behalf of [^,.;]{2,60}?)`;
const AUX = String.raw`(?:has|have|had|is|was|were|would|will|also|then|further|briefly|kindly|again|first|finally)`;
const AFTER = new RegExp(
  String.raw`(?:\s*\([^)]{1,80}\)|,\s+(?:the\s+|a\s+|from\s+|of\s+|representing\s+)[^,.;()]{2,60},)?(?:,?\s+${ADVERB})*,?\s+((?:${AUX}\s+)*)([a-z]+)\b`,
  "uy",
);
const PRONOUN =
  /^(?:He|She|They)\s+(?:(?:also|then|further|finally|again|additionally)\s+)*(?:(?:has|had|was|is)\s+)?([a-z]+)\b/;
/** "The Chair explained", "outlined by the chair": the person who chairs. */
const CHAIR_SUBJECT =
  /(?:^|[.;]\s+)The\s+(?:co-)?[Cc]hair(?:person|man|woman)?\s+(?:(?:also|then|further)\s+)?(?:was\s+concerned|[a-z]+ed|said|gave)\b|\b(?:outlined|presented|introduced|explained|raised|opened|welcomed|noted)\s+by\s+the\s+(?:co-)?chair(?:person|man|woman)?\b/;
/** Dialogue: "Name: text", "AB: text", "(JCM):", "**Name:** text", "<nick> text". */
const DIALOGUE =
  /^(?:[-*•]\s*)?(?:\*\*)?(?:\(([^()]{1,40})\)|<([\w.-]{2,20})>|([^:()<>]{1,48}?))(?:\*\*)?\s*:\s*(?:\*\*)?(?=\S|$)/;
const IRC = /^<([\w.-]{2,20})>\s+\S/;

/** Speakers of each section and their statements, resolved to the participant list. */
export function speakers(doc: Doc): Doc {
  const known = doc.people ?? [];
  const chair = (doc.moderators ?? []).length === 1 ? doc.moderators![0]!.name : null;
  const statements: Statement[] = [];
  const unlisted: { name: string; line: number }[] = [];
  const secs: SectionNode[] = (doc.sections ?? []).map((s, index) => {
    const names: string[] = [];
    const nodes = doc.nodes.slice(s.body.from, s.body.to);
    let dialogueOwner: { item: number; name: string } | null = null;
    for (const n of nodes) {
      if (n.kind === "front" || n.kind === "rule") continue;
      if (dialogueOwner && n.parent !== null && isUnder(doc, n.i, dialogueOwner.item)) continue;
      for (const hit of speakersIn(n, known, doc.lowercaseWords, names, chair)) {
        if (!names.includes(hit.name)) names.push(hit.name);
        if (!hit.listed && !unlisted.some((u) => u.name === hit.name))
          unlisted.push({ name: hit.name, line: hit.line });
        statements.push({
          section: index,
          speaker: hit.name,
          text: hit.text,
          line: hit.line,
          endLine: hit.endLine,
        });
        if (hit.dialogue && n.kind === "item") dialogueOwner = { item: n.i, name: hit.name };
      }
    }
    return { ...s, speakers: names };
  });
  return { ...doc, sections: secs, statements, unlisted };
}

function isUnder(doc: Doc, i: number, item: number): boolean {
  for (let p = doc.nodes[i]!.parent; p !== null; p = doc.nodes[p]!.parent)
    if (p === item) return true;
  return false;
}

interface Hit {
  name: string;
  listed: boolean;
  line: number;
  endLine: number;
  text: string;
  dialogue?: boolean;
}

/** Who speaks in one node: dialogue labels, named subjects of speech verbs, he/she after them, the chair. */
export function speakersIn(
  n: Pick<Node, "text" | "span" | "kind">,
  known: readonly Known[],
  lower: ReadonlySet<string>,
  already: readonly string[] = [],
  chair: string | null = null,
): Hit[] {
  const hits: Hit[] = [];
  const spoke = (name: string) => already.includes(name) || hits.some((h) => h.name === name);
  const identify = (run: string, strict: boolean) => identifyRun(run, known, lower, strict, spoke);
  const lines = n.text.split("\n");
  const lineNo = (k: number) =>
    n.span.line + Math.max(0, Math.min(k, n.span.endLine - n.span.line));
  let lastSubject: { name: string; listed: boolean } | null = null;
  lines.forEach((ln, k) => {
    const irc = IRC.exec(ln);
    const d = irc ? null : DIALOGUE.exec(ln);
    const who = irc
      ? identifyHandle(irc[1]!, known)
      : d
        ? identifyLabel(d[1] ?? d[2] ?? d[3]!, known, lower, spoke)
        : null;
    if (who) {
      hits.push({
        name: who.name,
        listed: who.listed,
        line: lineNo(k),
        endLine: lineNo(k),
        text: ln,
        dialogue: true,
      });
      lastSubject = who;
    }
  });
  const text = n.text.replace(/\n/g, " ");
  let offset = 0;
  const all = sentences(text);
  all.forEach((s, k) => {
    const line = lineNo(lineIndex(n.text, s.start));
    offset = s.start;
    if (chair && CHAIR_SUBJECT.test(s.text))
      hits.push({
        name: chair,
        listed: known.some((k) => k.name === chair),
        line,
        endLine: line,
        text: s.text,
      });
    const pron = PRONOUN.exec(s.text);
    if (pron && lastSubject && VERBS.has(pron[1]!)) {
      hits.push({
        name: lastSubject.name,
        listed: lastSubject.listed,
        line,
        endLine: line,
        text: s.text,
      });
      return;
    }
    // names matter in a sentence with a verb of speech, or before a "She said …"
    if (!hasSpeechWord(s.text) && !(all[k + 1] && /^(?:He|She|They)\b/.test(all[k + 1]!.text)))
      return;
    let pending: { name: string; listed: boolean }[] = [];
    let prevEnd = -1;
    for (const m of s.text.matchAll(NAME_RUN)) {
      let run = m[0];
      // "Mr. Gates", "Dr Jo Roe": the title is part of how the text names the person
      const titled = /(?:Mr|Mrs|Ms|Dr|Prof)\.?\s*$/.exec(
        s.text.slice(Math.max(0, m.index - 6), m.index),
      );
      if (/^(?:Mr|Mrs|Ms|Dr|Prof)$/.test(run)) continue;
      if (titled) run = run.trim();
      const who = identify(run, false);
      const gap =
        prevEnd >= 0
          ? s.text.slice(prevEnd, m.index).replace(/\b(?:Mr|Mrs|Ms|Dr|Prof)\.?\s*/g, "")
          : "";
      if (!(prevEnd >= 0 && /^\s*(?:,|and|&|,\s*and)\s*$/.test(gap))) pending = [];
      prevEnd = m.index + m[0].length;
      if (!who) {
        pending = [];
        continue;
      }
      pending.push(who);
      if (
        who.listed &&
        (m.index === 0 ||
          /(?:,\s*|(?:Mr|Mrs|Ms|Dr|Prof)\.?\s*)$/.test(
            s.text.slice(Math.max(0, m.index - 12), m.index),
          ))
      )
        lastSubject = who;
      AFTER.lastIndex = prevEnd;
      const after = AFTER.exec(s.text);
      // "were discussed" is passive; "is suggesting" speaks
      const passive =
        /\b(?:is|was|were|are)\s+$/.test(after?.[1] ?? "") && !/ing$/.test(after?.[2] ?? "");
      if (
        after &&
        !passive &&
        isSpeech(after[2]!, !!after[1]) &&
        !/^\s*(?:and|or)\b/.test(after[0])
      ) {
        for (const w of pending)
          hits.push({ name: w.name, listed: w.listed, line, endLine: line, text: s.text });
        lastSubject = who;
        pending = [];
      }
    }
  });
  void offset;
  return hits;
}

// The line (0-based within the node) holding character `pos` of the node's text joined by spaces.
function lineIndex(text: string, pos: number): number {
  let at = 0;
  const lines = text.split("\n");
  for (let k = 0; k < lines.length; k++) {
    at += lines[k]!.length + 1;
    if (pos < at) return k;
  }
  return lines.length - 1;
}

// any word of the sentence a verb of speech (the cheap test before the name scan)
const SPEECH_WORD = new RegExp(
  String.raw`(?<![a-z])(?:${[...VERBS].sort((a, b) => b.length - a.length).join("|")})(?![a-z])`,
);
const hasSpeechWord = (text: string) => SPEECH_WORD.test(text);

const isSpeech = (verb: string, aux: boolean) =>
  VERBS.has(verb) && (aux || !LEMMA_SET.has(verb) || IRREGULAR_SET.has(verb));
const LEMMA_SET = new Set(LEMMAS.split(/\s+/).filter(Boolean));
const IRREGULAR_SET = new Set(IRREGULAR.split(" "));

// A dialogue label: a listed person, their initials or handle, or a name-like label.
function identifyLabel(
  label: string,
  known: readonly Known[],
  lower: ReadonlySet<string>,
  spoke: (n: string) => boolean,
): { name: string; listed: boolean } | null {
  const t = label.replace(/[*_]/g, "").trim();
  if (!t || /\d/.test(t) || t.split(/\s+/).length > 5) return null;
  const names = nameCandidates(t, known);
  if (names.length === 1) return { name: names[0]!, listed: true };
  if (
    /^\p{Lu}{2,5}$/u.test(t) &&
    !/^(?:NOTE|NB|FYI|TODO|AOB|AI|AIS|TBD|TBC|RE|FW|ETA|PS|URL|FAQ|TOC|PR|PRS|WG|TSC|TAC|Q|QA|ACK|EDIT|ASK|DONE|WIP|UPDATE|IDEA)$/.test(
      t,
    )
  )
    return { name: t, listed: false };
  const run = identifyRun(t, known, lower, true, spoke);
  return run && run.name === t ? run : null;
}

function identifyHandle(
  handle: string,
  known: readonly Known[],
): { name: string; listed: boolean } | null {
  const names = nameCandidates(handle, known);
  return names.length === 1 ? { name: names[0]!, listed: true } : null;
}

const memo = new WeakMap<readonly Known[], Map<string, string[]>>();
function candidatesCached(mention: string, known: readonly Known[]): string[] {
  let m = memo.get(known);
  if (!m) memo.set(known, (m = new Map<string, string[]>()));
  let hit = m.get(mention);
  if (!hit) m.set(mention, (hit = nameCandidates(mention, known)));
  return hit;
}

/**
 * A capitalised run as a person: the longest tail of it that names someone on the list,
 * else (for subjects) a tail that looks like a name the list lacks.
 */
function identifyRun(
  run: string,
  known: readonly Known[],
  lower: ReadonlySet<string>,
  strict: boolean,
  spoke: (name: string) => boolean,
): { name: string; listed: boolean } | null {
  const words = run
    .replace(/['’]s$/, "")
    .split(/\s+/)
    .filter(Boolean);
  for (let k = Math.max(0, words.length - 4); k < words.length; k++) {
    const tail = words.slice(k).join(" ");
    if (
      /^\p{Lu}{2,5}$/u.test(tail) &&
      known.length &&
      !known.some((p) => p.initials.includes(tail.toLowerCase()))
    )
      continue;
    const names = candidatesCached(tail, known);
    if (names.length === 1) return { name: names[0]!, listed: true };
    if (names.length > 1) {
      const speaking = names.filter(spoke);
      return { name: speaking.length === 1 ? speaking[0]! : tail, listed: true };
    }
  }
  const tail: string[] = [];
  for (let k = words.length - 1; k >= 0 && tail.length < 3; k--) {
    const w = words[k]!;
    if (/^\p{Ll}/u.test(w)) {
      if (tail.length) {
        tail.unshift(w);
        continue;
      }
      return null;
    }
    if (isNonNameWord(w, lower) || /\.$/.test(w)) break;
    tail.unshift(w);
  }
  if (!tail.length || /^\p{Ll}/u.test(tail[0]!)) return null;
  if (strict && tail.length < 2) return null;
  // a plural ("Ministers", "Members") is a group, not a person
  if (
    tail.length === 1 &&
    /[^s]s$/.test(tail[0]!) &&
    (/(?:ers|ors|ians|ists|ents|ants|ees|ies|ions|ives)$/.test(tail[0]!) ||
      lower.has(tail[0]!.toLowerCase().slice(0, -1)) ||
      lower.has(tail[0]!.toLowerCase()))
  )
    return null;
  if (tail.length !== words.length && !strict) {
    const before = words[words.length - tail.length - 1]!;
    if (!isNonNameWord(before, lower)) return null;
    // "National Action Plan": a capitalised word before a lone tail makes it a title, not a name
    if (
      tail.length === 1 &&
      /^\p{Lu}/u.test(before) &&
      !/^(?:Mr|Mrs|Ms|Dr|Prof|Chair|Co-Chair|Minister|Ambassador)\.?$/i.test(before)
    )
      return null;
  }
  return { name: tail.join(" "), listed: false };
}
