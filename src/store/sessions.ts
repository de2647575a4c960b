import { createHash, randomBytes } from "node:crypto";
import type { Queryable } from "./db.js";

const hash = (secret: string) => createHash("sha256").update(secret).digest("hex");
/** How long a login lasts. */
export const SESSION_DAYS = 14;

/**
 * Starts a web session for an editor token: returns the session id for the cookie, or
 * null when the token is not valid. Sessions live in the store, so several servers on
 * one PostgreSQL share them; expired ones are cleared as new ones start.
 */
export async function startSession(
  db: Queryable,
  token: string,
): Promise<{ id: string; editor: string } | null> {
  if (!token || token.length > 200) return null;
  const { rows } = await db.query<{ id: number; name: string }>(
    `SELECT id, name FROM tokens WHERE hash = $1`,
    [hash(token)],
  );
  const t = rows[0];
  if (!t) return null;
  const id = `ses_${randomBytes(24).toString("base64url")}`;
  await db.query(`DELETE FROM sessions WHERE expires_at < now()`);
  await db.query(
    `INSERT INTO sessions (hash, token_id, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))`,
    [hash(id), t.id, SESSION_DAYS],
  );
  return { id, editor: t.name };
}

/** The editor of a live session, or null. */
export async function sessionEditor(
  db: Queryable,
  id: string | undefined | null,
): Promise<string | null> {
  if (!id || id.length > 200) return null;
  const { rows } = await db.query<{ name: string }>(
    `SELECT t.name FROM sessions s JOIN tokens t ON t.id = s.token_id WHERE s.hash = $1 AND s.expires_at > now()`,
    [hash(id)],
  );
  return rows[0]?.name ?? null;
}

/** Ends a session (logout). */
export async function endSession(db: Queryable, id: string | undefined | null): Promise<void> {
  if (id) await db.query(`DELETE FROM sessions WHERE hash = $1`, [hash(id)]);
}
