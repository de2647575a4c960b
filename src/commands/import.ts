import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { isEmpty, type StoreExport } from "../store/export.js";
import { saveMeeting, type StoredRecord } from "../store/meetings.js";
import { stemmerFor } from "../store/tsvector.js";
import { addDecision } from "../store/people.js";
import { refreshDerived, type Derivation } from "../store/derived.js";
import { readDocument } from "../readers/index.js";
import { extract, storable } from "../extract/pipeline.js";
import { appendCorrections, rewriteMeeting } from "../store/corrections.js";
import { RapporteurError } from "../model/errors.js";
import type { Db } from "../store/db.js";
import type { Io } from "../runtime/io.js";
import { checkExport, decodeContent } from "./import-check.js";
import { withStore, loadConfig, derivationOf, type StoreOptions } from "../runtime/store-access.js";

/**
 * `rapporteur import FILE`: restores an export into an empty store, exactly. Everything
 * is checked before anything is written (see import-check.ts); a damaged file changes
 * nothing.
 */
export async function importCommand(
  cwd: string,
  options: StoreOptions & { file: string },
  io: Io,
): Promise<number> {
  const path = resolve(cwd, options.file);
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, "utf8"));
  } catch (e) {
    throw new RapporteurError(
      "unreadable-file",
      `${options.file}: not a readable export (${String((e as Error).message).split("\n")[0]}); give a file written by rapporteur export`,
    );
  }
  const data = await checkExport(json, options.file);
  const config = await loadConfig(cwd);
  await withStore(cwd, options, io, (db) => importStore(db, data, derivationOf(config)));
  io.err(
    `rapporteur: imported ${data.meetings.length} meeting${data.meetings.length === 1 ? "" : "s"} from ${options.file}`,
  );
  return 0;
}

/** Restores a checked export into an empty store in one transaction, then rebuilds derived data. */
export async function importStore(
  db: Db,
  data: StoreExport,
  derive: Derivation = {},
): Promise<void> {
  if (!(await isEmpty(db)))
    throw new RapporteurError(
      "store-not-empty",
      "the store already holds meetings; import into an empty one (use --data DIR for a new folder, or a new database)",
    );
  const corrected = new Set((data.corrections ?? []).map((c) => c.source));
  await db.transaction(async (tx) => {
    for (const c of data.corrections ?? []) {
      const { source, at, ...change } = c;
      await appendCorrections(tx, source, [change], at);
    }
    for (const [i, d] of data.documents.entries()) {
      const content = decodeContent(d.content);
      const doc = await readDocument(content, d.source);
      // statements are not in the export: they are recomputed from the original
      const full = extract(doc);
      const id = await saveMeeting(
        tx,
        {
          path: d.path,
          source: d.source,
          format: d.format,
          content,
          sha256: d.sha256,
          extractorVersion: d.extractorVersion,
        },
        data.meetings[i] as StoredRecord,
        doc.lines,
        {
          nicknames: full.nicknames,
          statements: full.statements,
          membersOnly: d.membersOnly,
          stemmer: stemmerFor(db),
          replace: false,
          corrections: false,
        },
      );
      // the exported record is the effective one; what extraction reads is kept beside it
      if (corrected.has(d.source)) await rewriteMeeting(tx, id, { extracted: storable(full) });
    }
    for (const dec of data.decisions) await addDecision(tx, dec);
    for (const e of data.actionEvents ?? [])
      await tx.query(
        `INSERT INTO action_events (source, action_key, status, changed_by, changed_at) VALUES ($1, $2, $3, $4, $5)`,
        [e.source, e.key, e.status, e.by, e.at],
      );
  });
  await refreshDerived(db, derive, { force: true });
}
