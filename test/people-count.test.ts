import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { Db } from "../src/store/db.js";
import { openStore } from "../src/store/open.js";
import { ingestFiles, ingestBytes } from "../src/commands/ingest.js";
import { rebuildPeople, listPeople } from "../src/store/people.js";
import { participation, getPerson } from "../src/store/read.js";
import { periodFacts } from "../src/store/period.js";
import { attendees } from "../src/store/attendees.js";
import { stakeholderClassifier } from "../src/resolve/stakeholders.js";
import { OWNER } from "../src/model/viewer.js";
import { SHARED } from "./helpers.js";

// One way to count people, by resolved person, for every page and report.
let db: Db;
beforeAll(async () => {
  db = await openStore({});
  const seeds = join(SHARED, "corpus/seeds");
  await ingestFiles(
    db,
    readdirSync(seeds).map((f) => join(seeds, f)),
    { new: 0, updated: 0, unchanged: 0, failed: [] },
  );
  // a fictional group: the second meeting's list omits an affiliation the first gives
  const report = (n: number, day: string, list: string) =>
    Buffer.from(
      `Lantern Working Group\nMeeting ${n}\n${day} 2024, 10:00 UTC\n\n1. Budget\nAda Lovelace said the budget is fine.\n\nParticipants\n${list}\n`,
    );
  await ingestBytes(db, {
    path: "t:l1.txt",
    source: "l1.txt",
    bytes: report(1, "3 May", "- Ada Lovelace, Ministry of Lanterns\n- Bo Li, Lantern University"),
  });
  await ingestBytes(db, {
    path: "t:l2.txt",
    source: "l2.txt",
    bytes: report(
      2,
      "7 June",
      "- Ada Lovelace\n- Bo Li, Lantern University\n- Bo Li, Lantern University",
    ),
  });
  await rebuildPeople(db, stakeholderClassifier());
}, 120_000);
afterAll(() => db.close());

describe("counting people", () => {
  it("gives the same number of people for the seed group on every page and in the period report", async () => {
    const people = (await listPeople(db, OWNER)).filter((p) =>
      p.meetings.some((m) => !m.startsWith("l")),
    );
    const page = await participation(db, OWNER, {});
    const group = (
      await db.query<{ g: string }>(
        `SELECT group_name AS g FROM meetings WHERE source LIKE '00%' LIMIT 1`,
      )
    ).rows[0]!.g;
    const period = (await periodFacts(db, OWNER, group, null, null, "2026-01-01"))!;
    const seedIds = new Set(
      (await db.query<{ id: number }>(`SELECT id FROM meetings WHERE source LIKE '00%'`)).rows.map(
        (r) => r.id,
      ),
    );
    const pageSeed = new Set(
      page.attendance.filter((a) => seedIds.has(a.meetingId)).map((a) => a.personId ?? a.person),
    );
    expect(pageSeed.size).toBeGreaterThan(20);
    expect(period.attendance.length).toBe(pageSeed.size);
    expect(period.newcomers.length).toBe(period.attendance.length); // no meetings before
    // every listed person of the seeds is one person of the people index
    const listedSeed = people.filter((p) => p.meetings.some((m) => m.startsWith("00")));
    expect(pageSeed.size).toBeLessThanOrEqual(listedSeed.length);
  });

  it("counts a duplicate listing once and fills a missing affiliation from the nearest meeting", async () => {
    const ids = (
      await db.query<{ id: number; source: string }>(
        `SELECT id, source FROM meetings WHERE source IN ('l1.txt', 'l2.txt') ORDER BY source`,
      )
    ).rows;
    const list = await attendees(db, OWNER, [ids[1]!.id]);
    expect(list.map((a) => a.person)).toEqual(["Ada Lovelace", "Bo Li"]);
    expect(list[0]).toMatchObject({
      affiliation: "Ministry of Lanterns",
      inferredFrom: { meetingId: ids[0]!.id, source: "l1.txt" },
    });
    expect(list[0]!.stakeholder).not.toBeNull();
    expect(list[1]!.inferredFrom).toBeNull();
    const period = (await periodFacts(
      db,
      OWNER,
      "Lantern Working Group",
      null,
      null,
      "2026-01-01",
    ))!;
    expect(period.meetings.map((m) => m.participants)).toEqual([2, 2]);
    expect(period.balance.filter((b) => b.stakeholder === "Unknown")).toEqual([]);
    expect(period.inferred).toBe(1);
  });

  it("lists each statement of a person once", async () => {
    let total = 0;
    for (const p of await listPeople(db, OWNER)) {
      const page = (await getPerson(db, OWNER, p.id))!;
      const said = page.meetings.flatMap((m) =>
        m.statements.map((x) => `${m.id}|${x.section}|${x.text}`),
      );
      total += said.length;
      expect(new Set(said).size, p.name).toBe(said.length);
    }
    expect(total).toBeGreaterThan(20);
  });
});
