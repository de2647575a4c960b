import type { Queryable } from "./db.js";

/** A stored original, as re-extraction reads it back. */
export interface StoredDocument {
  path: string;
  source: string;
  content: Uint8Array | null;
  text: string;
  sha256: string;
}
/** What ingest compares a file with: its content hash and the extractor that read it. */
export interface DocumentState {
  path: string;
  sha256: string;
  extractor_version: string;
}

/** Every stored document's id, in the order they were stored. */
export async function documentIds(db: Queryable): Promise<number[]> {
  return (await db.query<{ id: number }>(`SELECT id FROM documents ORDER BY id`)).rows.map(
    (r) => r.id,
  );
}

/** Some stored documents by id (a page at a time: a big store's originals are large). */
export async function documentsById(
  db: Queryable,
  ids: readonly number[],
): Promise<StoredDocument[]> {
  return (
    await db.query<StoredDocument>(
      `SELECT path, source, content, text, sha256 FROM documents WHERE id = ANY($1::int[]) ORDER BY id`,
      [ids],
    )
  ).rows;
}

/** The state of every stored document (or of one path). */
export async function documentStates(db: Queryable, path?: string): Promise<DocumentState[]> {
  return path === undefined
    ? (await db.query<DocumentState>(`SELECT path, sha256, extractor_version FROM documents`)).rows
    : (
        await db.query<DocumentState>(
          `SELECT path, sha256, extractor_version FROM documents WHERE path = $1`,
          [path],
        )
      ).rows;
}

/** The meeting (and its document's path) holding content with this hash, if any. */
export async function storedWithContent(
  db: Queryable,
  sha256: string,
): Promise<{ id: number; path: string } | null> {
  const { rows } = await db.query<{ id: number; path: string }>(
    `SELECT m.id, d.path FROM documents d JOIN meetings m ON m.document_id = d.id WHERE d.sha256 = $1 ORDER BY m.id LIMIT 1`,
    [sha256],
  );
  return rows[0] ?? null;
}
