import * as chrono from "chrono-node";
import { ZONE_AFTER, zoneOf, localToUtc, type Zone } from "./zones.js";

/** A date (and maybe a time) found in text; the time is in UTC, and only when a zone is known. */
export interface Found {
  /** "2024-06-04" (the UTC date when a time with a zone moved it) */
  date: string;
  /** "13:00" in UTC when the text gives a time and its zone, else null. */
  time: string | null;
  /** The time as written ("16:00"), zone or not. */
  local: string | null;
  /** Offsets of the match in the text given. */
  index: number;
  end: number;
  yearGiven: boolean;
  dayGiven: boolean;
  /** A span of days ("Oct 29-30th"): not one date. */
  range: boolean;
}

/** How to read an all-numeric date ("03/05/2021") when its parts do not say: day or month first. */
export type DateOrder = "dmy" | "mdy";

/** ISO form of a Found: a UTC datetime when a time is known, else a date. */
export const iso = (f: { date: string; time: string | null }) =>
  f.time ? `${f.date}T${f.time}:00Z` : f.date;

const pad = (n: number) => String(n).padStart(2, "0");
const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const MAY_HOLD_DATE = /\d|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)/i;
// A month's name beside a day number ("3 May", "May 3", "3rd of May"): only then is the
// text worth chrono's time (strict parsing finds no other kind once numbers are masked).
const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const MONTH_DATE = new RegExp(
  String.raw`\b${MONTH}\b\.?,?\s*\d|\d(?:st|nd|rd|th)?\.?\s*(?:of\s+|day\s+of\s+)?${MONTH}\b`,
  "i",
);

// A clock time: "13:00", "1 p.m.", "16.30h", "4:00pm", "13h00", with an optional range end.
const TIME =
  /(?<![\d.:/\w])(\d{1,2})(?:([:.h])(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|h(?![a-z])|hrs?\b)?(?:\s*(?:-|–|—|to|until)\s*(\d{1,2})(?:[:.h](\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?)?)?(?![\d.:/]\d|\w)/gi;

interface Clock {
  index: number;
  end: number;
  hour: number;
  minute: number;
  zone: Zone | null;
  zoneNamed: boolean;
}

/** The clock times in `text` and the zone each names right after it (or after its range). */
export function findTimes(text: string): Clock[] {
  const out: Clock[] = [];
  // a row of a zone table ("America/New_York | Thu 08-Oct-2020 13:00") names its zone once
  const named = [...text.matchAll(/\b[A-Z][a-z]+\/[A-Z][A-Za-z_]+\b/g)]
    .map((m) => m[0])
    .filter((id) => Intl.supportedValuesOf("timeZone").includes(id));
  const rowZone: Zone | null = named.length === 1 ? { kind: "iana", id: named[0]! } : null;
  for (const m of text.matchAll(TIME)) {
    const [, h1, sep, m1, mer1, h2, m2, mer2] = m;
    // "2.1" is a paragraph number, "19" a day: a time has minutes, a meridiem, or "h"
    if (!m1 && !mer1 && !mer2) continue;
    void sep;
    let hour = Number(h1);
    const minute = Number(m1 ?? 0);
    const end =
      h2 !== undefined
        ? { h: Number(h2), m: Number(m2 ?? 0), pm: mer2 ? /p/i.test(mer2) : null }
        : null;
    const meridiem = mer1 && /[ap]/i.test(mer1) ? /p/i.test(mer1) : null;
    if (meridiem === true && hour < 12) hour += 12;
    if (meridiem === false && hour === 12) hour = 0;
    // "10:00-12:00 PM": the end's meridiem reaches back only when the start stays before it
    if (meridiem === null && end?.pm === true && hour < 12) {
      const endHour = end.h < 12 ? end.h + 12 : end.h;
      if (hour + 12 <= endHour) hour += 12;
    }
    if (hour > 23 || minute > 59) continue;
    const after = text.slice(m.index + m[0].length);
    const z = ZONE_AFTER.exec(after.replace(/^\s*\/\s*/, " "));
    const zone = (z ? zoneOf(z) : null) ?? rowZone;
    out.push({
      index: m.index,
      end: m.index + m[0].length + (z && zone ? z[0].length : 0),
      hour,
      minute,
      zone,
      zoneNamed: !!z,
    });
  }
  return out;
}

// Same-length masks keep every offset: chrono must read neither times nor numeric dates.
const mask = (s: string) => s.replace(/\d/g, "x");

interface DatePart {
  index: number;
  end: number;
  y: number | null;
  mo: number;
  d: number;
  range: boolean;
}

/** All-numeric dates: "2021-09-15", "2017-6-20", "15/09/2021", "08.02.11", "12/18/2025". */
function numericDates(text: string, order: DateOrder): DatePart[] {
  const out: DatePart[] = [];
  for (const m of text.matchAll(/(?<![\d./-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d])/g)) {
    out.push({
      index: m.index,
      end: m.index + m[0].length,
      y: Number(m[1]),
      mo: Number(m[2]),
      d: Number(m[3]),
      range: false,
    });
  }
  for (const m of text.matchAll(
    /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(\d{4}|\d{2})(?![\d./]\d|\d)/g,
  )) {
    const a = Number(m[1]),
      b = Number(m[3]);
    let y = Number(m[4]);
    if (m[4]!.length === 2) y += y < 70 ? 2000 : 1900;
    const dayFirst = a > 12 ? true : b > 12 ? false : order === "dmy";
    out.push({
      index: m.index,
      end: m.index + m[0].length,
      y,
      mo: dayFirst ? b : a,
      d: dayFirst ? a : b,
      range: false,
    });
  }
  return out.filter((p) => p.mo >= 1 && p.mo <= 12 && p.d >= 1 && p.d <= 31);
}

/**
 * Every date in `text`, read with the meeting date as reference (a date without a year
 * gets its year). A clock time just before or after a date belongs to it; with a zone
 * it is converted to UTC by that zone's rule for the date, without one it is kept only
 * as written (`local`): the contract then gives the date alone.
 */
export function findDates(
  text: string,
  ref: Date | null,
  opts: { order?: DateOrder } = {},
): readonly Found[] {
  if (!MAY_HOLD_DATE.test(text)) return [];
  const order = opts.order ?? "dmy";
  // several passes ask about the same texts, and chrono is the costly part: remember
  const key = `${order}|${ref ? ref.getTime() : ""}|${text}`;
  const known = MEMO.get(key);
  if (known) return known;
  const found = readDates(text, ref, order);
  if (MEMO.size >= MEMO_SIZE) MEMO.delete(MEMO.keys().next().value!);
  MEMO.set(key, found);
  return found;
}

// chrono's strict English set, less the parsers that can only find what the masks hid
// (times, numeric dates) or what has no certain day (weekdays, "within 2 weeks"): the
// month-name parsers are what is left to do, at a fraction of the cost.
const MONTH_NAMES = (() => {
  const conf = chrono.en.configuration.createConfiguration(true, false);
  const keep = /^EN(?:MonthNameLittleEndian|MonthNameMiddleEndian)Parser$/;
  return new chrono.Chrono({
    parsers: conf.parsers.filter((p) => keep.test(p.constructor.name)),
    refiners: conf.refiners,
  });
})();

// Results are read-only, so sharing them is safe; the oldest go first past the bound.
const MEMO = new Map<string, readonly Found[]>();
const MEMO_SIZE = 4000;

function readDates(text: string, ref: Date | null, order: DateOrder): readonly Found[] {
  const times = findTimes(text);
  const numeric = numericDates(text, order);
  let masked = text;
  for (const t of times)
    masked = masked.slice(0, t.index) + mask(masked.slice(t.index, t.end)) + masked.slice(t.end);
  for (const n of numeric)
    masked = masked.slice(0, n.index) + mask(masked.slice(n.index, n.end)) + masked.slice(n.end);
  // "Call #4", "Meeting No. 12", "Session 9 – 3 May": numbers of meetings are not days
  masked = masked.replace(
    /(#|\bno\.\s*|\bnumber\s+|\b(?:meeting|session|call|webinar)\s+)(\d{1,4})\b(?!\s*(?:st|nd|rd|th)?\s*(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))/gi,
    (_m, pre: string, n: string) => pre + "x".repeat(n.length),
  );
  const parts: DatePart[] = [...numeric];
  if (MONTH_DATE.test(masked)) {
    for (const r of MONTH_NAMES.parse(masked, {
      instant: ref ?? new Date(Date.UTC(2000, 0, 1)),
      timezone: 0,
    })) {
      const s = r.start;
      if (!s.isCertain("day") || !s.isCertain("month")) continue;
      const range = !!r.end && r.end.get("day") !== s.get("day");
      parts.push({
        index: r.index,
        end: r.index + r.text.trimEnd().length,
        y: s.isCertain("year") ? s.get("year")! : null,
        mo: s.get("month")!,
        d: s.get("day")!,
        range,
      });
    }
  }
  parts.sort((a, b) => a.index - b.index);
  const used = new Set<Clock>();
  const out: Found[] = [];
  for (const p of parts) {
    const year = p.y ?? (ref ? ref.getUTCFullYear() : 2000);
    const date = `${year}-${pad(p.mo)}-${pad(p.d)}`;
    // the nearest free clock after the date (same stretch of text), else just before it
    const clock =
      times.find(
        (t) =>
          !used.has(t) &&
          t.index >= p.end &&
          /^[\s,;:|(–—-]*(?:(?:at|from|@|,|time\s*:|hours?\s*:|starting at|beginning at)\s*)*$/i.test(
            text.slice(p.end, t.index),
          ) &&
          t.index - p.end <= 40,
      ) ??
      times.find(
        (t) =>
          !used.has(t) &&
          t.end <= p.index &&
          p.index - t.end <= 6 &&
          /^[\s,;|]*(?:on\s+)?$/i.test(text.slice(t.end, p.index)),
      );
    let f: Found = {
      date,
      time: null,
      local: null,
      index: p.index,
      end: p.end,
      yearGiven: p.y !== null,
      dayGiven: true,
      range: p.range,
    };
    if (clock) {
      used.add(clock);
      f = {
        ...f,
        local: `${pad(clock.hour)}:${pad(clock.minute)}`,
        index: Math.min(p.index, clock.index),
        end: Math.max(p.end, clock.end),
      };
      if (clock.zone) {
        const utc = localToUtc(date, clock.hour, clock.minute, clock.zone);
        f = {
          ...f,
          date: `${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`,
          time: `${pad(utc.getUTCHours())}:${pad(utc.getUTCMinutes())}`,
        };
      }
    }
    out.push(f);
  }
  return out;
}

/** A time with a zone, standing alone ("4:00pm Eastern Time"), for a date given elsewhere. */
export function timeFor(
  date: string,
  text: string,
): { date: string; time: string | null; local: string } | null {
  const t = findTimes(text)[0];
  if (!t) return null;
  const local = `${pad(t.hour)}:${pad(t.minute)}`;
  if (!t.zone) return { date, time: null, local };
  const utc = localToUtc(date, t.hour, t.minute, t.zone);
  return {
    date: `${utc.getUTCFullYear()}-${pad(utc.getUTCMonth() + 1)}-${pad(utc.getUTCDate())}`,
    time: `${pad(utc.getUTCHours())}:${pad(utc.getUTCMinutes())}`,
    local,
  };
}

/** Moves a year-less date that falls before `after` into the next year. */
export function notBefore(f: Found, after: Date | null): Found {
  if (f.yearGiven || !after) return f;
  const day = `${after.getUTCFullYear()}-${pad(after.getUTCMonth() + 1)}-${pad(after.getUTCDate())}`;
  if (f.date >= day) return f;
  return { ...f, date: `${Number(f.date.slice(0, 4)) + 1}${f.date.slice(4)}` };
}

/**
 * A deadline that names a period, due on its last day: "the end of the year", "end of
 * June", "by the end of the month", "Due: March 2011", "by end October". A period
 * without a year that has passed by the meeting falls in the next year.
 */
export function endOfPeriod(phrase: string, ref: Date | null): string | null {
  if (!ref) return null;
  const p = phrase.toLowerCase();
  const y = ref.getUTCFullYear();
  if (/\bend\s+of\s+(?:the|this)\s+year\b/.test(p)) return `${y}-12-31`;
  if (/\bend\s+of\s+(?:the|this)\s+month\b/.test(p)) return lastDay(y, ref.getUTCMonth());
  const m =
    /\b(?:(?:the\s+)?end\s+(?:of\s+)?)?(january|february|march|april|may|june|july|august|september|october|november|december)(?:\s+(\d{4}))?\b/.exec(
      p,
    );
  if (
    m &&
    (/\bend\b/.test(p.slice(0, m.index + 12)) ||
      m[2] ||
      /^\s*(?:due\s*:?\s*)?$/.test(p.slice(0, m.index)))
  ) {
    const month = MONTHS.indexOf(m[1]!);
    let year = m[2] ? Number(m[2]) : y;
    if (!m[2] && month < ref.getUTCMonth()) year++;
    return lastDay(year, month);
  }
  return null;
}

function lastDay(year: number, month0: number): string {
  const d = new Date(Date.UTC(year, month0 + 1, 0));
  return `${year}-${pad(month0 + 1)}-${pad(d.getUTCDate())}`;
}

/** The instant of an ISO date/datetime string, or null. */
export const toDate = (s: string | null) =>
  s ? new Date(s.length === 10 ? `${s}T00:00:00Z` : s) : null;

/**
 * How the document writes all-numeric dates: a part above 12 in any of them says which
 * comes first; a United States time zone says month first; otherwise day first.
 */
export function numericOrder(text: string): DateOrder {
  for (const m of text.matchAll(
    /(?<![\d./-])(\d{1,2})([./-])(\d{1,2})\2(?:\d{4}|\d{2})(?![\d])/g,
  )) {
    if (Number(m[1]) > 12) return "dmy";
    if (Number(m[3]) > 12) return "mdy";
  }
  return /\b(?:Eastern|Pacific|Central|Mountain)\s+(?:Standard\s+|Daylight\s+)?Time\b|\b(?:EST|EDT|PST|PDT|CST|CDT)\b/.test(
    text,
  )
    ? "mdy"
    : "dmy";
}
