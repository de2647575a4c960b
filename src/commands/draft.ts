import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { draftFacts } from "../store/draft.js";
import { OWNER, type Viewer } from "../model/viewer.js";
import type { Db } from "../store/db.js";
import { noGroup } from "../model/errors.js";
import { renderDraft } from "../render/draft-md.js";
import { RapporteurError } from "../model/errors.js";
import type { Io } from "../runtime/io.js";
import { withStore, type StoreOptions } from "../runtime/store-access.js";

/** `rapporteur draft --group G [--out FILE]`: the next meeting's report skeleton in Markdown. */
export async function draftCommand(
  cwd: string,
  options: StoreOptions & { group?: string; out?: string },
  io: Io,
): Promise<number> {
  if (!options.group)
    throw new RapporteurError("bad-argument", "--group is needed: the group's name or acronym");
  const md = await withStore(cwd, options, io, (db) => draft(db, OWNER, options.group!));
  if (options.out) {
    await writeFile(resolve(cwd, options.out), md);
    io.err(`rapporteur: wrote ${options.out}`);
  } else io.out(md);
  return 0;
}

/** The next meeting's skeleton for a group, from the meetings the viewer may see. */
export async function draft(db: Db, v: Viewer, group: string): Promise<string> {
  const facts = await draftFacts(db, v, group);
  if (!facts) throw noGroup(group);
  return renderDraft(facts);
}
