import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
import { draftFacts } from "../store/draft.js";
import { OWNER } from "../model/viewer.js";
import { renderDraft } from "../render/draft-md.js";
import { RapporteurError } from "../model/errors.js";
import type { Io } from "../runtime/io.js";
import { withStore, type StoreOptions } from "../runtime/store-access.js";

/** `rapporteur draft --group G [--out FILE]`: the next meeting's report skeleton in Markdown. */
export async function draftCommand(cwd: string, options: StoreOptions & { group?: string; out?: string }, io: Io): Promise<number> {
  if (!options.group) throw new RapporteurError("bad-argument", "--group is needed: the group's name or acronym");
  const facts = await withStore(cwd, options, io, (db) => draftFacts(db, OWNER, options.group!));
  if (!facts) throw new RapporteurError("not-found", `--group ${options.group}: no meetings of that group in the store`);
  const md = renderDraft(facts);
  if (options.out) { await writeFile(resolve(cwd, options.out), md); io.err(`rapporteur: wrote ${options.out}`); } else io.out(md);
  return 0;
}
