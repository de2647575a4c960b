/** One entry of a group's calendar: a held meeting, or one a report announces. */
export interface CalendarMeeting {
  id: number | null;
  group: string;
  number: number | null;
  start: string;
  held: boolean;
  source: string | null;
}
