import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openPglite, type PgliteDb } from "./index.js";
import { openStore } from "../open.js";

describe("the embedded server in a worker thread", () => {
  let dir: string, db: PgliteDb;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "rapporteur-thread-"));
    db = await openPglite(join(dir, "data"), undefined, 24, true);
    await db.query(`CREATE TABLE t (id int PRIMARY KEY, x text, at timestamptz, b bytea)`);
  }, 120_000);
  afterAll(async () => {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("runs statements with their parameters and types, and reports the server's errors", async () => {
    const at = new Date("2024-05-06T07:08:09Z");
    await db.query(`INSERT INTO t VALUES ($1, $2, $3, $4)`, [1, "one", at, Buffer.from([1, 2])]);
    const { rows } = await db.query<{ id: number; x: string; at: Date; b: Uint8Array }>(
      `SELECT * FROM t`,
    );
    expect(rows).toEqual([{ id: 1, x: "one", at, b: new Uint8Array([1, 2]) }]);
    expect(
      (await db.query<{ shared_buffers: string }>("SHOW shared_buffers")).rows[0]!.shared_buffers,
    ).toBe("24MB");
    const e = await db.query(`INSERT INTO t (id) VALUES (1)`).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(Error);
    expect(e).toMatchObject({ code: "23505", message: expect.stringContaining("duplicate key") });
  });

  it("keeps a transaction's statements together: all kept, or none", async () => {
    let outside: number | undefined;
    await db.transaction(async (tx) => {
      await tx.query(`INSERT INTO t (id) VALUES (2)`);
      // a statement from outside waits for the transaction's end (one connection)
      void db
        .query<{ n: number }>(`SELECT count(*)::int AS n FROM t`)
        .then((r) => (outside = r.rows[0]!.n));
      await new Promise((r) => setTimeout(r, 50));
      expect(outside).toBeUndefined();
      await tx.query(`INSERT INTO t (id) VALUES (3)`);
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(outside).toBe(3);
    const failed = await db
      .transaction(async (tx) => {
        await tx.query(`INSERT INTO t (id) VALUES (4)`);
        throw new Error("changed my mind");
      })
      .catch((err: Error) => err.message);
    expect(failed).toBe("changed my mind");
    const bad = await db
      .transaction(async (tx) => {
        await tx.query(`INSERT INTO t (id) VALUES (5)`);
        await tx.query(`INSERT INTO t (id) VALUES (5)`);
      })
      .catch((err: { code: string }) => err.code);
    expect(bad).toBe("23505");
    const ids = (await db.query<{ id: number }>(`SELECT id FROM t ORDER BY id`)).rows;
    expect(ids.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it("opens a store's folder as the in-process driver left it, and holds its lock", async () => {
    const data = join(dir, "store");
    const first = await openStore({ dataDir: data });
    await first.query(`INSERT INTO glossary (acronym, expansion) VALUES ('QX', 'quiet xylophone')`);
    await first.close();
    const threaded = await openStore({ dataDir: data, threaded: true });
    try {
      await expect(openStore({ dataDir: data })).rejects.toThrow(/in use|held/i);
      const { rows } = await threaded.query<{ expansion: string }>(
        `SELECT expansion FROM glossary WHERE acronym = 'QX'`,
      );
      expect(rows).toEqual([{ expansion: "quiet xylophone" }]);
    } finally {
      await threaded.close();
    }
  }, 120_000);
});
