import type { AgendaItem, MeetingRecord } from "../model/record.js";

/**
 * A record in the house summary-report format, as Markdown: header (group, number, date
 * and time UTC), intro with the moderators, agenda, the discussion item by item, next
 * steps as a table, the next meeting, Annex 1 with the participants, and links. Every value
 * is written so that `extract` reads the same record back.
 */
export function renderReportMd(r: MeetingRecord): string {
  const out: string[] = [];
  const esc = mdText;
  out.push(`# ${esc(r.group ?? "Meeting report")}${r.groupAcronym ? ` (${esc(r.groupAcronym)})` : ""}`, "");
  if (r.number !== null) out.push(`**Online Meeting ${r.number}**`, "");
  if (r.start) out.push(`**${when(r.start)}**`, "");
  out.push("Summary Report", "");
  const intro = [`The ${r.number !== null ? `${ordinal(r.number)} ` : ""}meeting${r.group ? ` of the ${esc(r.group)}` : ""} was held${r.start ? ` on ${when(r.start, " at ")}` : ""}.`];
  if (r.moderators.length) intro.push(`The meeting was moderated by ${listOf(r.moderators.map(esc))}.`);
  out.push(intro.join(" "), "");
  if (r.agenda.length) {
    out.push("## Agenda", "");
    r.agenda.forEach((a, i) => {
      out.push(`${i + 1}. ${esc(a.title)}`);
      a.items.forEach((s, k) => out.push(`   - ${String.fromCharCode(97 + (k % 26))}. ${esc(s.title)}`));
    });
    out.push("");
  }
  if (r.sections.length) {
    out.push("## Discussion", "");
    for (const s of r.sections) {
      out.push(`### ${esc(s.title)}`, "");
      out.push(s.agendaIndex === null ? "_Not on the agenda._" : `_Agenda item ${s.agendaIndex + 1}: ${esc(r.agenda[s.agendaIndex]?.title ?? "")}._`, "");
      if (s.speakers.length) out.push(s.speakers.map((p) => `${esc(p)} spoke.`).join(" "), "");
    }
  }
  if (r.actions.length) {
    out.push("## Next steps", "", "| Action | Owner | Due |", "|---|---|---|");
    for (const a of r.actions) out.push(`| ${cell(a.text)} | ${a.owner ? cell(a.owner) : "—"} | ${a.due ? when(a.due) : "—"} |`);
    out.push("");
  }
  if (r.nextMeeting) out.push(`Next meeting: ${when(r.nextMeeting)}`, "");
  out.push("## Annex 1: List of participants", "");
  if (r.participants.length) {
    out.push("| Name | Affiliation | Roles |", "|---|---|---|");
    for (const p of r.participants) out.push(`| ${cell(p.name)} | ${p.affiliation ? cell(p.affiliation) : ""} | ${p.roles.map(cell).join("; ")} |`);
    out.push("");
  }
  if (r.links.length) {
    out.push("## Links", "");
    for (const l of r.links) out.push(l.text ? `- [${esc(l.text)}](${l.url})` : `- <${l.url}>`);
    out.push("");
  }
  return out.join("\n");
}

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** "2024-06-04T14:00:00Z" -> "4 June 2024 at 14:00 UTC" (or ", 14:00 UTC"); a date alone stays a date. */
export function when(iso: string, sep = ", "): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  const date = `${d} ${MONTHS[m! - 1]} ${y}`;
  return iso.length > 10 ? `${date}${sep}${iso.slice(11, 16)} UTC` : date;
}

function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th";
  return `${n}${s}`;
}

const listOf = (xs: string[]) => (xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`);

/** Escapes what Markdown would read as marks, so the text comes back as written. */
export const mdText = (s: string) =>
  s.replace(/([\\`*_[\]<#|])/g, "\\$1")
    // a web address inside running text is not one of the report's links: escape it
    .replace(/\b(https?|ftp):\/\//gi, "$1\\://").replace(/\bwww\./gi, "www\\.");
const cell = (s: string) => mdText(s);

export const agendaTitles = (items: AgendaItem[]): string[] => items.flatMap((i) => [i.title, ...agendaTitles(i.items)]);
