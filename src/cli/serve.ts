import type { FastifyInstance } from "fastify";
import { locate, type Db } from "../store/db.js";
import type { PgliteDb } from "../store/pglite/index.js";
import { shareStore } from "../runtime/shared-store.js";
import { listenForCommands } from "../runtime/command-channel.js";
import { runStoreCommand } from "../commands/registry.js";
import { openStore } from "../store/open.js";
import { isEmpty } from "../store/export.js";
import { buildApp } from "../server/app.js";
import { RapporteurError } from "../model/errors.js";
import { exampleReports } from "../commands/demo.js";
import { ingestFiles, type IngestSummary } from "../commands/ingest.js";
import {
  loadConfig,
  derivationOf,
  healDerived,
  type StoreOptions,
} from "../runtime/store-access.js";
import type { Io } from "../runtime/io.js";

/** The embedded server's buffer cache while serving, in MB (ingest keeps 16). */
const SERVE_CACHE_MB = 128;

export interface ServeOptions extends StoreOptions {
  port?: number | undefined;
  host?: string | undefined;
  withExamples?: boolean | undefined;
}

/**
 * `rapporteur serve`: the web app and API. With --with-examples (what `npm start` uses)
 * an empty store first gets the bundled example reports. Runs until stopped. An embedded
 * store is held for the server's life; other commands on it are carried out here.
 */
export async function serveCommand(
  cwd: string,
  options: ServeOptions,
  io: Io,
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ close(): Promise<void>; url: string }> {
  const port = options.port ?? Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new RapporteurError(
      "bad-argument",
      `--port ${options.port}: give a port number from 1 to 65535`,
    );
  const derive = derivationOf(await loadConfig(cwd));
  const loc = locate(options, env, cwd);
  // A server reads more than it writes: a bigger buffer cache saves the embedded server a
  // file read per page (measured at 10,000 reports: 1.6x the uncached searches a second).
  const db = await openStore({ ...loc, cacheMb: SERVE_CACHE_MB, threaded: true }, (m) =>
    io.err(`rapporteur: ${m}`),
  );
  let app: FastifyInstance | null = null;
  let channel: { close(): Promise<void> } | null = null;
  const close = async () => {
    await channel?.close();
    await app?.close();
    await db.close();
  };
  try {
    if (options.withExamples && (await isEmpty(db))) {
      const summary: IngestSummary = { new: 0, updated: 0, unchanged: 0, failed: [] };
      await ingestFiles(db, await exampleReports(), summary);
      io.err(`rapporteur: first run: added ${summary.new} example reports to the store`);
    }
    await healDerived(db, derive, io);
    app = await buildApp({
      db,
      ...derive,
      now: () => new Date(),
      cache: env.RAPPORTEUR_NO_CACHE !== "1",
    });
    const host = options.host ?? "127.0.0.1";
    await listen(app, port, host);
    const addr = app.server.address();
    const url = `http://${host}:${typeof addr === "object" && addr ? addr.port : port}/`;
    if (loc.dataDir) channel = await openChannel(loc.dataDir, db);
    io.err(`rapporteur: serving ${url} (API docs at ${url}api/docs); stop with Ctrl-C`);
    return { url, close };
  } catch (e) {
    await close().catch(() => undefined);
    throw e;
  }
}

async function listen(app: FastifyInstance, port: number, host: string): Promise<void> {
  try {
    await app.listen({ port, host });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "EADDRINUSE") throw e;
    throw new RapporteurError(
      "bad-argument",
      `port ${port} on ${host} is already in use (another server?); stop it, or choose another with --port N`,
    );
  }
}

/** Lends the store to commands run in this process and takes other processes' commands. */
async function openChannel(dataDir: string, db: Db): Promise<{ close(): Promise<void> }> {
  const unshare = shareStore(dataDir, db);
  const listener = await listenForCommands(dataDir, (req, io, progress) =>
    runStoreCommand(req.command, req.cwd, req.options, io, progress),
  );
  (db as PgliteDb).lock?.update({ socket: listener.socket });
  return {
    close: async () => {
      await listener.close();
      unshare();
    },
  };
}
