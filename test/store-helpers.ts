import pg from "pg";
import { randomBytes } from "node:crypto";
import type { Db } from "../src/store/db.js";
import { openStore } from "../src/store/open.js";

/** The drivers the database tests run on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DRIVERS: ("pglite" | "pg")[] = process.env.TEST_DATABASE_URL
  ? ["pglite", "pg"]
  : ["pglite"];
if (process.env.CI && !process.env.TEST_DATABASE_URL)
  throw new Error(
    "CI must run the database tests on PostgreSQL too: set TEST_DATABASE_URL (see .ci/run)",
  );

/** A fresh migrated store on `driver`: PGlite in memory, or a new database on the test server. */
export async function freshStore(
  driver: "pglite" | "pg",
): Promise<{ db: Db; url?: string; drop: () => Promise<void> }> {
  if (driver === "pglite") {
    const db = await openStore({});
    return { db, drop: () => db.close() };
  }
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  admin.on("error", () => undefined);
  await admin.connect();
  const name = `rapporteur_test_${randomBytes(5).toString("hex")}`;
  await admin.query(`CREATE DATABASE ${name}`);
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const db = await openStore({ databaseUrl: url.toString() });
  return {
    db,
    url: url.toString(),
    async drop() {
      await db.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Empties every table between tests (much faster than a new database each time). */
export async function truncate(db: Db): Promise<void> {
  await db.query(
    `TRUNCATE documents, meetings, sections, statements, attendance, organisations, people, aliases, person_meetings, person_decisions, actions, links, findings, glossary, action_events, tokens, corrections RESTART IDENTITY CASCADE`,
  );
}

/**
 * Each section's kept text (migration 016) is its lines of its document's text, cut here
 * in JavaScript from what the store holds; returns how many sections have text.
 */
export async function expectBodiesCut(db: Db): Promise<number> {
  const { rows } = await db.query<{
    id: number;
    line: number | null;
    end_line: number | null;
    text: string;
    body: string | null;
    kept: boolean;
  }>(
    `SELECT s.id, s.line, s.end_line, d.text, b.body, b.section_id IS NOT NULL AS kept
     FROM sections s JOIN documents d ON d.id = s.document_id
     LEFT JOIN section_bodies b ON b.section_id = s.id ORDER BY s.id`,
  );
  const orphans = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM section_bodies b WHERE NOT EXISTS (SELECT 1 FROM sections s WHERE s.id = b.section_id)`,
  );
  if (orphans.rows[0]!.n)
    throw new Error(`${orphans.rows[0]!.n} section texts outlived their section`);
  for (const r of rows) {
    const want =
      r.line === null || r.end_line === null
        ? null
        : r.text
            .split("\n")
            .slice(r.line - 1, Math.max(r.line - 1, r.end_line))
            .join("\n");
    if (!r.kept || r.body !== want)
      throw new Error(
        `section ${r.id}: kept text ${JSON.stringify(r.body)}, lines ${r.line}–${r.end_line} say ${JSON.stringify(want)}`,
      );
  }
  return rows.filter((r) => r.body).length;
}
