import type { Db } from "../store/db.js";
import { ingestBytes, refreshDerived } from "./ingest.js";
import type { Derivation } from "../runtime/store-access.js";
import { withReader } from "../runtime/io.js";
import { AlreadyStoredError, RapporteurError, unauthorized } from "../model/errors.js";
import { createHash } from "node:crypto";
import { storedWithContent } from "../store/documents.js";
import type { FullRecord } from "../model/record.js";
import type { Viewer } from "../model/viewer.js";

/** Extracts an upload without saving it: the curate page shows it before an editor saves. */
export async function preview(
  v: Viewer,
  bytes: Uint8Array,
  name: string,
  contentType?: string,
): Promise<FullRecord> {
  if (!v.editor) throw unauthorized();
  return withReader((read) => read(bytes, name, contentType));
}

/** The meeting that already holds these bytes, if any (under whatever name). */
export const alreadyStored = (db: Db, bytes: Uint8Array) =>
  storedWithContent(db, createHash("sha256").update(bytes).digest("hex"));

/** Saves an uploaded report (editors only); returns the meeting id. */
export async function upload(
  db: Db,
  v: Viewer,
  bytes: Uint8Array,
  name: string,
  opts: { contentType?: string; membersOnly?: boolean; derive?: Derivation } = {},
): Promise<number> {
  if (!v.editor) throw unauthorized();
  if (!/^[\w .()+-]{1,200}\.(txt|md|markdown|html?|docx|pdf)$/i.test(name)) {
    throw new RapporteurError(
      "unsupported-format",
      `"${name}": upload a .txt, .md, .html, .docx or .pdf report`,
    );
  }
  // the same content under another name is the same meeting
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const same = await storedWithContent(db, sha256);
  if (same && same.path !== `upload:${name}`) throw new AlreadyStoredError(same.id, same.path);
  const id = await ingestBytes(db, {
    sha256,
    path: `upload:${name}`,
    source: name,
    bytes,
    ...(opts.contentType ? { contentType: opts.contentType } : {}),
    ...(opts.membersOnly !== undefined ? { membersOnly: opts.membersOnly } : {}),
  });
  // what `ingest` rebuilds after its files, with the user's rules and glossary
  await refreshDerived(db, opts.derive ?? {});
  return id;
}
