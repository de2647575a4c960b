import Fastify, { type FastifyInstance } from "fastify";
import helmet from "@fastify/helmet";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Db } from "../store/db.js";
import type { Viewer } from "../store/read.js";
import type { StakeholderGroup } from "../resolve/stakeholders.js";
import type { Definition } from "../resolve/glossary.js";
import { MAX_BYTES } from "../commands/io.js";
import { toHttpError } from "./errors.js";
import { responseCache } from "./cache.js";
import { requestEditor } from "./auth.js";
import { apiRoutes } from "./routes/api.js";
import { pageRoutes } from "./routes/pages.js";
import { curateRoutes } from "./routes/curate.js";
import { layout } from "./pages/layout.js";
import { messageView } from "./pages/views.js";

declare module "fastify" {
  interface FastifyRequest { viewer: Viewer }
}

/** What the server needs from outside: the store, the stakeholder rules, the clock. */
export interface AppDeps {
  db: Db;
  classify?: (affiliation: string | null) => StakeholderGroup | null;
  /** The user's glossary (rapporteur.config.json), kept when an upload rebuilds the glossary. */
  glossary?: Definition[];
  now: () => Date;
  logger?: boolean;
  /** Keep readers' responses while the store is unchanged (default on). */
  cache?: boolean;
}

const STATIC = fileURLToPath(new URL("../../static/", import.meta.url));
const ASSETS: Record<string, string> = { "app.css": "text/css; charset=utf-8", "app.js": "text/javascript; charset=utf-8" };

/**
 * The web app and JSON API. No state lives in the process: every request reads the store,
 * so several servers can share one PostgreSQL.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: MAX_BYTES });
  // zod validates inside each route (errors name the field); the JSON Schemas are for the docs
  app.setValidatorCompiler(() => (data) => ({ value: data }));
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"], scriptSrc: ["'self'"], styleSrc: ["'self'", "'unsafe-inline'"], imgSrc: ["'self'", "data:"],
        objectSrc: ["'none'"], frameAncestors: ["'none'"], formAction: ["'self'"], baseUri: ["'none'"],
        // the app is often served on plain http inside an organisation's network
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, { limits: { fileSize: MAX_BYTES, files: 1 }, throwFileSizeLimit: true });
  await app.register(swagger, {
    openapi: {
      info: { title: "Rapporteur API", version: "1.0.0", description: "Meetings, people, search, actions and findings from working-group summary reports. Writes need an editor token: Authorization: Bearer <token>." },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    },
  });
  app.decorateRequest("viewer", null as unknown as Viewer);
  app.addHook("onRequest", async (req) => {
    req.viewer = { editor: req.url.startsWith("/static/") ? null : await requestEditor(deps.db, req) };
  });
  if (deps.cache !== false) responseCache(app, deps.db);
  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toHttpError(err);
    if (status >= 500) req.log.error(err);
    if (req.url.startsWith("/api/")) return reply.code(status).send(body);
    return reply.code(status).type("text/html; charset=utf-8").send(layout({ title: "Problem", editor: req.viewer?.editor ?? null, body: messageView(status === 404 ? "Not found" : "Something is wrong", body.message) }));
  });
  app.setNotFoundHandler((req, reply) => {
    const body = { error: "not-found", message: `${req.url} is not a page or API route of Rapporteur` };
    if (req.url.startsWith("/api/")) return reply.code(404).send(body);
    return reply.code(404).type("text/html; charset=utf-8").send(layout({ title: "Not found", editor: req.viewer?.editor ?? null, body: messageView("Not found", body.message) }));
  });

  app.get("/static/:file", { schema: { hide: true } as object }, async (req, reply) => {
    const file = (req.params as { file: string }).file;
    if (!ASSETS[file]) return reply.callNotFound();
    return reply.type(ASSETS[file]!).header("cache-control", "public, max-age=3600").send(await readFile(STATIC + file));
  });
  await apiRoutes(app, deps);
  await pageRoutes(app, deps);
  await curateRoutes(app, deps);
  app.get("/api/docs", { schema: { hide: true } as object }, async () => app.swagger());
  app.get("/healthz", { schema: { hide: true } as object }, async () => ({ ok: true }));
  return app;
}
