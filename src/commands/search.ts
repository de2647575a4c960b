import type { z } from "zod";
import { OWNER, type Viewer } from "../model/viewer.js";
import type { Db } from "../store/db.js";
import { search, type SearchHit } from "../store/search.js";
import type { PostingCache } from "../store/posting-cache.js";
import { parseInput, SearchInput } from "./inputs.js";
import { RapporteurError } from "../model/errors.js";
import type { Io } from "../runtime/io.js";
import { withStore, type StoreOptions } from "../runtime/store-access.js";
import { formatWhen } from "../render/digest-md.js";

export type { SearchHit } from "../store/search.js";

/** Ranked full-text search over what the viewer may see (`lists`: a server's kept postings). */
export const find = (
  db: Db,
  v: Viewer,
  q: z.infer<typeof SearchInput>,
  lists?: PostingCache,
): Promise<SearchHit[]> => search(db, v, q, lists);

/** `rapporteur search QUERY [--person] [--group] [--from] [--to] [--format text|json]`. */
export async function searchCommand(
  cwd: string,
  options: StoreOptions & {
    q: string;
    person?: string;
    group?: string;
    from?: string;
    to?: string;
    format?: string;
  },
  io: Io,
): Promise<number> {
  if (options.format && options.format !== "text" && options.format !== "json")
    throw new RapporteurError("bad-argument", `--format ${options.format}: use text or json`);
  const q = parseInput(
    SearchInput,
    {
      q: options.q,
      person: options.person,
      group: options.group,
      from: options.from,
      to: options.to,
    },
    "cli",
  );
  const hits = await withStore(cwd, options, io, (db) => find(db, OWNER, q));
  if (options.format === "json") {
    io.out(JSON.stringify(hits, null, 2));
    return 0;
  }
  if (!hits.length) {
    io.out(`No matches for "${options.q}".`);
    return 0;
  }
  for (const [i, h] of hits.entries()) {
    const where = [h.group, h.number !== null ? `meeting ${h.number}` : null, formatWhen(h.start)]
      .filter(Boolean)
      .join(", ");
    io.out(`${i + 1}. ${h.title}${h.kind === "agenda" ? " (agenda item)" : ""} — ${where}`);
    io.out(
      `   ${h.source}:${h.line ?? "?"}-${h.endLine ?? "?"}${h.speakers.length ? `  speakers: ${h.speakers.join(", ")}` : ""}`,
    );
    io.out(`   ${h.snippet.replace(/«/g, "[").replace(/»/g, "]")}`);
  }
  return 0;
}
