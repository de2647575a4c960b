import type { Queryable } from "./db.js";

/** The store's version, bumped by a trigger on every write that readers could see. */
export async function storeVersion(db: Queryable): Promise<string> {
  const { rows } = await db.query<{ version: string }>(
    `SELECT version::text AS version FROM store_version WHERE id = 1`,
  );
  return rows[0]?.version ?? "0";
}
