import { describe, expect, it, beforeAll, afterAll } from "vitest";
import type { Db } from "../src/store/db.js";
import { openStore } from "../src/store/open.js";
import { ingestBytes } from "../src/commands/ingest.js";
import { search, splitQuery } from "../src/store/search.js";
import { OWNER } from "../src/model/viewer.js";

// Terms written with symbols and digits are found as written.
let db: Db;
beforeAll(async () => {
  db = await openStore({});
  await ingestBytes(db, {
    path: "t:lantern.txt",
    source: "lantern.txt",
    bytes: Buffer.from(
      "Lantern Working Group\nMeeting 2\n5 March 2024, 10:00 UTC\n\n1. Reviews\nAda Lovelace said the WSIS+20 review and the G20 track need input.\n\n2. Training\nBo Li proposed an AI/ML course.\n\nParticipants\n- Ada Lovelace\n- Bo Li\n",
    ),
  });
});
afterAll(() => db.close());

describe("search terms with symbols", () => {
  it("turns a joined term into the phrase of its words", () => {
    expect(splitQuery("WSIS+20 budget").web).toBe('"WSIS 20" budget');
    expect(splitQuery('"the WSIS+20 review"').web).toBe('"the WSIS 20 review"');
  });
  it("finds WSIS+20, G20 and AI/ML as written", async () => {
    for (const q of ["WSIS+20", "G20", "AI/ML", '"WSIS+20 review"']) {
      const hits = await search(db, OWNER, { q });
      expect(hits.length, q).toBeGreaterThan(0);
    }
    expect(await search(db, OWNER, { q: "WSIS+21" })).toEqual([]);
  });
});
