import type { Doc, Outline, Range } from "./doc.js";
import type { Line } from "./lines.js";
import { labelOf, INLINE_PARTICIPANTS, AGENDA_INTRO, type LabelKind } from "./labels.js";

/**
 * Finds the report's parts: the header and intro, the agenda, the discussion and the
 * participant list, wherever the report puts them.
 */
export function outline(doc: Doc): Doc {
  const { lines } = doc;
  const labels: { i: number; kind: LabelKind }[] = [];
  let inline: number | null = null;
  lines.forEach((l, i) => {
    const kind = labelOf(l);
    if (kind) labels.push({ i, kind });
    else if (inline === null && INLINE_PARTICIPANTS.test(l.text) && !l.marker) inline = i;
  });
  const first = (kind: LabelKind, after = -1) => labels.find((x) => x.kind === kind && x.i > after)?.i ?? null;
  const nextLabel = (i: number, kinds: LabelKind[]) => labels.find((x) => x.i > i && kinds.includes(x.kind))?.i ?? lines.length;

  let agendaAt = first("agenda");
  if (agendaAt === null) {
    const intro = lines.findIndex((l) => !l.marker && AGENDA_INTRO.test(l.text));
    if (intro >= 0) agendaAt = intro;
  }
  // "Annex 1:" directly followed by "List of participants": the list starts after the latter.
  let participantsAt = first("participants");
  if (participantsAt === null) {
    const annex = first("annex");
    if (annex !== null && looksLikeList(lines, annex + 1)) participantsAt = annex;
  }
  const agenda = agendaAt === null ? null : agendaRange(lines, agendaAt, labels.map((x) => x.i));
  const participants: Range | null =
    participantsAt === null ? null : { from: participantsAt + 1, to: nextLabel(participantsAt, ["agenda", "discussion", "links", "actions", "annex", "summary"]) };
  const discussionLabel = first("discussion", agenda ? agenda.to - 1 : -1);
  const discFrom = discussionLabel !== null ? discussionLabel + 1 : agenda ? agenda.to : introEnd(lines, labels.map((x) => x.i), participants);
  const enders = labels.filter((x) => x.i >= discFrom && ["participants", "annex", "links"].includes(x.kind)).map((x) => x.i);
  if (inline !== null && inline >= discFrom) enders.push(inline);
  const discTo = enders.length ? Math.min(...enders) : lines.length;
  // the header and intro run up to the agenda or discussion (a list of participants at
  // the top sits inside them and is skipped by the header pass)
  const headerTo = Math.min(agendaAt ?? lines.length, discussionLabel ?? lines.length, discFrom);
  const out: Outline = {
    header: { from: 0, to: headerTo },
    agenda,
    discussion: discTo > discFrom ? { from: discFrom, to: discTo } : null,
    participants,
    participantsInline: participants ? null : inline,
  };
  return { ...doc, outline: out };
}

function looksLikeList(lines: Line[], from: number): boolean {
  const items = lines.slice(from, from + 12).filter((l) => !l.blank);
  return items.length >= 2 && items.filter((l) => l.text.length < 120).length >= items.length * 0.8;
}

// Without an agenda, the discussion begins after the header and the intro paragraphs:
// at the first heading or numbered line after the first long paragraph.
function introEnd(lines: Line[], labelAt: number[], list: Range | null): number {
  const inList = (i: number) => !!list && i >= list.from - 1 && i < list.to;
  const firstLong = lines.findIndex((l, i) => l.text.length > 80 && !l.marker && !l.heading && !inList(i) && !INLINE_PARTICIPANTS.test(l.text));
  const start = firstLong < 0 ? 0 : firstLong;
  for (let i = start; i < lines.length; i++) {
    const l = lines[i]!;
    if (inList(i)) continue;
    if ((l.marker && !l.bullet) || (l.heading && !labelAt.includes(i))) return i;
  }
  // no heading at all: whatever follows the first paragraph is the discussion
  const para = lines.findIndex((l, i) => i > start && l.blank);
  return firstLong < 0 || para < 0 ? lines.length : para;
}

// The agenda runs from its label over list-like lines; it ends at a paragraph, a label,
// a heading, or a top-level number that starts again (the discussion's "1.").
function agendaRange(lines: Line[], at: number, labelAt: number[]): Range {
  let last = at, top: number | null = null, topIndent = 0, seen = 0, blanks = 0, marked = false;
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.blank) { blanks++; if (blanks >= 3 && seen) break; continue; }
    if (labelAt.includes(i) || l.heading) break;
    const topLevel = l.marker && l.marker.kind !== "alpha" && (seen === 0 || l.indent <= topIndent);
    if (l.marker || l.bullet || l.cells) {
      if (topLevel && !l.bullet && top !== null && l.marker!.value <= top && blanks > 0) break;
      if (topLevel && top !== null && l.marker!.value <= top && l.bullet === false && blanks === 0 && l.marker!.value === 1) break;
      if (seen === 0) topIndent = l.indent;
      if (topLevel) top = l.marker!.value;
      if (l.text.length > 250) break;
    } else {
      // unmarked items: short lines, no sentence punctuation inside; not after marked items
      if (marked || l.text.length > 110 || /[.!?]\s+\p{Lu}/u.test(l.text) || (seen && blanks > 1)) break;
    }
    if (l.marker || l.bullet || l.cells) marked = true;
    seen++; blanks = 0; last = i;
  }
  return { from: at + 1, to: last + 1 };
}
