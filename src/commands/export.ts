import { exportStore } from "../store/export.js";
import { RapporteurError } from "../model/errors.js";
import type { Io } from "../runtime/io.js";
import { derivationOf, loadConfig, withStore, type StoreOptions } from "../runtime/store-access.js";

/** `rapporteur export --format json`: the whole store as { meetings, people, … }. */
export async function exportCommand(
  cwd: string,
  options: StoreOptions & { format?: string },
  io: Io,
): Promise<number> {
  if (options.format && options.format !== "json")
    throw new RapporteurError("bad-argument", `--format ${options.format}: export writes json`);
  // people derived from the meetings are rebuilt first if a change left them stale
  // (a correction's rebuild still waiting), so the export agrees with its meetings
  const config = await loadConfig(cwd);
  const data = await withStore(cwd, options, io, (db) => exportStore(db), {
    heal: derivationOf(config),
  });
  io.out(JSON.stringify(data, null, 2));
  return 0;
}
