import type { z } from "zod";
import type { Db } from "../store/db.js";
import { listActions, type ActionRow } from "../store/read.js";
import { recordActionStatus } from "../store/meetings.js";
import { unauthorized } from "../model/errors.js";
import { OWNER, type Viewer } from "../model/viewer.js";
import type { ActionsInput, ActionStatusInput } from "./inputs.js";
import { nameKey } from "../resolve/people.js";
import { RapporteurError } from "../model/errors.js";
import { formatWhen } from "../render/digest-md.js";
import type { Io } from "../runtime/io.js";
import { withStore, type StoreOptions } from "../runtime/store-access.js";
import { ACTION_FILTERS, isActionFilter, isOverdue, matchesFilter } from "../model/actions.js";

export interface ActionsOptions extends StoreOptions {
  group?: string;
  status?: string;
  owner?: string;
  format?: string;
}

/** `rapporteur actions`: every action with status, owner and due date; overdue is computed now. */
export async function actionsCommand(
  cwd: string,
  options: ActionsOptions,
  io: Io,
  now = new Date(),
): Promise<number> {
  if (options.status && !isActionFilter(options.status))
    throw new RapporteurError(
      "bad-argument",
      `--status ${options.status}: use ${ACTION_FILTERS.join(", ")}`,
    );
  const today = now.toISOString().slice(0, 10);
  const all = await withStore(cwd, options, io, (db) =>
    actions(
      db,
      OWNER,
      { group: options.group, status: options.status as z.infer<typeof ActionsInput>["status"] },
      today,
    ),
  );
  const rows = all.filter(
    (a) =>
      !options.owner || (a.owner !== null && nameKey(a.owner).includes(nameKey(options.owner))),
  );
  if (options.format === "json") {
    io.out(JSON.stringify(rows, null, 2));
    return 0;
  }
  if (!rows.length) {
    io.out("No actions match.");
    return 0;
  }
  for (const a of rows) {
    io.out(`[${a.overdue ? "overdue" : a.status}] ${a.text}`);
    io.out(
      `    owner: ${a.owner ?? "not named"} · due: ${formatWhen(a.due)} · ${a.group ?? a.source}, ${formatWhen(a.start)}`,
    );
  }
  return 0;
}

export type { ActionRow } from "../store/read.js";

/** Actions the viewer may see, with their status and whether they are overdue today. */
export async function actions(
  db: Db,
  v: Viewer,
  f: z.infer<typeof ActionsInput>,
  today: string,
): Promise<(ActionRow & { overdue: boolean })[]> {
  const all = await listActions(db, v, { group: f.group });
  return all
    .map((a) => ({ ...a, overdue: isOverdue(a, today) }))
    .filter((a) => matchesFilter(a, f.status, today));
}

/** Sets an action's status (editors only); the history of changes is kept. */
export async function setActionStatus(
  db: Db,
  v: Viewer,
  input: z.infer<typeof ActionStatusInput>,
): Promise<void> {
  if (!v.editor) throw unauthorized();
  await recordActionStatus(db, input.source, input.key, input.status, v.editor);
}
