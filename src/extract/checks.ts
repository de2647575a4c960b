import type { Doc } from "./doc.js";
import type { Issue } from "../model/record.js";
import { nameKey } from "./names.js";
import { distance } from "fastest-levenshtein";

/** Consistency findings: the seven codes of the contract. */
export function checks(doc: Doc): Doc {
  const issues: Issue[] = [];
  const h = doc.header!;
  if (h.number !== null && h.bodyNumber && h.bodyNumber.value !== h.number) {
    issues.push({
      code: "number-mismatch",
      message: `The header gives meeting number ${h.number} but the text calls it meeting ${h.bodyNumber.value}.`,
      subject: null,
      line: h.bodyNumber.line,
    });
  }
  const start = h.start;
  if (start && h.bodyDate) {
    const [date, time] = [start.slice(0, 10), start.length > 10 ? start.slice(11, 16) : null];
    if (h.bodyDate.date !== date) {
      issues.push({
        code: "date-mismatch",
        message: `The header gives ${date} but the text says the meeting was held on ${h.bodyDate.date}.`,
        subject: null,
        line: h.bodyDate.line,
      });
    } else if (time && h.bodyDate.time && h.bodyDate.time !== time) {
      issues.push({
        code: "time-mismatch",
        message: `The header gives ${time} UTC but the text says the meeting was held at ${h.bodyDate.time} UTC.`,
        subject: null,
        line: h.bodyDate.line,
      });
    }
  }
  const list = doc.participants ?? [];
  if (!list.length) {
    issues.push({
      code: "missing-participants",
      message:
        "No list of participants was found; add one (a 'List of participants' annex) so attendance can be recorded.",
      subject: null,
      line: null,
    });
  }
  issues.push(...duplicates(list));
  if (list.length) {
    for (const u of doc.unlisted ?? []) {
      issues.push({
        code: "speaker-not-listed",
        message: `${u.name} speaks in the discussion but is not in the list of participants.`,
        subject: u.name,
        line: u.line,
      });
    }
  }
  const mismatch = agendaOrder(doc);
  if (mismatch) issues.push(mismatch);
  return { ...doc, issues };
}

/**
 * One person listed twice: the same name, a first name alone beside the full name, or a
 * one-letter slip in a long name. (Also run on corrected lists, whose entries have no line.)
 */
export function duplicates(list: readonly { name: string; line: number | null }[]): Issue[] {
  const out: Issue[] = [];
  const seen: { name: string; key: string }[] = [];
  const firsts = new Map<string, number>();
  for (const p of list) {
    const k = nameKey(p.name);
    if (k.includes(" ")) firsts.set(k.split(" ")[0]!, (firsts.get(k.split(" ")[0]!) ?? 0) + 1);
  }
  for (const p of list) {
    const key = nameKey(p.name);
    const earlier = seen.find(
      (s) =>
        s.key === key ||
        (!key.includes(" ") && s.key.split(" ")[0] === key && firsts.get(key) === 1) ||
        (!s.key.includes(" ") && key.split(" ")[0] === s.key && firsts.get(s.key) === 1) ||
        (key.length >= 10 &&
          s.key.length >= 10 &&
          Math.abs(key.length - s.key.length) <= 1 &&
          distance(s.key, key) === 1),
    );
    if (earlier) {
      const kept = earlier.name.length >= p.name.length ? earlier.name : p.name;
      const how = earlier.key === key ? "twice" : `as '${earlier.name}' and as '${p.name}'`;
      out.push({
        code: "duplicate-participant",
        message: `${kept} is listed ${how}; keep one entry.`,
        subject: kept,
        line: p.line,
      });
    } else seen.push({ name: p.name, key });
  }
  return out;
}

// The discussion's numbers should be the agenda's: "3. AoB" for agenda item 5 is not.
function agendaOrder(doc: Doc): Issue | null {
  const agenda = doc.agenda ?? [];
  if (!agenda.length) return null;
  let prevIndex = -1;
  const tops = (doc.sections ?? []).filter(
    (s) => s.level === 0 && s.marker && s.marker.kind !== "alpha",
  );
  const meaningful = !(tops.length >= 2 && tops.every((s) => s.marker!.value === 1));
  for (const s of doc.sections ?? []) {
    if (s.level !== 0 || s.agendaIndex === null) continue;
    const numbered = meaningful && s.marker && s.marker.kind !== "alpha";
    const off = numbered ? s.marker!.value !== s.agendaIndex + 1 : s.agendaIndex < prevIndex;
    if (off) {
      const item = agenda[s.agendaIndex]!.title;
      const message = numbered
        ? `The discussion numbers '${s.title}' as item ${s.marker!.value}, but the agenda lists '${item}' as item ${s.agendaIndex + 1}.`
        : `The discussion takes up '${item}' after later agenda items; it does not follow the agenda's order.`;
      return { code: "agenda-section-mismatch", message, subject: null, line: s.line };
    }
    prevIndex = s.agendaIndex;
  }
  return null;
}
