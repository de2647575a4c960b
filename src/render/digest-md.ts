import type { AgendaItem, MeetingRecord } from "../model/record.js";

/** A readable Markdown digest of one record: header, agenda, sections, actions, people, findings. */
export function renderDigest(r: MeetingRecord): string {
  const out: string[] = [];
  const title = [r.group ?? "Unknown group", r.groupAcronym ? `(${r.groupAcronym})` : null]
    .filter(Boolean)
    .join(" ");
  out.push(`# ${title}`, "");
  out.push(`- Source: ${r.source}`);
  out.push(`- Meeting: ${r.number ?? "no number"}`);
  out.push(`- Start: ${formatWhen(r.start)}`);
  if (r.moderators.length) out.push(`- Moderated by: ${r.moderators.join(", ")}`);
  out.push(`- Next meeting: ${formatWhen(r.nextMeeting)}`, "");
  if (r.agenda.length) {
    out.push("## Agenda", "");
    const walk = (items: AgendaItem[], depth: number) =>
      items.forEach((it, i) => {
        out.push(`${"   ".repeat(depth)}${depth ? "-" : `${i + 1}.`} ${it.title}`);
        walk(it.items, depth + 1);
      });
    walk(r.agenda, 0);
    out.push("");
  }
  if (r.sections.length) {
    out.push("## Discussion", "");
    for (const s of r.sections) {
      const item =
        s.agendaIndex === null ? "not on the agenda" : `agenda item ${s.agendaIndex + 1}`;
      out.push(
        `### ${s.title}`,
        "",
        `_${item}_ — speakers: ${s.speakers.length ? s.speakers.join(", ") : "none named"}`,
        "",
      );
    }
  }
  if (r.decisions?.length) {
    out.push("## Decisions", "");
    for (const d of r.decisions) out.push(`- ${d.text}`);
    out.push("");
  }
  if (r.actions.length) {
    out.push("## Actions", "");
    for (const a of r.actions)
      out.push(
        `- ${a.text}${a.owner ? ` — owner: ${a.owner}` : ""}${a.due ? ` — due: ${formatWhen(a.due)}` : ""}`,
      );
    out.push("");
  }
  if (r.notes?.length) {
    out.push("## Dates noted", "");
    for (const d of r.notes) out.push(`- ${d.text}${d.date ? ` — ${formatWhen(d.date)}` : ""}`);
    out.push("");
  }
  out.push(`## Participants (${r.participants.length})`, "");
  for (const p of r.participants) {
    const details = [p.affiliation, ...p.roles].filter(Boolean).join("; ");
    out.push(`- ${p.name}${details ? ` — ${details}` : ""}`);
  }
  out.push("");
  if (r.links.length) {
    out.push("## Links", "");
    for (const l of r.links) out.push(`- ${l.text ? `[${l.text}](${l.url})` : `<${l.url}>`}`);
    out.push("");
  }
  out.push(`## Findings (${r.issues.length})`, "");
  if (!r.issues.length) out.push("No consistency issues found.");
  for (const i of r.issues) out.push(`- line ${i.line ?? "?"}: **${i.code}** ${i.message}`);
  return out.join("\n") + "\n";
}

/** "2024-06-04T14:00:00Z" -> "4 June 2024, 14:00 UTC"; a date alone stays a date. */
// One formatter for all: toLocaleDateString builds a new one per call (a tenth of a
// meeting page's time).
const DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

export function formatWhen(iso: string | null): string {
  if (!iso) return "not given";
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso; // format() throws where toLocale… said "Invalid Date"
  const date = DAY.format(d);
  return iso.length === 10 ? date : `${date}, ${iso.slice(11, 16)} UTC`;
}
