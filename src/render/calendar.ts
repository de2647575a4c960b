import ical, { ICalEventStatus } from "ical-generator";

/** A meeting as the calendar needs it. */
import type { CalendarMeeting } from "../model/calendar.js";
export type { CalendarMeeting } from "../model/calendar.js";

/**
 * An RFC 5545 calendar of a group's held and announced meetings. A datetime gives a one-
 * hour event in UTC (reports rarely give an end); a date alone gives an all-day event.
 */
export function renderCalendar(
  name: string,
  meetings: CalendarMeeting[],
  baseUrl: string | null,
  now: Date,
): string {
  const cal = ical({
    name,
    prodId: { company: "Rapporteur", product: "rapporteur", language: "EN" },
    timezone: "UTC",
  });
  for (const m of meetings) {
    const allDay = m.start.length === 10;
    const start = new Date(allDay ? `${m.start}T00:00:00Z` : m.start);
    cal.createEvent({
      id: `${m.held ? "held" : "announced"}-${m.group.replace(/\W+/g, "-").toLowerCase()}-${m.start}@rapporteur`,
      start,
      end: allDay ? new Date(start.getTime() + 86_400_000) : new Date(start.getTime() + 3_600_000),
      allDay,
      timezone: "UTC",
      stamp: now,
      summary: `${m.group}${m.number !== null ? ` — meeting ${m.number}` : ""}${m.held ? "" : " (announced)"}`,
      description: m.held
        ? `Summary report: ${m.source}`
        : `Announced in the report of the previous meeting (${m.source}).`,
      status: m.held ? ICalEventStatus.CONFIRMED : ICalEventStatus.TENTATIVE,
      ...(baseUrl && m.id !== null ? { url: `${baseUrl}/meetings/${m.id}` } : {}),
    });
  }
  // RFC 5545 ends every line, the last one too, with CRLF
  return cal.toString().replace(/\r?\n?$/, "\r\n");
}
