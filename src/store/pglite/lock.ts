import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { randomBytes } from "node:crypto";

/** The file inside an embedded store's folder that names the one process using it. */
export const LOCK_FILE = "rapporteur.lock";

/** Who holds a store: enough to tell whether it still runs, and to tell the user. */
export interface LockHolder {
  pid: number;
  /** The process's start time (Linux clock ticks since boot), so a reused pid is not taken for it. */
  started: string | null;
  /** The command line, shortened ("rapporteur serve --port 3000"). */
  command: string;
  /** Where a serving process takes other commands (see runtime/command-channel.ts). */
  socket?: string;
}

/**
 * A process's start time, or null where the system does not say (then the pid alone
 * counts); "dead" for a process that has ended but not yet been reaped (a zombie).
 */
export function processStartTime(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // fields 3 and 22, counted after the command name, in parentheses and maybe with spaces
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    if (fields[0] === "Z" || fields[0] === "X") return "dead";
    return fields[19] ?? null;
  } catch {
    return null;
  }
}

/** Whether the process that wrote `holder` is still running (and is the same process). */
export function isAlive(holder: LockHolder): boolean {
  try {
    process.kill(holder.pid, 0);
  } catch (e) {
    // EPERM: it exists but belongs to another user, so it is alive
    if ((e as NodeJS.ErrnoException).code !== "EPERM") return false;
  }
  const now = processStartTime(holder.pid);
  if (now === "dead") return false;
  return holder.started === null || now === null || now === holder.started;
}

const myCommand = (): string => {
  const [, script = "node", ...args] = process.argv;
  // the command as the user knows it, whichever of its scripts runs (installed, dev)
  const file = basename(script).replace(/\.(m?js|ts)$/, "");
  const name = file.startsWith("rapporteur") ? "rapporteur" : file;
  return [name, ...args].join(" ").slice(0, 200);
};

/** What this process writes into a lock it takes. */
export const me = (): LockHolder => ({
  pid: process.pid,
  started: processStartTime(process.pid),
  command: myCommand(),
});

function readHolder(path: string): LockHolder | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  try {
    const h = JSON.parse(text) as LockHolder;
    if (Number.isInteger(h.pid)) return h;
  } catch {
    /* a damaged lock is nobody's */
  }
  return { pid: -1, started: null, command: "unknown" };
}

/** The live holder of the store in `dir`, or null when nobody holds it (or it cannot be read). */
export function holderOf(dir: string): LockHolder | null {
  try {
    const h = readHolder(join(dir, LOCK_FILE));
    return h && h.pid > 0 && isAlive(h) ? h : null;
  } catch {
    return null; // opening the store will say what is wrong with the folder
  }
}

/** A lock this process holds; `release` is safe to call more than once. */
export interface StoreLock {
  readonly holder: LockHolder;
  /** Rewrites what the lock says (a server adds its socket), atomically. */
  update(extra: Partial<LockHolder>): void;
  release(): void;
}

const held = new Set<StoreLock>();
let exitHook = false;

/**
 * Takes the exclusive lock of the store folder `dir` (which must exist), or returns the
 * live holder. The lock file is made complete and then linked into place, so it is never
 * seen half-written; a lock whose process is gone (killed) is replaced at once.
 */
export function acquireLock(dir: string): StoreLock | LockHolder {
  const path = join(dir, LOCK_FILE);
  const holder = me();
  const tmp = join(dir, `.${LOCK_FILE}.${process.pid}.${randomBytes(4).toString("hex")}`);
  writeFileSync(tmp, JSON.stringify(holder));
  try {
    for (let attempt = 0; attempt < 20; attempt++) {
      try {
        linkSync(tmp, path);
        return track(path, holder);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      }
      const other = readHolder(path);
      if (!other) continue; // released meanwhile
      if (other.pid > 0 && isAlive(other)) return other;
      // The holder is gone. Move its lock aside and look again at what was moved: when
      // two processes break the same stale lock at once, the one that moved a live lock
      // (just taken by the other) puts it back.
      const grave = `${tmp}.stale`;
      try {
        renameSync(path, grave);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === "ENOENT") continue;
        throw e;
      }
      const moved = readHolder(grave);
      if (moved && moved.pid > 0 && isAlive(moved)) {
        try {
          linkSync(grave, path);
        } catch {
          /* a third process took it: it is theirs */
        }
        unlinkSync(grave);
        return moved;
      }
      unlinkSync(grave);
    }
    throw new Error(`could not take the lock ${path}`);
  } finally {
    try {
      unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
}

function track(path: string, holder: LockHolder): StoreLock {
  let current = holder;
  const lock: StoreLock = {
    get holder() {
      return current;
    },
    update(extra) {
      current = { ...current, ...extra };
      const tmp = `${path}.${process.pid}.new`;
      writeFileSync(tmp, JSON.stringify(current));
      renameSync(tmp, path);
    },
    release() {
      if (!held.delete(lock)) return;
      const now = readHolder(path);
      if (now && now.pid === holder.pid && now.started === holder.started) {
        try {
          unlinkSync(path);
        } catch {
          /* gone */
        }
      }
    },
  };
  held.add(lock);
  if (!exitHook) {
    exitHook = true;
    // a process that ends without closing its store (an error path, process.exit) still
    // leaves no lock behind; a killed one leaves a lock that the next process replaces
    process.on("exit", () => {
      for (const l of [...held]) l.release();
    });
  }
  return lock;
}

/** Whether `x` is a lock this process took (rather than the holder of someone else's). */
export const isOwnLock = (x: StoreLock | LockHolder): x is StoreLock =>
  typeof (x as StoreLock).release === "function";
