import "@fastify/cookie";
import type { FastifyRequest } from "fastify";
import type { Queryable } from "../store/db.js";
import { editorFor } from "../store/tokens.js";

export const COOKIE = "rapporteur_token";

/** The editor behind a request: a bearer token header, or the login cookie. Null for readers. */
export async function requestEditor(db: Queryable, req: FastifyRequest): Promise<string | null> {
  const header = req.headers.authorization;
  const bearer = header?.startsWith("Bearer ") ? header.slice(7).trim() : null;
  const cookie = (req.cookies as Record<string, string | undefined> | undefined)?.[COOKIE];
  return editorFor(db, bearer ?? cookie ?? null);
}
