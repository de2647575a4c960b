import { createConnection, createServer, type Server, type Socket } from "node:net";
import { chmodSync, mkdtempSync, rmSync, unlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { RapporteurError, isRapporteurError, type ErrorCode } from "../model/errors.js";
import type { Io } from "./io.js";
import type { Progress } from "./progress.js";

/**
 * While `serve` holds an embedded store, other commands on that store are carried out by
 * the server: the CLI sends the command over a Unix socket that only the same OS user can
 * reach (mode 0600, in the store's folder, itself 0700), and the server runs it on the
 * store it already holds, sending back the output, the progress and the exit status.
 * The command gets the rights it would have on the files: no token, members-only
 * meetings included. Messages are JSON, one per line.
 */
export interface CommandRequest {
  v: 1;
  command: string;
  cwd: string;
  options: Record<string, unknown>;
}

type Reply =
  | { out: string }
  | { err: string }
  | { progress: "start"; total: number }
  | { progress: "tick"; label: string }
  | { progress: "stop" }
  | { exit: number }
  | { error: { code: ErrorCode | null; message: string } };

/** Runs one named command (the server passes its command table). */
export type CommandRunner = (req: CommandRequest, io: Io, progress: Progress) => Promise<number>;

// Unix socket paths are limited to about 100 bytes; a store in a deep folder gets its
// socket in a private temporary folder instead (its path is written in the lock).
const MAX_SOCKET_PATH = 100;

/** Starts taking commands for the store in `dataDir`; returns the socket's path and a stop function. */
export async function listenForCommands(
  dataDir: string,
  run: CommandRunner,
): Promise<{ socket: string; close(): Promise<void> }> {
  let socket = join(dataDir, "rapporteur.sock");
  let privateDir: string | null = null;
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH) {
    privateDir = mkdtempSync(join(tmpdir(), "rapporteur-"));
    socket = join(privateDir, "rapporteur.sock");
  }
  try {
    unlinkSync(socket);
  } catch {
    /* none left from a killed server */
  }
  const server = createServer((conn) => void serveConnection(conn, run));
  const umask = process.umask(0o177);
  try {
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(socket, () => resolve());
    });
  } finally {
    process.umask(umask);
  }
  chmodSync(socket, 0o600);
  server.unref();
  return {
    socket,
    close: () => closeServer(server, socket, privateDir),
  };
}

async function closeServer(
  server: Server,
  socket: string,
  privateDir: string | null,
): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  try {
    unlinkSync(socket);
  } catch {
    /* gone */
  }
  if (privateDir) rmSync(privateDir, { recursive: true, force: true });
}

async function serveConnection(conn: Socket, run: CommandRunner): Promise<void> {
  conn.on("error", () => undefined); // the client went away: the command still finishes
  const send = (m: Reply) => {
    if (!conn.destroyed) conn.write(JSON.stringify(m) + "\n");
  };
  const lines = createInterface({ input: conn });
  const first = await new Promise<string | null>((resolve) => {
    lines.once("line", resolve);
    lines.once("close", () => resolve(null));
  });
  lines.close();
  if (first === null) return;
  let req: CommandRequest;
  try {
    req = JSON.parse(first) as CommandRequest;
    if (req.v !== 1 || typeof req.command !== "string" || typeof req.cwd !== "string")
      throw new Error("bad request");
  } catch {
    send({
      error: {
        code: "bad-argument",
        message:
          "the server could not read the command; are the CLI and the server the same version?",
      },
    });
    conn.end();
    return;
  }
  const io: Io = { out: (text) => send({ out: text }), err: (text) => send({ err: text }) };
  const progress: Progress = {
    start: (total) => send({ progress: "start", total }),
    tick: (label) => send({ progress: "tick", label }),
    stop: () => send({ progress: "stop" }),
  };
  try {
    send({ exit: await run(req, io, progress) });
  } catch (e) {
    send({
      error: isRapporteurError(e)
        ? { code: e.code, message: e.message }
        : { code: null, message: String((e as Error)?.message ?? e).split("\n")[0]! },
    });
  }
  conn.end();
}

/** The server that held the store is gone (killed): nothing was sent, the command may run here. */
export class ServerGone extends Error {
  constructor() {
    super("the server holding the store is gone");
  }
}

/**
 * Sends a command to the server listening on `socket` and relays what it says; resolves
 * to the command's exit status, or rejects with the error it ended with.
 */
export function forwardCommand(
  socket: string,
  req: CommandRequest,
  io: Io,
  progress: Progress,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const conn = createConnection(socket);
    let settled = false;
    const settle = (f: () => void) => {
      if (!settled) {
        settled = true;
        f();
      }
    };
    let connected = false;
    conn.on("error", (e) =>
      settle(() =>
        reject(
          connected
            ? new RapporteurError(
                "store-unavailable",
                `the server holding the store stopped answering (${(e as NodeJS.ErrnoException).code ?? e.message}); run the command again`,
              )
            : new ServerGone(),
        ),
      ),
    );
    conn.on("connect", () => {
      connected = true;
      conn.write(JSON.stringify(req) + "\n");
    });
    const lines = createInterface({ input: conn });
    lines.on("error", () => undefined); // reported by the socket's own error
    lines.on("line", (line) => {
      const m = JSON.parse(line) as Reply;
      if ("out" in m) io.out(m.out);
      else if ("err" in m) io.err(m.err);
      else if ("progress" in m) {
        if (m.progress === "start") progress.start(m.total);
        else if (m.progress === "tick") progress.tick(m.label);
        else progress.stop();
      } else if ("exit" in m) settle(() => resolve(m.exit));
      else
        settle(() =>
          reject(
            m.error.code
              ? new RapporteurError(m.error.code, m.error.message)
              : new Error(m.error.message),
          ),
        );
    });
    lines.on("close", () =>
      settle(() =>
        reject(
          new RapporteurError(
            "store-unavailable",
            "the server holding the store stopped before the command finished; run it again",
          ),
        ),
      ),
    );
  });
}
