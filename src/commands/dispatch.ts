import { locate } from "../store/db.js";
import { holderOf } from "../store/pglite/lock.js";
import { forwardCommand, ServerGone } from "../runtime/command-channel.js";
import type { Progress } from "../runtime/progress.js";
import { runStoreCommand } from "./registry.js";
import type { Io } from "../runtime/io.js";

/**
 * Runs a store command where it can run: here, or — when a server holds the embedded
 * store — by that server, over its command channel, with the same output and exit status.
 */
export async function dispatchStoreCommand(
  name: string,
  cwd: string,
  options: { data?: string | undefined },
  io: Io,
  progress: Progress,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const loc = locate(options, env, cwd);
  for (let attempt = 0; attempt < 10; attempt++) {
    const holder = loc.dataDir ? holderOf(loc.dataDir) : null;
    if (!holder?.socket || holder.pid === process.pid) break;
    try {
      // the server resolves nothing from its own environment: the folder is named in full
      return await forwardCommand(
        holder.socket,
        { v: 1, command: name, cwd, options: { ...options, data: loc.dataDir } },
        io,
        progress,
      );
    } catch (e) {
      if (!(e instanceof ServerGone)) throw e;
      // killed a moment ago: once the system has reaped it, its lock counts for nothing
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return runStoreCommand(name, cwd, options, io, progress);
}
