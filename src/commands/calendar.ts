import { groupCalendar } from "../store/calendar.js";
import { renderCalendar } from "../render/calendar.js";
import { RapporteurError } from "../model/errors.js";
import type { Io } from "../runtime/io.js";
import { withStore, type StoreOptions } from "../runtime/store-access.js";

/** `rapporteur calendar --group G`: the group's held and announced meetings as ICS. */
export async function calendarCommand(cwd: string, options: StoreOptions & { group?: string }, io: Io, now = new Date()): Promise<number> {
  if (!options.group) throw new RapporteurError("bad-argument", "--group is needed: the group's name or acronym");
  const cal = await withStore(cwd, options, io, (db) => groupCalendar(db, { editor: "cli" }, options.group!));
  if (!cal) throw new RapporteurError("not-found", `--group ${options.group}: no meetings of that group in the store`);
  io.out(renderCalendar(cal.name, cal.meetings, null, now));
  return 0;
}
