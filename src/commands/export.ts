import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { z } from "zod";
import { exportStore, isEmpty, type StoreExport } from "../store/export.js";
import { saveMeeting, type StoredRecord } from "../store/meetings.js";
import { stemmerFor } from "../store/tsvector.js";
import { addDecision } from "../store/people.js";
import { refreshDerived, type Derivation } from "../store/derived.js";
import { readDocument } from "../readers/index.js";
import { extract } from "../extract/pipeline.js";
import { MeetingRecord } from "../model/record.js";
import { RapporteurError } from "../model/errors.js";
import type { Io } from "./io.js";
import type { Db } from "../store/db.js";
import { withStore, loadConfig, derivationOf, type StoreOptions } from "./store.js";

/** `rapporteur export --format json`: the whole store as { meetings, people, … }. */
export async function exportCommand(cwd: string, options: StoreOptions & { format?: string }, io: Io): Promise<number> {
  if (options.format && options.format !== "json") throw new RapporteurError("bad-argument", `--format ${options.format}: export writes json`);
  const data = await withStore(cwd, options, io, (db) => exportStore(db));
  io.out(JSON.stringify(data, null, 2));
  return 0;
}

const ExportFile = z.object({
  meetings: z.array(MeetingRecord.passthrough()),
  documents: z.array(z.object({ path: z.string(), source: z.string(), format: z.string(), sha256: z.string(), extractorVersion: z.string(), membersOnly: z.boolean(), content: z.string() })),
  decisions: z.array(z.object({ kind: z.enum(["merge", "split"]), a: z.string(), b: z.string() })).default([]),
});

/** `rapporteur import FILE`: restores an export into an empty store, exactly. */
export async function importCommand(cwd: string, options: StoreOptions & { file: string }, io: Io): Promise<number> {
  const path = resolve(cwd, options.file);
  let json: unknown;
  try { json = JSON.parse(await readFile(path, "utf8")); } catch (e) {
    throw new RapporteurError("unreadable-file", `${options.file}: not a readable export (${String((e as Error).message).split("\n")[0]}); give a file written by rapporteur export`);
  }
  const parsed = ExportFile.safeParse(json);
  if (!parsed.success) throw new RapporteurError("unreadable-file", `${options.file}: not a Rapporteur export (${z.prettifyError(parsed.error).split("\n")[0]})`);
  const data = parsed.data as unknown as StoreExport;
  if (data.meetings.length !== data.documents.length) throw new RapporteurError("unreadable-file", `${options.file}: ${data.meetings.length} meetings but ${data.documents.length} documents; the export is damaged`);
  const config = await loadConfig(cwd);
  await withStore(cwd, options, io, (db) => importStore(db, data, derivationOf(config)));
  io.err(`rapporteur: imported ${data.meetings.length} meeting${data.meetings.length === 1 ? "" : "s"} from ${options.file}`);
  return 0;
}

/** Restores an export into an empty store in one transaction, then rebuilds people. */
export async function importStore(db: Db, data: StoreExport, derive: Derivation = {}): Promise<void> {
    if (!(await isEmpty(db))) throw new RapporteurError("store-not-empty", "the store already holds meetings; import into an empty one (use --data DIR for a new folder, or a new database)");
    await db.transaction(async (tx) => {
      for (const [i, d] of data.documents.entries()) {
        const content = Buffer.from(d.content, "base64");
        const doc = await readDocument(content, d.source);
        // statements are not in the export: they are recomputed from the original
        const full = extract(doc);
        await saveMeeting(tx, { path: d.path, source: d.source, format: d.format, content, sha256: d.sha256, extractorVersion: d.extractorVersion }, data.meetings[i] as StoredRecord, doc.lines, {
          nicknames: full.nicknames, statements: full.statements, membersOnly: d.membersOnly, stemmer: stemmerFor(db), replace: false,
        });
      }
      for (const dec of data.decisions) await addDecision(tx, dec);
    });
    await refreshDerived(db, derive, { force: true });
}
