import type { MeetingRecord } from "../model/record.js";

/** The house report as format-neutral blocks; each writer (md, docx, html) lays them out. */
export type Block =
  | { kind: "heading"; level: 1 | 2 | 3; text: string }
  | { kind: "strong"; text: string }
  | { kind: "para"; text: string }
  | { kind: "note"; text: string }
  | { kind: "item"; marker: string; text: string; depth: 0 | 1 }
  | { kind: "table"; head: string[]; rows: string[][] }
  | { kind: "link"; url: string; text: string | null };

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2024-06-04T14:00:00Z" -> "4 June 2024, 14:00 UTC" (or " at 14:00 UTC"); a date alone stays a date. */
export function when(iso: string, sep = ", "): string {
  const [y, m, d] = iso.slice(0, 10).split("-").map(Number);
  const date = `${d} ${MONTHS[m! - 1]} ${y}`;
  return iso.length > 10 ? `${date}${sep}${iso.slice(11, 16)} UTC` : date;
}

/** 1st, 2nd, 3rd, 11th, 61st: an English ordinal. */
export const ordinal = (n: number) =>
  `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : (({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10] ?? "th")}`;
// a sentence ends with one full stop, also after a title that has its own
const stop = (s: string) => (/[.!?]$/.test(s.trim()) ? s.trim() : `${s.trim()}.`);
const listOf = (xs: string[]) =>
  xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;

/**
 * The house summary-report format: header (group, number, date and time UTC), intro with
 * the moderators, agenda, the discussion item by item (with its agenda item and speakers),
 * next steps, next meeting, Annex 1 with participants, affiliations and roles, links.
 * Written so that `extract` reads the same record back.
 */
export function reportBlocks(
  r: MeetingRecord,
  texts: readonly string[][] = [],
  nicknames: readonly { name: string; nick: string }[] = [],
): Block[] {
  // the text calls some people by a nickname: the report says whose it is
  const nick = new Map(nicknames.map((n) => [n.name, n.nick]));
  const named = (p: string) =>
    texts.length && nick.has(p) && texts.flat().some((t) => t.includes(nick.get(p)!))
      ? `${p} (${nick.get(p)})`
      : p;
  const b: Block[] = [];
  b.push({
    kind: "heading",
    level: 1,
    text: `${r.group ?? "Meeting report"}${r.group && r.groupAcronym ? ` (${r.groupAcronym})` : ""}`,
  });
  if (r.number !== null) b.push({ kind: "strong", text: `Online Meeting ${r.number}` });
  if (r.start) b.push({ kind: "strong", text: when(r.start) });
  b.push({ kind: "para", text: "Summary Report" });
  const intro = [
    `The ${r.number !== null ? `${ordinal(r.number)} ` : ""}meeting${r.group ? ` of the ${r.group}` : ""} was held${r.start ? ` on ${when(r.start, " at ")}` : ""}.`,
  ];
  if (r.moderators.length)
    intro.push(`The meeting was moderated by ${listOf(r.moderators.map(named))}.`);
  b.push({ kind: "para", text: intro.join(" ") });
  if (r.agenda.length) {
    b.push({ kind: "heading", level: 2, text: "Agenda" });
    r.agenda.forEach((a, i) => {
      b.push({ kind: "item", marker: `${i + 1}.`, text: a.title, depth: 0 });
      a.items.forEach((s, k) =>
        b.push({
          kind: "item",
          marker: `${String.fromCharCode(97 + (k % 26))}.`,
          text: s.title,
          depth: 1,
        }),
      );
    });
  }
  if (r.sections.length) {
    b.push({ kind: "heading", level: 2, text: "Discussion" });
    for (const [i, s] of r.sections.entries()) {
      b.push({ kind: "heading", level: 3, text: s.title });
      b.push({
        kind: "note",
        text:
          s.agendaIndex === null
            ? "Not on the agenda."
            : `Agenda item ${s.agendaIndex + 1}: ${stop(r.agenda[s.agendaIndex]?.title ?? "")}`,
      });
      const said = texts[i] ?? [];
      for (const text of said) b.push({ kind: "para", text });
      // a speaker the text does not name (or no text at all) is still said to have spoken
      const all = said.join(" ");
      const unnamed = s.speakers.filter((p) => !all.includes(p));
      if (unnamed.length)
        b.push({ kind: "para", text: unnamed.map((p) => `${p} spoke.`).join(" ") });
    }
  }
  if (r.actions.length) {
    b.push({ kind: "heading", level: 2, text: "Next steps" });
    b.push({
      kind: "table",
      head: ["Action", "Owner", "Due"],
      rows: r.actions.map((a) => [a.text, a.owner ?? "—", a.due ? when(a.due) : "—"]),
    });
  }
  if (r.nextMeeting) b.push({ kind: "para", text: `Next meeting: ${when(r.nextMeeting)}` });
  b.push({ kind: "heading", level: 2, text: "Annex 1: List of participants" });
  if (r.participants.length)
    b.push({
      kind: "table",
      head: ["Name", "Affiliation", "Roles"],
      rows: r.participants.map((p) => [p.name, p.affiliation ?? "", p.roles.join("; ")]),
    });
  if (r.links.length) {
    b.push({ kind: "heading", level: 2, text: "Links" });
    for (const l of r.links) b.push({ kind: "link", url: l.url, text: l.text });
  }
  // last, where no discussion section can take them for its own text
  if (r.notes?.length) {
    b.push({ kind: "heading", level: 2, text: "Dates noted" });
    for (const d of r.notes) b.push({ kind: "item", marker: "-", text: d.text, depth: 0 });
  }
  const decided = r.decisions ?? [];
  if (decided.length) {
    b.push({ kind: "heading", level: 2, text: "Decisions" });
    decided.forEach((d, i) =>
      b.push({ kind: "item", marker: `${i + 1}.`, text: d.text, depth: 0 }),
    );
  }
  return b;
}
