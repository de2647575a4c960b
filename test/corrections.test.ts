import { describe, expect, it, beforeAll, afterAll, beforeEach } from "vitest";
import { mkdtempSync, rmSync, copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Db } from "../src/store/db.js";
import { ingestFiles } from "../src/commands/ingest.js";
import { reextractAll } from "../src/commands/reextract.js";
import { importStore } from "../src/commands/import.js";
import { correctMeeting, revertCorrection, meetingHistory } from "../src/commands/correct.js";
import { meeting, meetings } from "../src/commands/meetings.js";
import { rebuildPeople, listPeople } from "../src/store/people.js";
import { search } from "../src/store/search.js";
import { exportStore } from "../src/store/export.js";
import { StaleVersionError } from "../src/model/errors.js";
import { OWNER } from "../src/model/viewer.js";
import { marks } from "../src/server/pages/correction-views.js";
import { DRIVERS, expectBodiesCut, freshStore, truncate } from "./store-helpers.js";
import { ROOT } from "./helpers.js";

// A fictional report (fixtures/reports/youth-network-txt): corrections on it must survive
// re-extraction, re-ingest of a changed file, and export -> import.
const REPORT = join(ROOT, "fixtures/reports/youth-network-txt/input.txt");
const EDITOR = { editor: "Test Editor" };
const READER = { editor: null };

describe.each(DRIVERS)("corrections on %s", (driver) => {
  let db: Db, drop: () => Promise<void>, tmp: string, path: string;
  beforeAll(async () => {
    ({ db, drop } = await freshStore(driver));
    tmp = mkdtempSync(join(tmpdir(), "rapporteur-corrections-"));
  });
  afterAll(async () => {
    await drop();
    rmSync(tmp, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await truncate(db);
    path = join(tmp, "minutes-7.txt");
    copyFileSync(REPORT, path);
    await ingestFiles(db, [path], { new: 0, updated: 0, unchanged: 0, failed: [] });
    await rebuildPeople(db);
  });
  const onlyId = async () => (await meetings(db, OWNER, {}))[0]!.id;

  it("applies a correction to every read, keeps it through re-extraction, and reverts it", async () => {
    const id = await onlyId();
    const before = await meeting(db, OWNER, id);
    expect(before.version).toBe(0);
    const participants = [
      ...before.record.participants,
      { name: "Quilla Testwright", affiliation: "Fictional Institute", roles: [] },
    ];
    const done = await correctMeeting(db, EDITOR, {
      id,
      patch: { number: 77, start: "2025-03-12T17:30:00Z", participants },
    });
    expect(done.changed.sort()).toEqual(["number", "participants", "start"]);
    expect(done.version).toBe(3);
    const after = await meeting(db, READER, id);
    expect(after.record.number).toBe(77);
    expect(after.record.start).toBe("2025-03-12T17:30:00Z");
    expect(after.record.provenance.number).toBeNull();
    expect(after.corrections.map((c) => [c.field, c.by])).toContainEqual(["number", "Test Editor"]);
    expect(after.extracted?.number).toBe(before.record.number);
    // lists, search and people read the effective record
    expect((await meetings(db, READER, {}))[0]!.number).toBe(77);
    await rebuildPeople(db);
    expect((await listPeople(db, READER)).map((p) => p.name)).toContain("Quilla Testwright");
    expect((await search(db, READER, { q: "summer school" })).length).toBeGreaterThan(0);

    // re-extraction and a re-ingest of a changed file keep the correction
    await reextractAll(db);
    writeFileSync(
      path,
      readFileSync(REPORT, "utf8")
        .replace("Any other business", "Other business")
        .replace("Seventh Regular Meeting", "Eighth Regular Meeting"),
    );
    await ingestFiles(db, [path], { new: 0, updated: 0, unchanged: 0, failed: [] });
    const again = await meeting(db, OWNER, await onlyId());
    expect(again.record.number).toBe(77);
    expect(again.record.agenda.map((a) => a.title)).toContain("Other business");
    expect(await expectBodiesCut(db)).toBeGreaterThan(0);
    expect(again.record.participants.map((p) => p.name)).toContain("Quilla Testwright");
    // the extractor now reads the corrected number differently: editors are told so
    expect(again.extracted?.number).toBe(8);
    expect(String(marks(again, "Test Editor").mark("number"))).toContain("Extraction now reads");
    expect(String(marks(again, null).mark("number"))).not.toContain("Extraction now reads");

    // giving the field back to extraction restores what the report says; the history keeps both
    await revertCorrection(db, EDITOR, { id: again.id, field: "number" });
    const reverted = await meeting(db, OWNER, again.id);
    expect(reverted.record.number).toBe(8);
    expect(reverted.record.provenance.number).toEqual(before.record.provenance.number);
    const h = await meetingHistory(db, READER, again.id);
    expect(h.corrections.map((c) => `${c.action} ${c.field}`)).toEqual([
      "set number",
      "set start",
      "set participants",
      "revert number",
    ]);
  });

  it("recomputes findings on the corrected values and settles the report's own", async () => {
    const id = await onlyId();
    const m = await meeting(db, OWNER, id);
    const twice = [...m.record.participants, m.record.participants[0]!];
    await correctMeeting(db, EDITOR, { id, patch: { participants: twice } });
    const dup = await meeting(db, OWNER, id);
    expect(dup.record.issues.map((i) => i.code)).toContain("duplicate-participant");
    await correctMeeting(db, EDITOR, { id, patch: { participants: [] } });
    const none = await meeting(db, OWNER, id);
    expect(none.record.issues.map((i) => i.code)).toContain("missing-participants");
    expect(none.record.issues.map((i) => i.code)).not.toContain("duplicate-participant");
  });

  it("refuses a stale version with the current values, and a reader", async () => {
    const id = await onlyId();
    await correctMeeting(db, EDITOR, { id, patch: { number: 8 } });
    const stale = correctMeeting(db, EDITOR, { id, patch: { number: 9 }, ifMatch: 0 });
    await expect(stale).rejects.toBeInstanceOf(StaleVersionError);
    await expect(stale).rejects.toMatchObject({ version: 1, current: { number: 8 } });
    expect((await meeting(db, OWNER, id)).record.number).toBe(8);
    await expect(correctMeeting(db, READER, { id, patch: { number: 9 } })).rejects.toMatchObject({
      code: "unauthorized",
    });
  });

  it("exports the effective records and the history, and imports them to the same export", async () => {
    const id = await onlyId();
    await correctMeeting(db, EDITOR, { id, patch: { moderators: ["Quilla Testwright"] } });
    await correctMeeting(db, EDITOR, { id, patch: { number: 70 } });
    await revertCorrection(db, EDITOR, { id, field: "number" });
    await rebuildPeople(db); // what the server's refresh or the CLI's correct does next
    const first = await exportStore(db);
    expect(first.meetings[0]!.moderators).toEqual(["Quilla Testwright"]);
    expect(first.corrections).toHaveLength(3);
    await truncate(db);
    await importStore(db, JSON.parse(JSON.stringify(first)));
    const second = await exportStore(db);
    expect(second).toEqual(first);
    const m = await meeting(db, OWNER, await onlyId());
    expect(m.version).toBe(3);
    expect(m.extracted?.moderators).not.toEqual(["Quilla Testwright"]);
  });
});
