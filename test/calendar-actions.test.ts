import { describe, expect, it, beforeAll, afterAll } from "vitest";
import ICAL from "ical.js";
import type { FastifyInstance } from "fastify";
import type { Db } from "../src/store/db.js";
import { seededApp } from "./web-helpers.js";
import { listActions } from "../src/store/read.js";

let app: FastifyInstance, db: Db, token: string;
beforeAll(async () => { ({ app, db, token } = await seededApp()); });
afterAll(async () => { await app.close(); await db.close(); });

describe("group calendar", () => {
  it("serves held and announced meetings as RFC 5545, read back by an independent parser", async () => {
    const res = await app.inject("/groups/ODSB/calendar.ics");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const events = cal.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.summary, e.startDate.toJSDate().toISOString()])).toEqual([
      ["Open Data Steering Board — meeting 12", "2024-06-04T14:00:00.000Z"],
      ["Open Data Steering Board — meeting 13 (announced)", "2024-07-09T14:00:00.000Z"],
    ]);
    expect(events[1]!.component.getFirstPropertyValue("status")).toBe("TENTATIVE");
    expect((await app.inject("/groups/nobody/calendar.ics")).statusCode).toBe(404);
  });
});

describe("topic page", () => {
  it("shows the meetings and sections on a term, with who spoke", async () => {
    const res = await app.inject("/topics/budget");
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain("Topic: budget");
    expect(res.body).toMatch(/Budget for 2025/);
    expect(res.body).toContain("Lucía Fernández");
  });
});

describe("actions across meetings", () => {
  it("records status changes with who and when, and computes overdue from today", async () => {
    const before = (await app.inject("/api/actions")).json().actions as { source: string; key: string; status: string; due: string | null; overdue: boolean }[];
    const target = before.find((a) => a.due && a.due < "2024-10-20")!;
    expect(target.overdue).toBe(true);
    expect((await app.inject({ method: "POST", url: "/api/actions/status", payload: { source: target.source, key: target.key, status: "done" } })).statusCode).toBe(401);
    const ok = await app.inject({ method: "POST", url: "/api/actions/status", headers: { authorization: `Bearer ${token}` }, payload: { source: target.source, key: target.key, status: "done" } });
    expect(ok.statusCode).toBe(200);
    const after = (await app.inject("/api/actions?status=done")).json().actions;
    expect(after.map((a: { key: string }) => a.key)).toContain(target.key);
    const { rows } = await db.query<{ changed_by: string }>(`SELECT changed_by FROM action_events WHERE action_key = $1`, [target.key]);
    expect(rows).toEqual([{ changed_by: "Test Editor" }]);
    expect((await listActions(db, { editor: null })).find((a) => a.key === target.key)!.status).toBe("done");
  });
});
