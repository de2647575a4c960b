import type { z } from "zod";
import type { Db } from "../store/db.js";
import {
  listMeetings,
  getMeeting,
  type MeetingSummary,
  type MeetingDetail,
} from "../store/read.js";
import { setMembersOnly as setMembersOnlyRow } from "../store/meetings.js";
import { notFound, unauthorized } from "../model/errors.js";
import type { Viewer } from "../model/viewer.js";
import type { MeetingFilter, MembersOnlyInput } from "./inputs.js";

export type { MeetingSummary, MeetingDetail } from "../store/read.js";
export type { EffectiveRecord } from "../store/corrections.js";

/** Meetings the viewer may see, newest first, by group and dates. */
export const meetings = (
  db: Db,
  v: Viewer,
  f: z.infer<typeof MeetingFilter> & { limit?: number },
): Promise<MeetingSummary[]> => listMeetings(db, v, f);

/** One meeting the viewer may see, with its record, people, actions (and follow-ups). */
export async function meeting(
  db: Db,
  v: Viewer,
  id: number,
  opts: { followUps?: boolean } = {},
): Promise<MeetingDetail> {
  const m = await getMeeting(db, v, id, opts);
  if (!m) throw notFound(`meeting ${id}`);
  return m;
}

/** Hides a meeting from readers, or shows it again (editors only). */
export async function setMembersOnly(
  db: Db,
  v: Viewer,
  input: z.infer<typeof MembersOnlyInput>,
): Promise<void> {
  if (!v.editor) throw unauthorized();
  if (!(await setMembersOnlyRow(db, input.id, input.value))) throw notFound(`meeting ${input.id}`);
}
