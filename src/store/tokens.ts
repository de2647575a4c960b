import { createHash, randomBytes } from "node:crypto";
import type { Queryable } from "./db.js";

const hash = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates an editor token; the token itself is returned once and only its hash is kept. */
export async function createToken(db: Queryable, name: string): Promise<string> {
  const token = `rap_${randomBytes(24).toString("base64url")}`;
  await db.query(`INSERT INTO tokens (name, hash) VALUES ($1, $2)`, [name, hash(token)]);
  return token;
}

/** The editor a token belongs to, or null. */
export async function editorFor(
  db: Queryable,
  token: string | undefined | null,
): Promise<string | null> {
  if (!token || token.length > 200) return null;
  const { rows } = await db.query<{ name: string }>(`SELECT name FROM tokens WHERE hash = $1`, [
    hash(token),
  ]);
  return rows[0]?.name ?? null;
}
