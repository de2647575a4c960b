import { realpathSync } from "node:fs";
import type { Db } from "../store/db.js";

// Embedded stores this process keeps open for its whole life (a server), by real path:
// commands run inside the process (those a server carries out for other processes)
// borrow them instead of opening the folder a second time.
const shared = new Map<string, Db>();

const real = (dir: string): string => {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
};

/** Lends `db` to commands of this process that name `dir`, until the returned function is called. */
export function shareStore(dir: string, db: Db): () => void {
  const key = real(dir);
  shared.set(key, db);
  return () => {
    if (shared.get(key) === db) shared.delete(key);
  };
}

/** The store this process already holds for `dir`, as a handle whose `close` leaves it open. */
export function borrowStore(dir: string): Db | null {
  const db = shared.get(real(dir));
  return db ? { ...db, close: async () => undefined } : null;
}
