import { statfsSync } from "node:fs";

/**
 * Free space an embedded store keeps in hand. PostgreSQL in WebAssembly does not always
 * fail cleanly when a write meets a full disk: an ingest into a 48 MB tmpfs spun in one
 * WebAssembly function for minutes (test/disk-full.test.ts, once the search index made
 * saves larger; it passes with this margin and `wal_init_zero=off`, not with either
 * alone). So a write is refused, with the disk-full error, while less than this is free.
 */
export const SPACE_MARGIN = 4 * 1024 * 1024;

// Statements that only read: no check (a full disk still lets the store be read and exported).
const READ_ONLY =
  /^\s*(?:SELECT|WITH|SHOW|EXPLAIN)\b(?![\s\S]*\b(?:save_meeting|rewrite_meeting|index_sections|refresh_search_stats|INSERT|UPDATE|DELETE)\b)/i;

/** A check to run before each statement on a store in `dataDir`: true when it may go on. */
export function spaceGuard(dataDir: string, margin = SPACE_MARGIN): (sql: string) => boolean {
  return (sql) => {
    if (READ_ONLY.test(sql)) return true;
    try {
      const s = statfsSync(dataDir);
      return s.bavail * s.bsize >= margin;
    } catch {
      return true; // a file system that cannot say: the write itself will tell
    }
  };
}
