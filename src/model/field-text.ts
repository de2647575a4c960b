import type { CorrectableField } from "./corrections.js";
import type { AgendaItem, MeetingRecord } from "./record.js";

// Each correctable field as plain text an editor types in a form (no script needed): one
// item per line, the parts of an item separated by " | ", names in a list by "; ". The
// same functions write the text the form starts from and read what comes back.

/** What to type in each field, shown beside it in the edit form. */
export const FIELD_HINTS: Record<CorrectableField, string> = {
  group: "The group's name.",
  groupAcronym: "Its acronym, if it has one.",
  number: "The meeting's number, digits only.",
  start: "YYYY-MM-DD, or YYYY-MM-DD HH:MM in UTC.",
  nextMeeting: "YYYY-MM-DD, or YYYY-MM-DD HH:MM in UTC.",
  moderators: "One name per line.",
  agenda: "One item per line; indent a sub-item by two spaces under its item.",
  sections:
    "One per line: Title | agenda item number (blank if not on the agenda) | Speaker; Speaker",
  actions: "One per line: What is to be done | Owner | Due date (YYYY-MM-DD)",
  participants: "One per line: Name | Affiliation | Role; Role",
  links: "One per line: https://address | Text",
  decisions: "One decision per line, in the report's words.",
};

/** Whether a field is edited in a multi-line box. */
export const MULTILINE: ReadonlySet<CorrectableField> = new Set([
  "moderators",
  "agenda",
  "sections",
  "actions",
  "participants",
  "links",
  "decisions",
]);

const when = (v: string | null) => (v ? v.replace(/T(\d{2}:\d{2})(?::00(?:\.0+)?)?Z$/, " $1") : "");
const row = (...cells: (string | null | undefined)[]) =>
  cells
    .map((c) => c ?? "")
    .join(" | ")
    .replace(/(?: \| )+$/, "");

/** A field's value as the text of its form field. */
export function fieldText(r: MeetingRecord, field: CorrectableField): string {
  switch (field) {
    case "group":
    case "groupAcronym":
      return r[field] ?? "";
    case "number":
      return r.number === null ? "" : String(r.number);
    case "start":
    case "nextMeeting":
      return when(r[field]);
    case "moderators":
      return r.moderators.join("\n");
    case "agenda":
      return agendaLines(r.agenda, 0).join("\n");
    case "sections":
      return r.sections
        .map((s) =>
          row(
            s.title,
            s.agendaIndex === null ? "" : String(s.agendaIndex + 1),
            s.speakers.join("; "),
          ),
        )
        .join("\n");
    case "actions":
      return r.actions.map((a) => row(a.text, a.owner, a.due)).join("\n");
    case "participants":
      return r.participants.map((p) => row(p.name, p.affiliation, p.roles.join("; "))).join("\n");
    case "links":
      return r.links.map((l) => row(l.url, l.text)).join("\n");
    case "decisions":
      return (r.decisions ?? []).map((d) => d.text).join("\n");
  }
}

const agendaLines = (items: AgendaItem[], depth: number): string[] =>
  items.flatMap((i) => [`${"  ".repeat(depth)}${i.title}`, ...agendaLines(i.items, depth + 1)]);

const lines = (text: string) =>
  text
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .filter((l) => l.trim());
const cells = (line: string) => line.split("|").map((c) => c.trim());
const orNull = (s: string | undefined) => (s ? s : null);
const names = (s: string | undefined) =>
  (s ?? "")
    .split(";")
    .map((x) => x.trim())
    .filter(Boolean);

/**
 * A form field's text back to a value (checked afterwards by the contract's schema, so a
 * wrong date or number is named there). Dates typed with a time are UTC.
 */
export function parseFieldText(field: CorrectableField, text: string): unknown {
  const t = text.trim();
  switch (field) {
    case "group":
    case "groupAcronym":
      return orNull(t);
    case "number":
      return t === "" ? null : /^\d+$/.test(t) ? Number(t) : t;
    case "start":
    case "nextMeeting": {
      const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2})(?::(\d{2}))?Z?$/.exec(t);
      return t === "" ? null : m ? `${m[1]}T${m[2]}:${m[3] ?? "00"}Z` : t;
    }
    case "moderators":
      return lines(text).map((l) => l.trim());
    case "agenda":
      return parseAgenda(lines(text));
    case "sections":
      return lines(text).map((l) => {
        const [title, item, speakers] = cells(l);
        const n = Number(item);
        return {
          title,
          agendaIndex: item ? (Number.isInteger(n) ? n - 1 : item) : null,
          speakers: names(speakers),
        };
      });
    case "actions":
      return lines(text).map((l) => {
        const [text_, owner, due] = cells(l);
        return { text: text_, owner: orNull(owner), due: orNull(due) };
      });
    case "participants":
      return lines(text).map((l) => {
        const [name, affiliation, roles] = cells(l);
        return { name, affiliation: orNull(affiliation), roles: names(roles) };
      });
    case "links":
      return lines(text).map((l) => {
        const [url, label] = cells(l);
        return { url, text: orNull(label) };
      });
    case "decisions":
      return lines(text).map((l) => ({ text: l.trim() }));
  }
}

// Indentation nests: a line indented deeper than the one before is its sub-item.
function parseAgenda(ls: string[]): AgendaItem[] {
  const root: AgendaItem[] = [];
  const stack: { depth: number; items: AgendaItem[] }[] = [{ depth: -1, items: root }];
  for (const l of ls) {
    const depth = l.length - l.trimStart().length;
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const item: AgendaItem = { title: l.trim(), items: [] };
    stack[stack.length - 1]!.items.push(item);
    stack.push({ depth, items: item.items });
  }
  return root;
}
