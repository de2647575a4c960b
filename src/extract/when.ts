import * as chrono from "chrono-node";

/** A date (and maybe a time) found in text, already in UTC. */
export interface Found {
  /** "2024-06-04" */
  date: string;
  /** "13:00" when the text gives a time, else null. */
  time: string | null;
  /** Offsets of the match in the text given. */
  index: number;
  end: number;
  yearGiven: boolean;
  dayGiven: boolean;
}

/** ISO form of a Found: a UTC datetime when a time is known, else a date. */
export const iso = (f: { date: string; time: string | null }) => (f.time ? `${f.date}T${f.time}:00Z` : f.date);

// chrono misreads some forms reports use: "15:00 p.m." (24-hour clock with p.m.),
// "16.30h", "13h00". Rewrite them in place, keeping offsets, before parsing.
function tidy(text: string): string {
  const keep = (m: string, rep: string) => rep.padEnd(m.length, " ");
  return text
    // "Call #4", "Meeting No. 12", "Session 9 – 3 May": numbers of meetings are not days
    .replace(/(#|\bno\.\s*|\bnumber\s+|\b(?:meeting|session|call|webinar)\s+)(\d{1,4})\b(?!\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/gi, (m, pre: string, n: string) => keep(m, pre + "x".repeat(n.length)))
    // numeric dates are read day-first, as in most of the world ("12.03.2024" is 12 March)
    .replace(/\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b/g, (m, d, _s, mo, y) => keep(m, `${y}-${mo.padStart(2, "0")}-${d.padStart(2, "0")}`))
    .replace(/\b(1[3-9]|2[0-3])([:.]\d{2})\s*[ap]\.?\s?m\.?/gi, (m, h, mm) => keep(m, `${h}${mm.replace(".", ":")}`))
    .replace(/\b(\d{1,2})[.h](\d{2})\s*h\b/gi, (m, h, mm) => keep(m, `${h}:${mm}`))
    .replace(/\b(\d{1,2})h(\d{2})\b/g, (m, h, mm) => keep(m, `${h}:${mm}`))
    .replace(/\b(\d{1,2})\s?([ap])\.m\.?/gi, (m, h, ap) => keep(m, `${h} ${ap.toLowerCase()}m`));
}

const MAY_HOLD_DATE = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|today|tomorrow|noon)/i;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Every date in `text`, read with the meeting date as reference. Times without a zone
 * are taken as UTC (the zone these reports use); a date without a year gets `ref`'s year
 * (a date alone followed by a separate time, "May 19 (10 PM UTC)", is joined).
 */
export function findDates(text: string, ref: Date | null): Found[] {
  // the parser costs tens of microseconds a call: skip text that cannot hold a date
  if (!MAY_HOLD_DATE.test(text)) return [];
  const results = chrono.en.strict.parse(tidy(text), { instant: ref ?? new Date(Date.UTC(2000, 0, 1)), timezone: 0 });
  const out: Found[] = [];
  for (let i = 0; i < results.length; i++) {
    const r = results[i]!;
    const s = r.start;
    let hasTime = s.isCertain("hour");
    let hour = s.get("hour") ?? 0, minute = s.get("minute") ?? 0;
    let end = r.index + r.text.length;
    const next = results[i + 1];
    if (!hasTime && s.isCertain("day") && next && !next.start.isCertain("day") && next.start.isCertain("hour") && next.index - end <= 6) {
      hasTime = true;
      hour = next.start.get("hour")!; minute = next.start.get("minute") ?? 0;
      const offset = next.start.get("timezoneOffset");
      if (offset != null) { const t = hour * 60 + minute - offset; hour = Math.floor(t / 60); minute = ((t % 60) + 60) % 60; }
      end = next.index + next.text.length;
      i++;
    } else if (!s.isCertain("day") && !s.isCertain("month")) {
      continue; // a time or weekday alone is not a date
    }
    const year = s.isCertain("year") ? s.get("year")! : ref ? ref.getUTCFullYear() : s.get("year")!;
    let d: Date;
    if (hasTime && s.isCertain("hour")) {
      const instant = s.date();
      d = new Date(instant.getTime());
      d.setUTCFullYear(instant.getUTCFullYear() + (year - s.get("year")!));
    } else {
      d = new Date(Date.UTC(year, s.get("month")! - 1, s.get("day")!, hour, minute));
    }
    out.push({
      date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`,
      time: hasTime ? `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` : null,
      index: r.index,
      end,
      yearGiven: s.isCertain("year"),
      dayGiven: s.isCertain("day"),
    });
  }
  return out;
}

/** Moves a year-less date that falls before `after` into the next year. */
export function notBefore(f: Found, after: Date | null): Found {
  if (f.yearGiven || !after) return f;
  const day = `${after.getUTCFullYear()}-${pad(after.getUTCMonth() + 1)}-${pad(after.getUTCDate())}`;
  if (f.date >= day) return f;
  return { ...f, date: `${Number(f.date.slice(0, 4)) + 1}${f.date.slice(4)}` };
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** "the end of the year" / "end of June" -> the last day of that period (UTC), or null. */
export function endOfPeriod(phrase: string, ref: Date | null): string | null {
  if (!ref) return null;
  const p = phrase.toLowerCase();
  const y = ref.getUTCFullYear();
  if (/end of (the|this) year/.test(p)) return `${y}-12-31`;
  if (/end of (the|this) month/.test(p)) return lastDay(y, ref.getUTCMonth());
  const m = /end of (january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+(\d{4}))?/.exec(p);
  if (m) return lastDay(m[2] ? Number(m[2]) : y, MONTHS.indexOf(m[1]!));
  return null;
}

function lastDay(year: number, month0: number): string {
  const d = new Date(Date.UTC(year, month0 + 1, 0));
  return `${year}-${pad(month0 + 1)}-${pad(d.getUTCDate())}`;
}

/** The instant of an ISO date/datetime string, or null. */
export const toDate = (s: string | null) => (s ? new Date(s.length === 10 ? `${s}T00:00:00Z` : s) : null);
