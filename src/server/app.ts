import Fastify, { type FastifyInstance } from "fastify";
import helmet from "@fastify/helmet";
import cookie from "@fastify/cookie";
import formbody from "@fastify/formbody";
import multipart from "@fastify/multipart";
import swagger, { type SwaggerTransformObject } from "@fastify/swagger";
import rateLimit from "@fastify/rate-limit";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { AppDeps } from "./deps.js";
export type { AppDeps } from "./deps.js";
import type { Viewer } from "../model/viewer.js";
import { MAX_BYTES } from "../runtime/io.js";
import { toHttpError } from "./errors.js";
import { responseCache } from "./cache.js";
import { COMPONENTS } from "./openapi.js";
import { requestIdentity, writeGuard, failedTokenLimit, type Identity } from "./auth.js";
import { RapporteurError } from "../model/errors.js";
import { apiRoutes } from "./routes/api.js";
import { PostingCache } from "../store/posting-cache.js";
import { pageRoutes } from "./routes/pages.js";
import { curateRoutes } from "./routes/curate.js";
import { correctionRoutes } from "./routes/corrections.js";
import { layout } from "./pages/layout.js";
import { refreshLater } from "../runtime/refresh-later.js";
import { messageView } from "./pages/views.js";

declare module "fastify" {
  interface FastifyRequest {
    viewer: Viewer;
    identity: Identity;
  }
  interface FastifyInstance {
    routeList: () => { url: string; methods: string[] }[];
    /** Rebuild people soon (after corrections that change who attended or spoke). */
    refreshSoon: { schedule: () => void; flush: () => Promise<void> };
  }
}

const STATIC = fileURLToPath(new URL("../../static/", import.meta.url));
const ASSETS: Record<string, string> = {
  "app.css": "text/css; charset=utf-8",
  "app.js": "text/javascript; charset=utf-8",
};

/**
 * The web app and JSON API. What the process keeps (responses, posting lists) is checked
 * against the store's version on every request, so several servers can share one PostgreSQL.
 */
export async function buildApp(given: AppDeps): Promise<FastifyInstance> {
  // a server runs long: the posting lists its searches read are worth keeping
  const deps = { ...given, lists: given.lists ?? new PostingCache() };
  const app = Fastify({ logger: deps.logger ?? false, bodyLimit: MAX_BYTES });
  // zod validates inside each route (errors name the field); the JSON Schemas are for the docs
  app.setValidatorCompiler(() => (data: unknown) => ({ value: data }));
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:"],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
        baseUri: ["'none'"],
        // the app is often served on plain http inside an organisation's network
        upgradeInsecureRequests: null,
      },
    },
    // our own pages still name their origin on a form post (the write guard checks it)
    referrerPolicy: { policy: "same-origin" },
  });
  await app.register(cookie);
  await app.register(formbody);
  await app.register(multipart, {
    limits: { fileSize: MAX_BYTES, files: 1 },
    throwFileSizeLimit: true,
  });
  // handlers parse with zod and answer plain JSON: route schemas are documentation only
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "Rapporteur API",
        version: "1.0.0",
        description:
          "Meetings, people, search, actions and findings from working-group summary reports. Writes need an editor token: Authorization: Bearer <token>.",
      },
      components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
    },
    // the named schemas the operations refer to (see openapi.ts)
    transformObject: (d) => {
      const doc = (d as { openapiObject: { components?: { schemas?: object } } }).openapiObject;
      return {
        ...doc,
        components: { ...doc.components, schemas: { ...doc.components?.schemas, ...COMPONENTS } },
      } as ReturnType<SwaggerTransformObject>;
    },
  });
  // rate limits are per route (the login form) and for failed bearer tokens, not global
  await app.register(rateLimit, { global: false });
  const tokens = failedTokenLimit(app);
  app.decorateRequest("viewer", null as unknown as Viewer);
  app.decorateRequest("identity", null as unknown as Identity);
  app.addHook("onRequest", async (req, reply) => {
    if (req.url.startsWith("/static/")) {
      req.identity = { editor: null, via: null, badBearer: false };
      req.viewer = { editor: null };
      return;
    }
    tokens.before(req, reply);
    req.identity = await requestIdentity(deps.db, req);
    await tokens.after(req, reply, req.identity);
    req.viewer = { editor: req.identity.editor };
  });
  writeGuard(app, (req) => req.identity);
  const routes = routeTable(app);
  app.decorate("routeList", routes.list);
  app.decorate(
    "refreshSoon",
    refreshLater(deps.db, { classify: deps.classify, glossary: deps.glossary }),
  );
  app.addHook("onClose", async () => app.refreshSoon.flush());
  if (deps.cache !== false) responseCache(app, deps.db);
  app.setErrorHandler((err, req, reply) => {
    const { status, body } = toHttpError(err);
    if (status >= 500) {
      // logged even when the request logger is off, with the id the answer gives
      if (deps.logger) req.log.error(err);
      else
        process.stderr.write(
          `rapporteur serve: ${req.method} ${req.url} failed (request ${req.id}): ${(err as Error)?.stack ?? String(err)}\n`,
        );
      body.message = `${body.message} (request ${req.id})`;
    }
    if (req.url.startsWith("/api/")) return reply.code(status).send(body);
    return reply
      .code(status)
      .type("text/html; charset=utf-8")
      .send(
        layout({
          title: "Problem",
          editor: req.viewer?.editor ?? null,
          body: messageView(status === 404 ? "Not found" : "Something is wrong", body.message),
        }),
      );
  });
  app.setNotFoundHandler((req, reply) => {
    // a known path asked with another method: 405 with the methods it takes
    const allow = routes.methodsFor(req.url.split("?")[0]!);
    if (allow.length) {
      reply.header("allow", allow.join(", "));
      throw new RapporteurError(
        "method-not-allowed",
        `${req.method} is not allowed on ${req.url.split("?")[0]}; it takes ${allow.join(", ")}`,
      );
    }
    const body = {
      error: "not-found",
      message: `${req.url} is not a page or API route of Rapporteur`,
    };
    if (req.url.startsWith("/api/")) return reply.code(404).send(body);
    return reply
      .code(404)
      .type("text/html; charset=utf-8")
      .send(
        layout({
          title: "Not found",
          editor: req.viewer?.editor ?? null,
          body: messageView("Not found", body.message),
        }),
      );
  });

  app.get("/static/:file", { schema: { hide: true } }, async (req, reply) => {
    const file = (req.params as { file: string }).file;
    if (!ASSETS[file]) return reply.callNotFound();
    return reply
      .type(ASSETS[file])
      .header("cache-control", "public, max-age=3600")
      .send(await readFile(STATIC + file));
  });
  await apiRoutes(app, deps);
  await pageRoutes(app, deps);
  await curateRoutes(app, deps);
  await correctionRoutes(app, deps);
  app.get("/api/docs", { schema: { hide: true } }, async () => app.swagger());
  app.get("/healthz", { schema: { hide: true } }, async () => ({ ok: true }));
  return app;
}

/** Every route's path pattern and methods, to tell a wrong method (405) from a wrong path. */
function routeTable(app: FastifyInstance): {
  methodsFor: (path: string) => string[];
  list: () => { url: string; methods: string[] }[];
} {
  const routes: { re: RegExp; methods: string[]; url: string }[] = [];
  app.addHook("onRoute", (r) => {
    const methods = (Array.isArray(r.method) ? r.method : [r.method]).filter((m) => m !== "HEAD");
    const re = new RegExp(
      `^${r.url
        .split("/")
        .map((part) =>
          part.startsWith(":")
            ? "[^/]+"
            : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\.:\w+/g, "\\.[^/]+"),
        )
        .join("/")}$`,
    );
    routes.push({ re, methods, url: r.url });
  });
  return {
    methodsFor: (path) =>
      [...new Set(routes.filter((r) => r.re.test(path)).flatMap((r) => r.methods))].sort(),
    list: () => routes.map(({ url, methods }) => ({ url, methods })),
  };
}
