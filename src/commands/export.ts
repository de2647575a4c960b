import { exportStore } from "../store/export.js";
import { RapporteurError } from "../model/errors.js";
import type { Io } from "../runtime/io.js";
import { withStore, type StoreOptions } from "../runtime/store-access.js";

/** `rapporteur export --format json`: the whole store as { meetings, people, … }. */
export async function exportCommand(
  cwd: string,
  options: StoreOptions & { format?: string },
  io: Io,
): Promise<number> {
  if (options.format && options.format !== "json")
    throw new RapporteurError("bad-argument", `--format ${options.format}: export writes json`);
  const data = await withStore(cwd, options, io, (db) => exportStore(db));
  io.out(JSON.stringify(data, null, 2));
  return 0;
}
