import type { PeriodFacts } from "../store/period.js";
import { reportBlocksToDocx } from "./report-docx.js";
import { blocksToMd } from "./report-md.js";
import { when, type Block } from "./report-blocks.js";
import { escapeHtml as e } from "./html.js";

/** The activities–engagement–outcomes report of a period, as blocks (md and docx share them). */
export function periodBlocks(f: PeriodFacts): Block[] {
  // the period's own dates: those asked for, else its first and last meetings'
  const first = f.from ?? f.meetings[0]?.start?.slice(0, 10) ?? null;
  const last = f.to ?? f.meetings.at(-1)?.start?.slice(0, 10) ?? null;
  const span =
    first && last
      ? first === last
        ? when(first)
        : `${when(first)} – ${when(last)}`
      : "all meetings";
  const b: Block[] = [
    { kind: "heading", level: 1, text: `${f.group}: report for ${span}` },
    { kind: "heading", level: 2, text: "Activities" },
    {
      kind: "para",
      text: `${f.meetings.length} meeting${f.meetings.length === 1 ? " was" : "s were"} held.`,
    },
  ];
  const gap = missingReports(f.meetings.map((m) => m.number));
  if (gap) b.push({ kind: "note", text: gap });
  if (f.meetings.length)
    b.push({
      kind: "table",
      head: ["Meeting", "Date", "Participants", "Items discussed"],
      rows: f.meetings.map((m) => [
        String(m.number ?? "?"),
        m.start ? when(m.start) : "",
        String(m.participants),
        String(m.sections),
      ]),
    });
  b.push(
    { kind: "heading", level: 2, text: "Engagement" },
    {
      kind: "para",
      text: `${f.attendance.length} people took part; ${f.newcomers.length} for the first time; ${f.regulars.length} regulars.`,
    },
    ...(f.inferred
      ? [
          {
            kind: "note",
            text: `People are counted once however their names are spelled. ${f.inferred} affiliation${f.inferred === 1 ? " was" : "s were"} missing from a meeting's list and taken from the same person's nearest meeting.`,
          } as Block,
        ]
      : []),
  );
  if (f.attendance.length)
    b.push({
      kind: "table",
      head: ["Person", "Meetings attended"],
      rows: f.attendance.map((a) => [a.person, String(a.meetings)]),
    });
  if (f.balance.length) {
    const groups = [...new Set(f.balance.map((x) => x.stakeholder))].sort();
    const meetings = [...new Set(f.balance.map((x) => x.meeting))];
    b.push(
      { kind: "para", text: "Stakeholder balance per meeting:" },
      {
        kind: "table",
        head: ["Meeting", ...groups],
        rows: meetings.map((m) => [
          m,
          ...groups.map((g) =>
            String(f.balance.find((x) => x.meeting === m && x.stakeholder === g)?.count ?? 0),
          ),
        ]),
      },
    );
  }
  b.push({ kind: "heading", level: 2, text: "Outcomes" });
  if (f.topics.length)
    b.push({
      kind: "para",
      text: `Topics: ${f.topics.map((t) => `${t.term} (${t.meetings.length === 1 ? "meeting" : "meetings"} ${t.meetings.join(", ")})`).join("; ")}.`,
    });
  b.push({
    kind: "para",
    text: `Decisions: ${f.decisions.length}. Actions: ${f.actions.opened.length} opened, ${f.actions.closed.length} closed, ${f.actions.overdue.length} overdue.`,
  });
  if (f.decisions.length)
    b.push({
      kind: "table",
      head: ["Decision", "Meeting"],
      rows: f.decisions.map((d) => [d.text, d.start ? when(d.start) : d.meeting]),
    });
  if (f.actions.opened.length)
    b.push({
      kind: "table",
      head: ["Action", "Owner", "Due", "Status"],
      rows: f.actions.opened.map((a) => [
        a.text,
        a.owner ?? "—",
        a.due ? when(a.due) : "—",
        f.actions.overdue.includes(a) ? "overdue" : a.status,
      ]),
    });
  return b;
}

export const periodMd = (f: PeriodFacts) => blocksToMd(periodBlocks(f));
export const periodDocx = (f: PeriodFacts) =>
  reportBlocksToDocx(periodBlocks(f), `${f.group} period report`);

// Readable on a phone: the text wraps, wide tables and charts scroll inside their own box.
const STYLE = [
  "body{font:16px/1.5 system-ui,sans-serif;max-width:60rem;margin:0 auto;padding:0 1rem}",
  "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2rem .4rem;vertical-align:top}",
  ".scroll,figure{overflow-x:auto;margin:0 0 1rem}.note{color:#4a4a4a}",
].join("");

/** The HTML report, with the attendance and stakeholder charts as SVG. */
export function periodHtml(
  f: PeriodFacts,
  charts: { attendance: string; balance: string },
): string {
  const parts = periodBlocks(f).map((b) => {
    switch (b.kind) {
      case "heading":
        return `<h${b.level}>${e(b.text)}</h${b.level}>${b.level === 2 && b.text === "Engagement" ? `\n<figure tabindex="0" aria-label="Attendance by meeting">${charts.attendance}</figure>` : ""}`;
      case "note":
        return `<p class="note">${e(b.text)}</p>`;
      case "table":
        // a box that may scroll is reachable by keyboard, and named
        return `<div class="scroll" tabindex="0" role="region" aria-label="Table: ${e(b.head.join(", "))}"><table><thead><tr>${b.head.map((h) => `<th>${e(h)}</th>`).join("")}</tr></thead><tbody>${b.rows.map((r) => `<tr>${r.map((c) => `<td>${e(c)}</td>`).join("")}</tr>`).join("")}</tbody></table></div>`;
      case "para":
        return `<p>${e(b.text)}</p>${b.text.startsWith("Stakeholder balance") ? `\n<figure tabindex="0" aria-label="Stakeholder balance by meeting">${charts.balance}</figure>` : ""}`;
      default:
        return "";
    }
  });
  return `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${e(f.group)} period report</title><style>${STYLE}</style></head><body>\n${parts.join("\n")}\n</body></html>\n`;
}

/**
 * A plain statement of the reports missing from a numbered series ("meetings 19 to 60 are
 * numbered, 5 reports are stored: the reports of 20, 21, 23–29 … are missing"), or null.
 */
export function missingReports(numbers: readonly (number | null)[]): string | null {
  const have = [...new Set(numbers.filter((n): n is number => n !== null))].sort((a, b) => a - b);
  if (have.length < 2) return null;
  const [lo, hi] = [have[0]!, have[have.length - 1]!];
  const missing: number[] = [];
  for (let n = lo; n <= hi && missing.length <= 1000; n++) if (!have.includes(n)) missing.push(n);
  if (!missing.length) return null;
  const ranges: string[] = [];
  for (let i = 0; i < missing.length;) {
    let j = i;
    while (j + 1 < missing.length && missing[j + 1] === missing[j]! + 1) j++;
    ranges.push(j > i ? `${missing[i]}–${missing[j]}` : String(missing[i]));
    i = j + 1;
  }
  const shown = ranges.length > 12 ? `${ranges.slice(0, 12).join(", ")}, …` : ranges.join(", ");
  return `Meetings ${lo} to ${hi} are numbered, but ${have.length} of their ${hi - lo + 1} reports are stored: the report${missing.length === 1 ? "" : "s"} of meeting${missing.length === 1 ? "" : "s"} ${shown} ${missing.length === 1 ? "is" : "are"} missing, so this report covers only part of the period.`;
}
