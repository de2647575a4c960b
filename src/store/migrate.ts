import { readdir, readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { Db } from "./db.js";

const DIR = fileURLToPath(new URL("./migrations/", import.meta.url));
// One number for the advisory lock that serialises migrators of several processes.
const LOCK = 74_201_101;

/**
 * Applies the pending versioned migrations (migrations/NNN_name.sql), each in its own
 * transaction with its bookkeeping row, so a failure leaves no half-applied schema.
 * Reports each applied step through `report`.
 */
export async function migrate(
  db: Db,
  report: (msg: string) => void = () => undefined,
): Promise<string[]> {
  await db.query(
    `CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
  );
  const files = (await readdir(DIR)).filter((f) => /^\d+_.*\.sql$/.test(f)).sort();
  const applied: string[] = [];
  for (const file of files) {
    const version = Number(file.split("_")[0]);
    const sql = await readFile(DIR + file, "utf8");
    const done = await db.transaction(async (tx) => {
      await tx.query(`SELECT pg_advisory_xact_lock(${LOCK})`);
      const seen = await tx.query(`SELECT 1 FROM schema_migrations WHERE version = $1`, [version]);
      if (seen.rows.length) return false;
      for (const statement of splitSql(sql)) await tx.query(statement);
      await tx.query(`INSERT INTO schema_migrations (version, name) VALUES ($1, $2)`, [
        version,
        file,
      ]);
      return true;
    });
    if (done) {
      applied.push(file);
      report(`applied migration ${file}`);
    }
  }
  return applied;
}

// Statements end with ";" at the end of a line (the migrations are written so), except
// inside $$-quoted function bodies.
function splitSql(sql: string): string[] {
  const out: string[] = [];
  let cur: string[] = [],
    dollar = false;
  for (const line of sql.split("\n")) {
    if (!dollar && /^\s*--/.test(line)) continue;
    cur.push(line);
    if ((line.match(/\$\$/g)?.length ?? 0) % 2 === 1) dollar = !dollar;
    if (!dollar && /;\s*$/.test(line)) {
      out.push(cur.join("\n").replace(/;\s*$/, "").trim());
      cur = [];
    }
  }
  const rest = cur.join("\n").trim();
  if (rest) out.push(rest);
  return out.filter(Boolean);
}
