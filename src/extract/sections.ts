import type { AgendaNode, Doc, Node, SectionNode } from "./doc.js";
import { labelOfNode } from "./labels.js";
import { isHeadingLike, sectionNumber } from "./outline.js";
import { sentences, titleSimilarity, initials, norm } from "./text.js";
import { romanToInt } from "./numbers.js";
import { findDates } from "./when.js";

type Marker = {
  kind: "num" | "roman" | "alpha";
  value: number;
  upper: boolean;
  romanValue: number | null;
};
interface Candidate {
  i: number;
  node: Node;
  kind: "heading" | "numbered" | "plain";
  level: number;
  marker: Marker | null;
  text: string;
  style: string;
}

/**
 * The discussion's sections: its headings (marked up, or short bold lines), or numbered
 * paragraphs that continue a sequence, or a bare line that repeats an agenda title;
 * each mapped to the agenda item it discusses by content rather than by number.
 */
export function sections(doc: Doc): Doc {
  const range = doc.outline!.discussion;
  if (!range) return { ...doc, sections: [] };
  const agenda = doc.agenda ?? [];
  const cands: Candidate[] = [];
  for (let i = range.from; i < range.to; i++) {
    const n = doc.nodes[i]!;
    const label = labelOfNode(n);
    // a label's own part is no section; a bare "Next meeting" heading among the sections is one
    // ("Details" under a section, once sections have begun, is a sub-section, not the container)
    if (
      label &&
      !(label.kind === "next" && !label.inline && !/:\s*$/.test(n.text)) &&
      !(label.kind === "summary" && n.kind === "heading" && n.level >= 7) &&
      !(label.kind === "discussion" && cands.length > 0 && !label.inline)
    )
      continue;
    // a line that is only a date ("Monday 14th November – 11-1pm") heads nothing
    if (isHeadingLike(n) && isDateLine(n.text)) continue;
    const num = sectionNumber(n.text.split("\n")[0]!);
    const marker = num ? toMarker(n.text) : null;
    const style = n.kind === "heading" ? `h${n.level}` : (n.emphasis ?? "");
    if (n.kind === "heading" && n.level === 7) {
      if (num)
        cands.push({ i, node: n, kind: "numbered", level: 0, marker, text: num.rest, style });
      else if (!/[.;,]$/.test(n.text) && agenda.some((a) => matchesTitle(n.text, a)))
        cands.push({ i, node: n, kind: "plain", level: 0, marker: null, text: n.text, style });
      continue;
    }
    if (isHeadingLike(n) && n.depth === 0 && !/^(?:action|actions|decision)\b/i.test(n.text)) {
      cands.push({
        i,
        node: n,
        kind: "heading",
        level: n.kind === "heading" ? n.level : 7,
        marker,
        text: num ? num.rest : n.text,
        style,
      });
    } else if (
      num &&
      n.depth === 0 &&
      (n.kind === "para" ||
        (n.kind === "item" && /^(?:\d{1,2}|[ivxIVX]{1,4}|[a-zA-Z])[.)]$/.test(n.marker ?? ""))) &&
      doc.format !== "md"
    ) {
      cands.push({ i, node: n, kind: "numbered", level: 0, marker, text: num.rest, style });
    } else if (
      n.kind === "item" &&
      n.depth === 0 &&
      /^\d{1,2}[.)]$/.test(n.marker ?? "") &&
      n.typed
    ) {
      cands.push({
        i,
        node: n,
        kind: "numbered",
        level: 0,
        marker: {
          kind: "num",
          value: Number(/\d+/.exec(n.marker!)![0]),
          upper: false,
          romanValue: null,
        },
        text: n.text,
        style,
      });
    }
  }
  const hasHeadings = cands.some((c) => c.kind === "heading");
  const accepted = hasHeadings ? byHeadings(cands) : byNumbers(cands);
  const out: SectionNode[] = accepted.map((c, k) => {
    const after = accepted[k + 1]?.i ?? range.to;
    // a heading as high as the section's own ("## Next steps" after "### Item") ends it
    const level = c.node.kind === "heading" ? c.node.level : 0;
    let next = after;
    if (level >= 1 && level <= 6)
      for (let i = c.i + 1; i < after; i++) {
        const n = doc.nodes[i]!;
        if (n.kind === "heading" && n.level <= level) {
          next = i;
          break;
        }
      }
    const text = c.text.replace(/\n/g, " ").trim();
    const first = sentences(text)[0]?.text ?? text;
    const long =
      c.kind !== "heading" && (text.length > 120 || text.slice(first.length).trim() !== "");
    let title = (long ? first : text).replace(/^[*_\s]+|[*_\s]+$/g, "");
    // "Topic: Tech Preview", "Item 3: Budget": the label goes
    title =
      title.replace(/^(?:topic|item|agenda item|point)\s*\d*\s*[:.–—-]\s*/i, "").trim() || title;
    const lastNode = doc.nodes[Math.max(c.i, next - 1)]!;
    return {
      title,
      line: c.node.span.line,
      endLine: Math.max(c.node.span.endLine, lastNode.span.endLine),
      marker: c.marker ? { kind: c.marker.kind, value: c.marker.value } : null,
      level: c.sub ? 1 : 0,
      body: { from: c.i + (long ? 0 : 1), to: next },
      agendaIndex: null,
      speakers: [],
    };
  });
  mapToAgenda(out, agenda);
  // "Agenda item 3: …" / "Not on the agenda." right under a heading says it outright
  for (const s of out) {
    const first = doc.nodes.slice(s.body.from, s.body.to).find((n) => n.text.trim());
    const m = first && EXPLICIT.exec(first.text);
    if (!m) continue;
    if (m[1] === undefined) s.agendaIndex = null;
    else if (Number(m[1]) >= 1 && Number(m[1]) <= agenda.length) s.agendaIndex = Number(m[1]) - 1;
  }
  return { ...doc, sections: out };
}

function isDateLine(text: string): boolean {
  const f = findDates(text, null)[0];
  return (
    !!f &&
    text.replace(/[\s,–—-]+/g, "").length -
      text.slice(f.index, f.end).replace(/[\s,–—-]+/g, "").length <=
      14
  );
}

const EXPLICIT = /^(?:agenda item (\d{1,2})\b|not on the agenda\.?$)/i;

function toMarker(text: string): Marker | null {
  const m =
    /^(?:(?:item|agenda item|point)\s+)?(\d{1,2}|[IVXivx]{1,5}|[A-Za-z])[.):]/.exec(text.trim()) ??
    /^(?:item|agenda item|point)\s+(\d{1,2})\b/i.exec(text.trim());
  if (!m) return null;
  const token = m[1]!;
  if (/^\d+$/.test(token))
    return { kind: "num", value: Number(token), upper: false, romanValue: null };
  const upper = token === token.toUpperCase();
  if (token.length === 1)
    return {
      kind: "alpha",
      value: token.toLowerCase().charCodeAt(0) - 96,
      upper,
      romanValue: romanToInt(token),
    };
  const r = romanToInt(token);
  return r === null ? null : { kind: "roman", value: r, upper, romanValue: r };
}

type Accepted = Candidate & { sub: boolean };

// Numbered lines are sections when they continue the sequence (1, 2, 3; a, b under a
// number); a list that restarts at 1 inside a section is content, not a heading.
function byNumbers(cands: Candidate[]): Accepted[] {
  const out: Accepted[] = [];
  let topKind: string | null = null as string | null,
    last = 0,
    lastSub = 0,
    rejected = 0;
  for (const c of cands) {
    if (c.kind === "plain") {
      out.push({ ...c, sub: false });
      rejected = 0;
      lastSub = 0;
      continue;
    }
    const m = c.marker;
    if (!m) continue;
    const kind: string =
      m.kind === "alpha" && m.upper && topKind === "roman" && m.romanValue ? "roman" : m.kind;
    if (topKind === null && (kind === "num" || kind === "roman" || (kind === "alpha" && m.upper))) {
      const roman = kind === "alpha" && m.romanValue === 1;
      topKind = roman ? "roman" : kind;
      last = roman ? 1 : m.value;
      out.push({ ...c, marker: roman ? { ...m, kind: "roman", value: 1 } : m, sub: false });
      continue;
    }
    const topValue =
      kind === "alpha" && topKind === "roman" && m.romanValue ? m.romanValue : m.value;
    if (kind === topKind || (topKind === "roman" && m.romanValue && m.upper)) {
      if (topValue > last && topValue <= last + 3) {
        last = topValue;
        lastSub = 0;
        rejected = 0;
        out.push({
          ...c,
          marker: { ...m, kind: topKind as Marker["kind"], value: topValue },
          sub: false,
        });
        continue;
      }
      if (topValue === last && rejected === 0 && out.length) {
        lastSub = 0;
        out.push({ ...c, sub: false });
        continue;
      }
      rejected++;
      continue;
    }
    if (
      out.length &&
      kind === "alpha" &&
      !m.upper &&
      m.value === lastSub + 1 &&
      c.text.length <= 200
    ) {
      lastSub = m.value;
      out.push({ ...c, sub: true });
      continue;
    }
    rejected++;
  }
  return out;
}

// With headings, those are the sections: the shallowest level is the top, deeper ones
// (or lettered ones) are sub-sections. When the top headings are numbered, an unnumbered
// heading set differently (a bold-italic sub-head under them) is not a section.
function byHeadings(cands: Candidate[]): Accepted[] {
  const heads = cands.filter((c) => c.kind !== "numbered");
  const numbered = heads.filter((c) => c.marker && c.marker.kind !== "alpha");
  const numberedStyles = new Set(numbered.map((c) => c.style));
  const kept =
    numbered.length >= 2 ? heads.filter((c) => c.marker || numberedStyles.has(c.style)) : heads;
  const top = Math.min(
    ...kept
      .filter((c) => c.kind === "heading" && !(c.marker?.kind === "alpha" && !c.marker.upper))
      .map((c) => c.level),
    99,
  );
  return kept.map((c) => ({
    ...c,
    sub: c.kind === "heading" && (c.level > top || (c.marker?.kind === "alpha" && !c.marker.upper)),
  }));
}

function matchesTitle(text: string, a: AgendaNode): boolean {
  return [a, ...a.items].some(
    (x) => norm(x.title) === norm(text) || titleSimilarity(x.title, text) >= 0.75,
  );
}

/** Similarity of a section title to an agenda item (its sub-items count for it). */
export function agendaScore(title: string, item: AgendaNode): number {
  const t = norm(title);
  let best = 0;
  for (const x of [item, ...item.items]) {
    const a = norm(x.title);
    if (a === t) return 1;
    if (/^[a-z]{2,5}$/.test(t.replace(/\s/g, "")) && initials(x.title) === t.replace(/\s/g, ""))
      best = Math.max(best, 0.95);
    if (/^[a-z]{2,5}$/.test(a.replace(/\s/g, "")) && initials(title) === a.replace(/\s/g, ""))
      best = Math.max(best, 0.95);
    best = Math.max(best, titleSimilarity(x.title, title) * (x === item ? 1 : 0.98));
  }
  return best;
}

function mapToAgenda(out: SectionNode[], agenda: AgendaNode[]): void {
  if (!agenda.length) return;
  let parent: number | null = null;
  for (const s of out) {
    if (s.level === 1 && parent !== null) {
      s.agendaIndex = parent;
      continue;
    }
    let best = -1,
      score = 0;
    agenda.forEach((a, k) => {
      const v = agendaScore(s.title, a);
      if (v > score + 1e-9) {
        score = v;
        best = k;
      }
    });
    if (score >= 0.5) s.agendaIndex = best;
    else if (
      s.marker &&
      s.marker.kind !== "alpha" &&
      s.marker.value >= 1 &&
      s.marker.value <= agenda.length
    )
      s.agendaIndex = s.marker.value - 1;
    else s.agendaIndex = null;
    if (s.level === 0) parent = s.agendaIndex;
  }
}
