import "@fastify/cookie";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { Queryable } from "../commands/types.js";
import { editorOfToken, editorOfSession } from "../commands/session.js";
import { RapporteurError, unauthorized } from "../model/errors.js";

/** The login cookie: a session id (the editor's token never leaves the login form). */
export const COOKIE = "rapporteur_session";

/** Who is behind a request, and how they said so. */
export interface Identity {
  editor: string | null;
  via: "bearer" | "cookie" | null;
  badBearer: boolean;
}

/** The editor behind a request: a bearer token header, or the session cookie. */
export async function requestIdentity(db: Queryable, req: FastifyRequest): Promise<Identity> {
  const header = req.headers.authorization;
  if (header?.startsWith("Bearer ")) {
    const editor = await editorOfToken(db, header.slice(7).trim());
    return { editor, via: editor ? "bearer" : null, badBearer: !editor };
  }
  const cookie = (req.cookies as Record<string, string | undefined> | undefined)?.[COOKIE];
  const editor = cookie ? await editorOfSession(db, cookie) : null;
  return { editor, via: editor ? "cookie" : null, badBearer: false };
}

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * Guards every write before its body is read: a write needs an editor (401 at once, so an
 * anonymous 14 MB upload is never buffered), and a write carried by the login cookie
 * (or a login itself) must come from this site's own pages: a browser names the page's
 * origin (Origin, Sec-Fetch-Site), and another site, or another port of this host, is
 * refused with 403. Bearer-token clients send no cookie and need no such check.
 */
export function writeGuard(
  app: FastifyInstance,
  identity: (req: FastifyRequest) => Identity,
): void {
  app.addHook("onRequest", async (req) => {
    if (!UNSAFE.has(req.method)) return;
    const path = req.url.split("?")[0]!;
    const who = identity(req);
    if (path === "/login" || who.via === "cookie") checkOrigin(req);
    if (path !== "/login" && !who.editor) throw unauthorized();
  });
}

function checkOrigin(req: FastifyRequest): void {
  // a browser that says where the request comes from is believed (it may send "Origin:
  // null" from a page whose referrer policy hides it); otherwise the Origin must be ours
  const site = req.headers["sec-fetch-site"];
  if (typeof site === "string") {
    if (site === "same-origin" || site === "none") return;
    throw crossSite(`Sec-Fetch-Site: ${site}`);
  }
  const origin = req.headers.origin;
  if (origin === undefined) return;
  const own = `${req.protocol}://${req.headers.host ?? ""}`;
  if (origin !== own) throw crossSite(`Origin ${origin}`);
}

const crossSite = (what: string) =>
  new RapporteurError(
    "forbidden",
    `this form was sent from another site (${what}); use Rapporteur's own pages, or an API client with Authorization: Bearer TOKEN`,
  );

/**
 * Failed bearer tokens are limited per address: past `max` failures in a minute the
 * address gets 429 before any token is checked, until the minute is over.
 */
export function failedTokenLimit(
  app: FastifyInstance,
  max = 20,
): {
  before: (req: FastifyRequest, reply: FastifyReply) => void;
  after: (req: FastifyRequest, reply: FastifyReply, identity: Identity) => Promise<void>;
} {
  const count = app.createRateLimit({ max, timeWindow: 60_000 });
  const blocked = new Map<string, number>();
  return {
    before(req, reply) {
      const until = blocked.get(req.ip);
      if (!until || !req.headers.authorization) return;
      if (until > Date.now()) throw tooMany(reply, until);
      blocked.delete(req.ip);
    },
    async after(req, reply, identity) {
      if (!identity.badBearer) return;
      const r = await count(req);
      if (!r.isAllowed && r.isExceeded) {
        const end = Date.now() + r.ttl;
        blocked.set(req.ip, end);
        throw tooMany(reply, end);
      }
    },
  };
}

function tooMany(reply: FastifyReply, until: number): RapporteurError {
  const seconds = Math.max(1, Math.ceil((until - Date.now()) / 1000));
  reply.header("retry-after", String(seconds));
  return new RapporteurError(
    "too-many-requests",
    `too many wrong tokens from this address; wait ${seconds} s and check the token`,
  );
}
