import type { z } from "zod";
import type { Db } from "../store/db.js";
import { listDecisions, type DecisionRow } from "../store/decisions.js";
import type { Viewer } from "../model/viewer.js";
import { OWNER } from "../model/viewer.js";
import type { Io } from "../runtime/io.js";
import { withStore, type StoreOptions } from "../runtime/store-access.js";
import { parseInput, DecisionsInput } from "./inputs.js";

export type { DecisionRow } from "../store/decisions.js";

/** The decisions register of the meetings the viewer may see, optionally of one group. */
export const decisions = (
  db: Db,
  v: Viewer,
  f: z.infer<typeof DecisionsInput>,
): Promise<DecisionRow[]> => listDecisions(db, v, f);

/** `rapporteur decisions [--group G] [--format text|json]`: the decisions register. */
export async function decisionsCommand(
  cwd: string,
  options: StoreOptions & { group?: string; format?: string },
  io: Io,
): Promise<number> {
  const f = parseInput(DecisionsInput, { group: options.group }, "cli");
  const rows = await withStore(cwd, options, io, (db) => decisions(db, OWNER, f));
  if (options.format === "json") io.out(JSON.stringify(rows, null, 2));
  else if (!rows.length) io.out(`No decisions${f.group ? ` for ${f.group}` : ""}.`);
  else
    for (const d of rows)
      io.out(
        `${(d.start ?? "").slice(0, 10) || "undated"}  ${d.group ?? d.source}${d.number !== null ? ` ${d.number}` : ""}: ${d.text}  (${d.source}${d.line ? `:${d.line}` : ""})`,
      );
  return 0;
}
