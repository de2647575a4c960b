import type { Line } from "./lines.js";

/** The kinds of block labels reports use to introduce their parts. */
export type LabelKind = "agenda" | "discussion" | "participants" | "annex" | "links" | "actions" | "summary";

const LABELS: [LabelKind, RegExp][] = [
  ["agenda", /^(?:(?:provisional|draft|proposed|adopted|approved|meeting)\s+)?agenda(?:\s+items?)?(?:\s+of the meeting)?\s*:?$/i],
  ["discussion", /^(?:discussions?|points discussed|summary of (?:the )?discussions?|discussion summary|(?:summary of )?proceedings|main points(?: discussed)?|key points|deliberations|minutes|notes|meeting notes)\s*:?$/i],
  ["participants", /^(?:annex\s*[\dIVXA-Z]*\s*[:.–—-]?\s*)?(?:(?:the\s+)?list of\s+)?(?:participants|attendees|attendance|present|members present|participants list|attendance list|in attendance|those present|participation)(?:\s+list)?\s*:?$/i],
  ["annex", /^annex(?:e|es)?(?:\s+[\dIVXA-Z]+)?\s*[:.]?\s*$/i],
  ["links", /^(?:links|useful links|references|resources|related documents|documents shared|relevant links)\s*:?$/i],
  ["actions", /^(?:action items|actions|action points|next steps|follow[- ]up(?: actions)?|decisions(?: and actions)?|agreed actions|actions agreed|to do)\s*:?$/i],
  ["summary", /^(?:summary report|summary|report|meeting report|meeting summary|summary record|record of (?:the )?meeting)\s*:?$/i],
];

/** The label a line is, if it is one: a short line that is nothing but the label. */
export function labelOf(line: Line): LabelKind | null {
  if (line.blank || line.text.length > 60 || line.cells) return null;
  const t = line.body && (line.heading || line.bold) ? line.body.replace(/[*_]/g, "").trim() : line.text.replace(/[*_]/g, "").trim();
  if (line.marker && !line.heading) return null;
  for (const [kind, re] of LABELS) if (re.test(t)) return kind;
  return null;
}

/** "Present: A (X), B (Y)": a participant list written on one line. */
export const INLINE_PARTICIPANTS = /^(?:participants|attendees|present|in attendance|attendance)\s*:\s*(\S.{2,})$/i;

/** A line introducing the agenda without a label of its own ("…the following agenda:"). */
export const AGENDA_INTRO = /\b(?:following agenda|the agenda(?: was| as follows)?|agenda items?)\s*(?:as follows)?\s*:$/i;
