import { describe, expect, it, beforeAll, afterAll } from "vitest";
import ICAL from "ical.js";
import type { FastifyInstance } from "fastify";
import type { Db } from "../src/store/db.js";
import { seededApp } from "./web-helpers.js";
import { listActions } from "../src/store/read.js";

let app: FastifyInstance, db: Db, token: string;
beforeAll(async () => {
  ({ app, db, token } = await seededApp());
});
afterAll(async () => {
  await app.close();
  await db.close();
});

describe("group calendar", () => {
  it("serves held and announced meetings as RFC 5545, read back by an independent parser", async () => {
    const res = await app.inject("/groups/ODSB/calendar.ics");
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^text\/calendar/);
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const events = cal.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
    expect(events.map((e) => [e.summary, e.startDate.toJSDate().toISOString()])).toEqual([
      ["Open Data Steering Board — meeting 10", "2024-04-02T14:00:00.000Z"],
      ["Open Data Steering Board — meeting 11", "2024-05-07T14:00:00.000Z"],
      ["Open Data Steering Board — meeting 12", "2024-06-04T14:00:00.000Z"],
      ["Open Data Steering Board — meeting 13 (announced)", "2024-07-09T14:00:00.000Z"],
    ]);
    expect(events[3]!.component.getFirstPropertyValue("status")).toBe("TENTATIVE");
    // every line, the last one too, ends with CRLF (RFC 5545, 3.1)
    expect(res.body.endsWith("\r\n")).toBe(true);
    expect(res.body.split("\r\n").every((line) => !line.includes("\n"))).toBe(true);
    expect((await app.inject("/groups/nobody/calendar.ics")).statusCode).toBe(404);
  });
});

describe("commitments and dated notes", () => {
  it("shows a volunteer's commitment as an action and another body's deadline as a note", async () => {
    const meetings = (await app.inject("/api/meetings?group=ODSB")).json().meetings as {
      id: number;
      number: number;
    }[];
    const m11 = meetings.find((m) => m.number === 11)!;
    const api = (await app.inject(`/api/meetings/${m11.id}`)).json();
    const record = (api.record ?? api) as {
      actions: { owner: string | null }[];
      notes: { text: string; date: string | null }[];
    };
    expect(record.actions.map((a) => a.owner)).toContain("Aiyana Redcloud");
    expect(record.notes).toEqual([
      { text: expect.stringMatching(/objections/) as string, date: "2024-05-20" },
    ]);
    const page = (await app.inject(`/meetings/${m11.id}`)).body;
    expect(page).toContain("Dates noted");
    // the note with its date and the source line it was read from
    expect(page).toMatch(/licences is 20 May 2024\. — 20 May 2024 <a\s+class="srcref"/);
  });
});

describe("writing", () => {
  it("renders a meeting in the house format (md, docx, html) and a period report with charts", async () => {
    const id = (await app.inject("/api/meetings?group=ODSB")).json().meetings[0].id;
    const md = await app.inject(`/meetings/${id}/report.md`);
    expect(md.body).toContain("## Annex 1: List of participants");
    const docx = await app.inject(`/meetings/${id}/report.docx`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe("PK");
    const html = await app.inject("/groups/ODSB/report?from=2024-01-01&to=2024-12-31");
    expect(html.body).toContain("<svg");
    expect(html.body).toMatch(/3 meetings were held/);
    const mdr = await app.inject("/groups/ODSB/report?format=md");
    expect(mdr.body).toMatch(/## Outcomes/);
    // each topic with the meetings that discussed it
    expect(mdr.body).toMatch(/Data Quality Framework \(DQF\) \(meetings 10, 11(?:, 12)?\)/);
  });
  it("drafts the next meeting: number + 1, the announced date, open actions, the usual participants", async () => {
    const { draftFacts } = await import("../src/store/draft.js");
    const { renderDraft } = await import("../src/render/draft-md.js");
    const d = (await draftFacts(db, { editor: "test" }, "ODSB"))!;
    expect(d).toMatchObject({ number: 13, start: "2024-07-09T14:00:00Z" });
    expect(d.usual.map((u) => u.name)).toEqual(
      expect.arrayContaining(["Margaret Okafor", "Kenji Morimoto", "Lucía Fernández"]),
    );
    expect(d.usual.map((u) => u.name)).not.toContain("Samir Haddad");
    const md = renderDraft(d);
    expect(md).toContain("**Online Meeting 13**");
    expect(md).toContain("- [ ] Kenji Morimoto, University of Sapporo");
    expect(md).toMatch(/a\. .*migration schedule/);
    // the last meeting's moderator heads the tick list; the meeting is "13th"
    expect(md).toMatch(/_\n\n- \[ \] Margaret Okafor/);
    expect(md).toContain("The 13th meeting");
    expect(d.olderOpen).toBe(0);
    const web = await app.inject("/groups/ODSB/draft.md");
    expect(web.headers["content-type"]).toMatch(/^text\/markdown/);
    expect(web.body).toBe(md);
  });
});

describe("actions taken up later", () => {
  it("links an action to the later section that discusses it, with the evidence", async () => {
    const m10 = (await app.inject("/api/meetings?group=ODSB"))
      .json()
      .meetings.find((m: { number: number }) => m.number === 10);
    const rec = (await app.inject(`/api/meetings/${m10.id}`)).json();
    const migration = rec.actions.find((a: { text: string }) => /migration schedule/.test(a.text));
    expect(migration.followUps[0]).toMatchObject({
      section: "Portal migration",
      shared: expect.arrayContaining(["migration", "schedule"]),
      // the evidence: how many of the group's sections use each shared word
      rarity: expect.arrayContaining([{ word: "migration", sections: 2 }]) as unknown,
      of: expect.any(Number) as unknown,
    });
    expect((await app.inject(`/meetings/${m10.id}`)).body).toContain(
      `/meetings/${m10.id}/follow-ups`,
    );
    expect((await app.inject(`/meetings/${m10.id}/follow-ups`)).body).toMatch(
      /Taken up later in:.*Portal migration.*migration \(in 2 of \d+ sections\)/s,
    );
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
  it("credits who spoke in the paragraphs on the term, not everyone in the section", async () => {
    const { topicTimeline } = await import("../src/store/topic.js");
    // three people spoke under "Portal migration"; nobody in the paragraph on licences
    const licences = await topicTimeline(db, { editor: "test" }, "licences");
    expect(licences.meetings.flatMap((m) => m.sections.map((s) => s.title))).toContain(
      "Portal migration",
    );
    expect(licences.speakers).toEqual([]);
    const api = await topicTimeline(db, { editor: "test" }, "API");
    expect(api.speakers.map((s) => s.name)).toContain("Aiyana Redcloud");
    expect(api.speakers.map((s) => s.name)).not.toContain("Margaret Okafor");
  });
});

describe("actions across meetings", () => {
  it("records status changes with who and when, and computes overdue from today", async () => {
    const before = (await app.inject("/api/actions")).json().actions as {
      source: string;
      key: string;
      status: string;
      due: string | null;
      overdue: boolean;
    }[];
    const target = before.find((a) => a.due && a.due < "2024-10-20")!;
    expect(target.overdue).toBe(true);
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/api/actions/status",
          payload: { source: target.source, key: target.key, status: "done" },
        })
      ).statusCode,
    ).toBe(401);
    const ok = await app.inject({
      method: "POST",
      url: "/api/actions/status",
      headers: { authorization: `Bearer ${token}` },
      payload: { source: target.source, key: target.key, status: "done" },
    });
    expect(ok.statusCode).toBe(200);
    const after = (await app.inject("/api/actions?status=done")).json().actions;
    expect(after.map((a: { key: string }) => a.key)).toContain(target.key);
    const { rows } = await db.query<{ changed_by: string }>(
      `SELECT changed_by FROM action_events WHERE action_key = $1`,
      [target.key],
    );
    expect(rows).toEqual([{ changed_by: "Test Editor" }]);
    expect(
      (await listActions(db, { editor: null })).find((a) => a.key === target.key)!.status,
    ).toBe("done");
  });
});
