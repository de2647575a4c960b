import type { FastifyInstance } from "fastify";
import type { Queryable } from "../commands/types.js";
import { COOKIE } from "./auth.js";
import { currentVersion } from "../commands/session.js";

/**
 * Readers' GET responses, kept while the store has not changed. Each request asks the
 * store for its version (one tiny query), so a write by any process, through any path,
 * retires every cached response: the cache never serves stale data and no other process
 * needs it.
 */
export function responseCache(app: FastifyInstance, db: Queryable, size = 500): void {
  const entries = new Map<string, { version: string; body: string | Buffer; type: string }>();
  app.addHook("onRequest", async (req, reply) => {
    if (
      req.method !== "GET" ||
      req.viewer.editor ||
      req.url.startsWith("/static/") ||
      req.headers.authorization ||
      req.headers.cookie?.includes(COOKIE)
    )
      return;
    const version = await currentVersion(db);
    (req as unknown as { cacheVersion: string }).cacheVersion = version;
    const hit = entries.get(req.url);
    if (hit && hit.version === version) {
      entries.delete(req.url);
      entries.set(req.url, hit); // most recently used last
      return reply.header("x-cache", "hit").type(hit.type).send(hit.body);
    }
  });
  app.addHook("onSend", async (req, reply, payload) => {
    const version = (req as unknown as { cacheVersion?: string }).cacheVersion;
    if (
      !version ||
      reply.statusCode !== 200 ||
      reply.getHeader("x-cache") ||
      (typeof payload !== "string" && !Buffer.isBuffer(payload))
    )
      return payload;
    entries.set(req.url, {
      version,
      body: payload,
      type: String(reply.getHeader("content-type") ?? "text/plain"),
    });
    if (entries.size > size) entries.delete(entries.keys().next().value!);
    return payload;
  });
}
