import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "../src/store/db.js";
import { ingestFiles } from "../src/commands/ingest.js";
import { search } from "../src/store/search.js";
import { rankAll, topK } from "../src/store/top-k.js";
import { backfillSearchIndex } from "../src/store/search-index.js";
import { migrate } from "../src/store/migrate.js";
import { PostingCache } from "../src/store/posting-cache.js";
import { DRIVERS, freshStore } from "./store-helpers.js";

// One old meeting all about the budget, and NEWER meetings that each mention it once:
// more than any bounded pool of recent matches holds.
const NEWER = 300;
const WORDS =
  "travel plan review portal schedule survey mentors outreach charter website report agenda minutes draft consultation workshop".split(
    " ",
  );
const report = (group: string, n: number, date: string, item: string, body: string) =>
  `${group}\nMeeting ${n}\n${date} at 1 p.m. UTC\n\nAgenda\n1. ${item}\n\n1. ${item}\n${body}\n\nList of participants\n1. Ana Silva, Org\n`;

function corpus(dir: string): string[] {
  const files: string[] = [];
  const write = (name: string, text: string) => {
    writeFileSync(join(dir, name), text);
    files.push(join(dir, name));
  };
  write(
    "old.txt",
    report(
      "Finance Circle",
      1,
      "3 March 2015",
      "Budget",
      "Ana Silva presented the budget. The budget lines, the budget reserve and the budget calendar were discussed; the budget was adopted.",
    ),
  );
  for (let i = 0; i < NEWER; i++) {
    const day = new Date(Date.UTC(2020, 0, 1 + i * 3)).toISOString().slice(0, 10);
    const words = Array.from({ length: 40 }, (_, k) => WORDS[(i * 7 + k * 3) % WORDS.length]);
    words.splice(i % 40, 0, "budget");
    write(
      `new-${i}.txt`,
      report(
        i % 2 ? "Finance Circle" : "Web Team",
        i + 2,
        day,
        "Updates",
        `Ana Silva said ${words.join(" ")}.`,
      ),
    );
  }
  return files;
}

describe.each(DRIVERS)("exact top-k search on %s", (driver) => {
  let db: Db, drop: () => Promise<void>, dir: string;
  // lists kept in memory across the tests, as a serving process keeps them while writes come
  const cache = new PostingCache();
  beforeAll(async () => {
    ({ db, drop } = await freshStore(driver));
    dir = mkdtempSync(join(tmpdir(), "rapporteur-topk-"));
    const s = {
      new: 0,
      updated: 0,
      unchanged: 0,
      failed: [] as { path: string; reason: string }[],
    };
    await ingestFiles(db, corpus(dir), s);
    expect(s.failed).toEqual([]);
  }, 240_000);
  afterAll(async () => {
    await drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it("finds the best match whatever its age", async () => {
    const hits = await search(db, { editor: "test" }, { q: "budget", limit: 5 });
    expect(hits[0]!.source).toBe("old.txt");
    expect(hits.every((h, i) => i === 0 || h.rank <= hits[i - 1]!.rank)).toBe(true);
  });

  it("agrees with ranking every match, for every kind of query, filters and scope", async () => {
    const queries = [
      "budget",
      "budget travel",
      "budget OR survey",
      "budget -travel",
      "bud*",
      "portal schedule",
      '"portal schedule"',
      'budget OR "travel plan"',
      // phrases that stand in some sections whose words meet in most (positions decide)
      '"travel portal"',
      '"travel portal" -budget',
      '"draft travel" OR survey',
      "survey -budget",
      "travel -survey -budget",
      "p*",
      // words no section has: nothing, without reading every section
      "zorblax",
      "zorblax -budget",
      "zorblax OR budget",
      "zorbl*",
      "-budget",
    ];
    const requests = [
      { where: "", params: [] as unknown[] },
      { where: "AND m.group_name = $2", params: ["Web Team"] },
      // a reader's scope only: checked by the stored function, or by the sections a serving
      // process keeps as hidden (every fifth meeting is members-only in this test)
      { where: "AND NOT m.members_only", params: [], scopeOnly: { all: false } },
      { where: "AND m.start_at >= $2::timestamptz", params: ["2021-01-01"] },
    ];
    await db.query(`UPDATE meetings SET members_only = true WHERE number % 5 = 0`);
    onTestFinished(() =>
      db.query(`UPDATE meetings SET members_only = false`).then(() => undefined),
    );
    for (const q of queries) {
      const { rows } = await db.query<{ q: string }>(
        `SELECT websearch_to_tsquery('english', $1)::text AS q`,
        [q.replace(/\w+\*/, "")],
      );
      const prefix = /(\w+)\*/.exec(q)?.[1];
      const query = prefix ? `'${prefix}':*` : rows[0]!.q;
      for (const r of requests)
        for (const limit of [1, 20]) {
          const req = { query, ...r, limit };
          const all = await rankAll(db, req);
          expect(await topK(db, req), `${q} ${r.where} ${limit}`).toEqual(all);
          // the lists read from memory, as a serving process reads them: the same answer
          expect(await topK(db, req, cache), `${q} from memory`).toEqual(all);
          // the same words read as an acronym and its expansion: the better side counts
          const alt = { ...req, alternatives: [[["budget"], ["travel", "plan"]]] as const };
          expect(await topK(db, alt), `${q} as alternatives`).toEqual(await rankAll(db, alt));
          // read in many small rounds, every candidate checked: the same answer
          const slow = { ...req, pace: { few: 0, firstBatch: 2 } };
          expect(await topK(db, slow), `${q} in small rounds`).toEqual(await rankAll(db, slow));
          expect(await topK(db, slow, cache), `${q} in small rounds from memory`).toEqual(
            await rankAll(db, slow),
          );
          // one small round, then the short lists read whole
          const whole = { ...req, pace: { firstBatch: 2, rounds: 1 } };
          expect(await topK(db, whole), `${q} read whole`).toEqual(await rankAll(db, whole));
        }
    }
  });

  it("never returns what the viewer may not see", async () => {
    await db.query(`UPDATE meetings SET members_only = true WHERE source = 'old.txt'`);
    try {
      const reader = await search(db, { editor: null }, { q: "budget", limit: 100 });
      expect(reader.map((h) => h.source)).not.toContain("old.txt");
      expect(reader.length).toBe(100);
      // a serving process's kept lists and hidden sections follow the change
      expect(await search(db, { editor: null }, { q: "budget", limit: 100 }, cache)).toEqual(
        reader,
      );
    } finally {
      await db.query(`UPDATE meetings SET members_only = false WHERE source = 'old.txt'`);
    }
  });

  it("makes a warm search from kept data with two statements: the query's, and the hits'", async () => {
    let statements = 0;
    const counted = {
      query: <T>(sql: string, params?: unknown[]) => (statements++, db.query<T>(sql, params)),
    };
    const q = { q: "budget travel", limit: 5 };
    const want = await search(db, { editor: null }, q);
    await search(counted, { editor: null }, q, cache);
    statements = 0;
    expect(await search(counted, { editor: null }, q, cache)).toEqual(want);
    expect(statements).toBe(2);
  });

  it("tells a phrase from its words' kept positions: a warm phrase search reads no section text", async () => {
    let statements = 0;
    const texts: string[] = [];
    // a statement that matches sections' text against the query: the check's, with sections
    // whose postings could not tell ("unsure"), or any other reading `tsv`
    const readsText = (sql: string, params: unknown[] = []) =>
      /checked_sections/.test(sql)
        ? (params[1] as number[]).length > 0
        : /\btsv\b/.test(sql) && !(/<> ALL/.test(sql) && (params.at(-1) as number[]).length === 0);
    const counted = {
      query: <T>(sql: string, params?: unknown[]) => (
        statements++,
        readsText(sql, params) && texts.push(sql),
        db.query<T>(sql, params)
      ),
    };
    // the words of both phrases meet in most sections, in this order ("travel portal") only
    for (const [q, some] of [
      ['"travel portal"', true],
      ['"portal travel"', false],
    ] as const) {
      const want = await search(db, { editor: null }, { q, limit: 20 });
      expect(want.length > 0).toBe(some);
      await search(counted, { editor: null }, { q, limit: 20 }, cache);
      statements = 0;
      texts.length = 0;
      expect(await search(counted, { editor: null }, { q, limit: 20 }, cache)).toEqual(want);
      if (some) expect(statements).toBe(2);
      expect(texts).toEqual([]);
      // and from the store, the positions are read from the postings, not the text
      expect(await search(counted, { editor: null }, { q, limit: 20 })).toEqual(want);
      expect(texts).toEqual([]);
    }
  });

  it("plans with the glossary a serving process kept only while the store has not changed", async () => {
    const ask = (l?: PostingCache) => search(db, { editor: null }, { q: "TPX", limit: 5 }, l);
    expect(await ask(cache)).toEqual([]);
    await db.query(`INSERT INTO glossary (acronym, expansion) VALUES ('TPX', 'outreach')`);
    try {
      const fresh = await ask();
      expect(fresh.length).toBeGreaterThan(0);
      expect(await ask(cache)).toEqual(fresh);
    } finally {
      await db.query(`DELETE FROM glossary WHERE acronym = 'TPX'`);
    }
    expect(await ask(cache)).toEqual([]);
  });

  it("indexes a store made before the index once, in batches with progress, to the same ranking", async () => {
    await db.query(`SELECT refresh_search_stats()`);
    const before = await search(db, { editor: "test" }, { q: "budget OR survey", limit: 20 });
    // the state migration 010 leaves in a store that has sections already
    await db.query(`TRUNCATE postings`);
    await db.query(`TRUNCATE search_terms`);
    await db.query(
      `UPDATE search_stats SET sections = 0, total_len = 0, backfill_done = 0, backfill_to = (SELECT max(id) FROM sections)`,
    );
    const said: string[] = [];
    expect(await backfillSearchIndex(db, (m) => said.push(m))).toBeGreaterThan(NEWER);
    expect(await backfillSearchIndex(db)).toBe(0);
    expect(await search(db, { editor: "test" }, { q: "budget OR survey", limit: 20 })).toEqual(
      before,
    );
    expect(said.length).toBe(0); // fewer sections than one batch: nothing worth reporting
  });

  it("reads a phrase's positions from the store when they would not fit beside its lists", async () => {
    const req = { query: "'travel' <-> 'portal'", where: "", params: [], limit: 20 };
    const want = await rankAll(db, req);
    expect(want.length).toBeGreaterThan(0);
    const sized = new PostingCache();
    await topK(db, { ...req, query: "'travel' & 'portal'" }, sized);
    // room for the two lists, not for their positions too
    const tight = new PostingCache(sized.size);
    let loads = 0;
    const counted = {
      query: <T>(sql: string, params?: unknown[]) => (
        /FROM postings WHERE term_id = \$1/.test(sql) && loads++,
        db.query<T>(sql, params)
      ),
    };
    for (let i = 0; i < 3; i++) expect(await topK(counted, req, tight)).toEqual(want);
    expect(tight.size).toBe(sized.size);
    expect(loads).toBe(0);
    // with room, the positions are loaded once and kept
    const roomy = new PostingCache();
    for (let i = 0; i < 3; i++) expect(await topK(counted, req, roomy)).toEqual(want);
    expect(loads).toBe(2);
    expect(roomy.size).toBeGreaterThan(sized.size);
  });

  it("rebuilds the index once for a store made before postings had positions (migration 019)", async () => {
    await db.query(`SELECT refresh_search_stats()`);
    const ask = () => search(db, { editor: "test" }, { q: '"travel portal" OR budget', limit: 20 });
    const before = await ask();
    await db.query(`ALTER TABLE postings DROP COLUMN pos`);
    await db.query(`DELETE FROM schema_migrations WHERE name = '019_posting_positions.sql'`);
    expect(await migrate(db)).toEqual(["019_posting_positions.sql"]);
    expect(await backfillSearchIndex(db)).toBeGreaterThan(NEWER);
    const { rows } = await db.query<{ n: number; without: number }>(
      `SELECT count(*)::int AS n, count(*) FILTER (WHERE pos IS NULL OR cardinality(pos) = 0)::int AS without FROM postings`,
    );
    expect(rows[0]!.n).toBeGreaterThan(NEWER * 10);
    expect(rows[0]!.without).toBe(0);
    expect(await ask()).toEqual(before);
  });

  it("looks up a section met in one list while its other words could still lift it to the top", async () => {
    // "quorum" fills three sections, "ballot" six, and one section has three of each: that
    // one is the best match for either word, met in the quorum list a round before the
    // ballot list reaches it, when its quorum part alone scores below the best so far.
    const files: string[] = [];
    const add = (name: string, body: string) => {
      writeFileSync(
        join(dir, name),
        report("Board", 900 + files.length, "2 May 2022", "Votes", body),
      );
      files.push(join(dir, name));
    };
    for (let i = 0; i < 3; i++)
      add(`q-${i}.txt`, "Ana Silva said quorum quorum quorum quorum quorum today.");
    for (let i = 0; i < 6; i++)
      add(`b-${i}.txt`, "Ana Silva said ballot ballot ballot ballot ballot today.");
    add("both.txt", "Ana Silva said quorum quorum quorum ballot ballot ballot.");
    const s = {
      new: 0,
      updated: 0,
      unchanged: 0,
      failed: [] as { path: string; reason: string }[],
    };
    await ingestFiles(db, files, s);
    await db.query(`SELECT refresh_search_stats()`);
    const req = { query: "'quorum' | 'ballot'", where: "", params: [], limit: 1 };
    const { rows } = await db.query<{ id: number }>(
      `SELECT s.id FROM sections s JOIN meetings m ON m.id = s.meeting_id WHERE m.source LIKE '%both.txt' AND s.tsv @@ 'quorum'::tsquery`,
    );
    for (const pace of [undefined, { few: 0, firstBatch: 2 }, { few: 0, firstBatch: 1 }]) {
      const top = await topK(db, { ...req, pace });
      expect(
        top.map((x) => x.id),
        JSON.stringify(pace),
      ).toEqual(rows.map((x) => x.id));
      expect(top).toEqual(await rankAll(db, req));
      // the lists held in memory since the earlier tests are dropped for the new sections
      expect(await topK(db, { ...req, pace }, cache), "from memory").toEqual(top);
    }
  });

  it("drops lists kept in memory when a write changes the postings, and reads from the store what would not fit", async () => {
    const req = { query: "'budget'", where: "", params: [], limit: 3 };
    const before = await topK(db, req, cache);
    expect(cache.size).toBeGreaterThan(NEWER);
    const path = join(dir, "budget-day.txt");
    writeFileSync(
      path,
      report(
        "Finance Circle",
        999,
        "9 May 2023",
        "Budget budget",
        "Ana Silva: budget, budget, budget.",
      ),
    );
    const s = {
      new: 0,
      updated: 0,
      unchanged: 0,
      failed: [] as { path: string; reason: string }[],
    };
    const ask = (l?: PostingCache) => search(db, { editor: null }, { q: "budget", limit: 3 }, l);
    const warm = await ask(cache);
    expect(await ask(cache)).toEqual(warm);
    await ingestFiles(db, [path], s);
    // a search planned from the words' kept rows learns from its hits that the store moved on
    const fresh = await ask();
    expect(fresh[0]!.source).toBe("budget-day.txt");
    expect(await ask(cache)).toEqual(fresh);
    const after = await topK(db, req, cache);
    expect(after).toEqual(await rankAll(db, req));
    expect(after[0]!.id).not.toBe(before[0]!.id);
    await db.query(`DELETE FROM meetings WHERE source LIKE '%budget-day.txt'`);
    expect(await ask(cache)).toEqual(await ask());
    const gone = await topK(db, req, cache);
    expect(gone).toEqual(await rankAll(db, req));
    expect(gone.map((x) => x.id)).not.toContain(after[0]!.id);
    // a budget smaller than the list: nothing held, the store read, the same answer
    const small = new PostingCache(10);
    expect(await topK(db, req, small)).toEqual(before);
    expect(small.size).toBe(0);
    // room for the longest of three lists, not for two: the least recently used goes
    const sizes: number[] = [];
    for (const w of ["budget", "travel", "survey"]) {
      const alone = new PostingCache();
      await topK(db, { ...req, query: `'${w}'` }, alone);
      sizes.push(alone.size);
    }
    const room = Math.max(...sizes);
    const tight = new PostingCache(room);
    for (const w of ["budget", "travel", "survey", "budget"]) {
      const one = { ...req, query: `'${w}'` };
      expect(await topK(db, one, tight), w).toEqual(await rankAll(db, one));
      expect(tight.size).toBeGreaterThan(0);
      expect(tight.size).toBeLessThanOrEqual(room);
    }
  });
});
