import { OWNER } from "../model/viewer.js";
import { search, type SearchQuery } from "../store/search.js";
import { RapporteurError } from "../model/errors.js";
import type { Io } from "../runtime/io.js";
import { withStore, type StoreOptions } from "../runtime/store-access.js";
import { formatWhen } from "../render/digest-md.js";

/** `rapporteur search QUERY [--person] [--group] [--from] [--to] [--format text|json]`. */
export async function searchCommand(cwd: string, options: StoreOptions & SearchQuery & { format?: string }, io: Io): Promise<number> {
  if (options.format && options.format !== "text" && options.format !== "json") throw new RapporteurError("bad-argument", `--format ${options.format}: use text or json`);
  const hits = await withStore(cwd, options, io, (db) => search(db, OWNER, { ...options }));
  if (options.format === "json") { io.out(JSON.stringify(hits, null, 2)); return 0; }
  if (!hits.length) { io.out(`No matches for "${options.q}".`); return 0; }
  for (const [i, h] of hits.entries()) {
    const where = [h.group, h.number !== null ? `meeting ${h.number}` : null, formatWhen(h.start)].filter(Boolean).join(", ");
    io.out(`${i + 1}. ${h.title}${h.kind === "agenda" ? " (agenda item)" : ""} — ${where}`);
    io.out(`   ${h.source}:${h.line ?? "?"}-${h.endLine ?? "?"}${h.speakers.length ? `  speakers: ${h.speakers.join(", ")}` : ""}`);
    io.out(`   ${h.snippet.replace(/«/g, "[").replace(/»/g, "]")}`);
  }
  return 0;
}
