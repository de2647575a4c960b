import type { Db } from "../store/db.js";
import { groupCalendar } from "../store/calendar.js";
import { OWNER, type Viewer } from "../model/viewer.js";
import { noGroup } from "../model/errors.js";
import { renderCalendar } from "../render/calendar.js";
import { RapporteurError } from "../model/errors.js";
import type { Io } from "../runtime/io.js";
import { withStore, type StoreOptions } from "../runtime/store-access.js";

/** `rapporteur calendar --group G`: the group's held and announced meetings as ICS. */
export async function calendarCommand(
  cwd: string,
  options: StoreOptions & { group?: string },
  io: Io,
  now = new Date(),
): Promise<number> {
  if (!options.group)
    throw new RapporteurError("bad-argument", "--group is needed: the group's name or acronym");
  const ics = await withStore(cwd, options, io, (db) =>
    calendar(db, OWNER, options.group!, null, now),
  );
  io.out(ics);
  return 0;
}

/** A group's calendar (RFC 5545) of the meetings the viewer may see; links point at `base`. */
export async function calendar(
  db: Db,
  v: Viewer,
  group: string,
  base: string | null,
  now: Date,
): Promise<string> {
  const cal = await groupCalendar(db, v, group);
  if (!cal) throw noGroup(group);
  return renderCalendar(cal.name, cal.meetings, base, now);
}
