import type { Doc, SectionNode } from "./doc.js";
import type { Line, Marker } from "./lines.js";
import { labelOf } from "./labels.js";
import { sentences, titleSimilarity, initials, norm } from "./text.js";
import type { AgendaNode } from "./doc.js";

interface Candidate { i: number; line: Line; kind: "heading" | "numbered" | "plain"; level: number; marker: Marker | null; text: string }

/**
 * The discussion's sections: one per numbered, lettered or Markdown heading (or a bare
 * line that repeats an agenda title), in order, each mapped to the agenda item it
 * discusses by content rather than by number.
 */
export function sections(doc: Doc): Doc {
  const range = doc.outline!.discussion;
  if (!range) return { ...doc, sections: [] };
  const agenda = doc.agenda ?? [];
  const cands: Candidate[] = [];
  for (let i = range.from; i < range.to; i++) {
    const l = doc.lines[i]!;
    if (l.blank || l.cells) continue;
    if (labelOf(l) && !l.marker) continue;
    if (l.heading || (l.bold && l.text.length <= 120)) {
      cands.push({ i, line: l, kind: "heading", level: l.heading || 7, marker: l.marker, text: l.body || l.text });
    } else if (l.marker && !l.bullet) {
      cands.push({ i, line: l, kind: "numbered", level: 0, marker: l.marker, text: l.body });
    } else if (!l.bullet && !l.marker && l.text.length <= 120 && !/[.;,]$/.test(l.text) && !EXPLICIT.test(l.text) && isolated(doc, i) && agenda.some((a) => matchesTitle(l.text, a))) {
      cands.push({ i, line: l, kind: "plain", level: 0, marker: null, text: l.text });
    }
  }
  const hasHeadings = cands.some((c) => c.kind === "heading");
  const accepted = hasHeadings ? byHeadings(cands) : byNumbers(cands);
  const out: SectionNode[] = accepted.map((c, k) => {
    const next = accepted[k + 1]?.i ?? range.to;
    const first = sentences(c.text)[0]?.text ?? c.text;
    const title = c.text.length > 120 || c.text.slice(first.length).trim() ? first : c.text;
    return {
      title: title.replace(/^[*_\s]+|[*_\s]+$/g, ""),
      line: c.line.n,
      endLine: doc.lines[Math.max(c.i, next - 1)]!.n,
      marker: c.marker ? { kind: c.marker.kind, value: c.marker.value } : null,
      level: c.sub ? 1 : 0,
      body: { from: c.i + 1, to: next },
      rest: title === c.text ? "" : c.text,
      agendaIndex: null,
      speakers: [],
    };
  });
  mapToAgenda(out, agenda);
  // "Agenda item 3: …" / "Not on the agenda." right under a heading says it outright
  for (const s of out) {
    const first = doc.lines.slice(s.body.from, s.body.to).find((l) => !l.blank);
    const m = first && EXPLICIT.exec(first.text);
    if (!m) continue;
    if (m[1] === undefined) s.agendaIndex = null;
    else if (Number(m[1]) >= 1 && Number(m[1]) <= agenda.length) s.agendaIndex = Number(m[1]) - 1;
  }
  return { ...doc, sections: out };
}

const EXPLICIT = /^(?:agenda item (\d{1,2})\b|not on the agenda\.?$)/i;

type Accepted = Candidate & { sub: boolean };

// Numbered lines are headings when they continue the sequence (1, 2, 3; a, b under a
// number); a list that restarts at 1 inside a section is content, not a heading.
function byNumbers(cands: Candidate[]): Accepted[] {
  const out: Accepted[] = [];
  let topKind: string | null = null as string | null, last = 0, lastSub = 0, rejected = 0;
  for (const c of cands) {
    if (c.kind === "plain") { out.push({ ...c, sub: false }); rejected = 0; lastSub = 0; continue; }
    const m = c.marker!;
    const kind: string = m.kind === "alpha" && m.upper && topKind === "roman" && m.romanValue ? "roman" : m.kind;
    if (topKind === null && (kind === "num" || kind === "roman" || (kind === "alpha" && m.upper))) {
      // "I." opens a roman sequence, not a lettered one
      const roman = kind === "alpha" && m.romanValue === 1;
      topKind = roman ? "roman" : kind; last = roman ? 1 : m.value;
      out.push({ ...c, marker: roman ? { ...m, kind: "roman", value: 1 } : m, sub: false });
      continue;
    }
    const topValue = kind === "alpha" && topKind === "roman" && m.romanValue ? m.romanValue : m.value;
    if (kind === topKind || (topKind === "roman" && m.romanValue && m.upper)) {
      if (topValue > last && topValue <= last + 3) {
        last = topValue; lastSub = 0; rejected = 0;
        out.push({ ...c, marker: { ...m, kind: topKind as Marker["kind"], value: topValue }, sub: false });
        continue;
      }
      if (topValue === last && rejected === 0 && out.length) { lastSub = 0; out.push({ ...c, sub: false }); continue; }
      rejected++;
      continue;
    }
    if (out.length && kind === "alpha" && !m.upper && m.value === lastSub + 1 && c.text.length <= 200) {
      lastSub = m.value; out.push({ ...c, sub: true }); continue;
    }
    rejected++;
  }
  return out;
}

// With Markdown or bold headings, those are the sections: the shallowest level is the
// top, deeper ones (or lettered ones) are sub-sections.
function byHeadings(cands: Candidate[]): Accepted[] {
  const heads = cands.filter((c) => c.kind !== "numbered");
  const top = Math.min(...heads.filter((c) => c.kind === "heading" && !(c.marker?.kind === "alpha" && !c.marker.upper)).map((c) => c.level), 99);
  return heads.map((c) => ({ ...c, sub: c.kind === "heading" && (c.level > top || (c.marker?.kind === "alpha" && !c.marker.upper)) }));
}

function isolated(doc: Doc, i: number): boolean {
  const before = doc.lines[i - 1], after = doc.lines[i + 1];
  return (!before || before.blank) && (!after || after.blank || after.text.length > 0);
}

function matchesTitle(text: string, a: AgendaNode): boolean {
  return [a, ...a.items].some((x) => norm(x.title) === norm(text) || titleSimilarity(x.title, text) >= 0.75);
}

/** Similarity of a section title to an agenda item (its sub-items count for it). */
export function agendaScore(title: string, item: AgendaNode): number {
  const t = norm(title);
  let best = 0;
  for (const x of [item, ...item.items]) {
    const a = norm(x.title);
    if (a === t) return 1;
    if (/^[a-z]{2,5}$/.test(t.replace(/\s/g, "")) && initials(x.title) === t.replace(/\s/g, "")) best = Math.max(best, 0.95);
    if (/^[a-z]{2,5}$/.test(a.replace(/\s/g, "")) && initials(title) === a.replace(/\s/g, "")) best = Math.max(best, 0.95);
    best = Math.max(best, titleSimilarity(x.title, title) * (x === item ? 1 : 0.98));
  }
  return best;
}

function mapToAgenda(out: SectionNode[], agenda: AgendaNode[]): void {
  if (!agenda.length) return;
  let parent: number | null = null;
  for (const s of out) {
    if (s.level === 1 && parent !== null) { s.agendaIndex = parent; continue; }
    let best = -1, score = 0;
    agenda.forEach((a, k) => {
      const v = agendaScore(s.title, a);
      if (v > score + 1e-9) { score = v; best = k; }
    });
    if (score >= 0.5) s.agendaIndex = best;
    else if (s.marker && s.marker.kind !== "alpha" && s.marker.value >= 1 && s.marker.value <= agenda.length) s.agendaIndex = s.marker.value - 1;
    else s.agendaIndex = null;
    if (s.level === 0) parent = s.agendaIndex;
  }
}
