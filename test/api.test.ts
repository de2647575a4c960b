import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Db } from "../src/store/db.js";
import { seededApp } from "./web-helpers.js";
import { ROOT } from "./helpers.js";

let app: FastifyInstance, db: Db, token: string, secretId: number, hostileId: number;
beforeAll(async () => {
  ({ app, db, token, secretId, hostileId } = await seededApp());
});
afterAll(async () => {
  await app.close();
  await db.close();
});

function multipart(name: string, content: Buffer, type = "application/octet-stream") {
  const boundary = "----rapporteurtest";
  const body = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`,
    ),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return {
    payload: body,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
  };
}

describe("JSON API", () => {
  it("lists meetings with ids and filters them by group", async () => {
    const all = (await app.inject("/api/meetings")).json().meetings;
    expect(all.length).toBe(9);
    expect(all.every((m: { id: number }) => typeof m.id === "number")).toBe(true);
    const odsb = (await app.inject("/api/meetings?group=ODSB")).json().meetings;
    expect(odsb.map((m: { number: number }) => m.number)).toEqual([12, 11, 10]);
    expect(odsb.every((m: { group: string }) => m.group === "Open Data Steering Board")).toBe(true);
    const bad = await app.inject("/api/meetings?from=yesterday");
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({
      error: "bad-argument",
      message: expect.stringContaining("YYYY-MM-DD"),
    });
  });

  it("gives one meeting's full record with provenance, and clear 404/400 errors", async () => {
    const id = (await app.inject("/api/meetings?group=ODSB")).json().meetings[0].id;
    const m = (await app.inject(`/api/meetings/${id}`)).json();
    expect(m).toMatchObject({
      group: "Open Data Steering Board",
      number: 12,
      provenance: { start: { line: 5, endLine: 5 } },
    });
    expect((await app.inject("/api/meetings/99999")).json()).toEqual({
      error: "not-found",
      message: "meeting 99999 was not found; check the address",
    });
    expect((await app.inject("/api/meetings/abc")).statusCode).toBe(400);
  });

  it("hides members-only meetings from readers everywhere, shows them to editors", async () => {
    expect((await app.inject(`/api/meetings/${secretId}`)).statusCode).toBe(404);
    expect((await app.inject(`/meetings/${secretId}`)).statusCode).toBe(404);
    expect((await app.inject("/api/search?q=encryption&group=Closed")).json().hits).toEqual([]);
    expect(JSON.stringify((await app.inject("/api/people")).json())).not.toContain("Quintus");
    const auth = { authorization: `Bearer ${token}` };
    expect(
      (await app.inject({ url: `/api/meetings/${secretId}`, headers: auth })).json().group,
    ).toBe("Closed Strategy Circle");
    expect(
      (await app.inject({ url: "/api/search?q=encryption&group=Closed", headers: auth }))
        .json()
        .hits.some((h: { meetingId: number }) => h.meetingId === secretId),
    ).toBe(true);
  });

  it("searches, lists people, actions, findings, groups and stats", async () => {
    const hits = (await app.inject("/api/search?q=budget")).json().hits;
    expect(hits[0]).toMatchObject({
      title: expect.stringMatching(/budget/i),
      snippet: expect.stringContaining("«"),
    });
    expect((await app.inject("/api/search")).json().error).toBe("bad-argument");
    const people = (await app.inject("/api/people")).json().people;
    const peggy = people.find((p: { name: string }) => p.name === "Margaret Okafor");
    expect(peggy.aliases).toContain("Peggy");
    expect(
      (await app.inject(`/api/people/${peggy.id}`))
        .json()
        .meetings.some((m: { statements: unknown[] }) => m.statements.length > 0),
    ).toBe(true);
    const actions = (await app.inject("/api/actions?status=overdue")).json().actions;
    expect(actions.every((a: { overdue: boolean }) => a.overdue)).toBe(true);
    expect(
      (await app.inject("/api/findings"))
        .json()
        .findings.some((f: { code: string }) => f.code === "time-mismatch"),
    ).toBe(true);
    expect((await app.inject("/api/groups")).json().groups.length).toBeGreaterThanOrEqual(6);
    expect((await app.inject("/api/stats")).json()).toMatchObject({ meetings: 9 });
  });

  it("accepts uploads from editors only, with clear messages on type and size", async () => {
    const docx = readFileSync(join(ROOT, "fixtures/reports/policy-network-docx/input.docx"));
    expect(
      (await app.inject({ method: "POST", url: "/api/meetings", ...multipart("pndi.docx", docx) }))
        .statusCode,
    ).toBe(401);
    const auth = (m: ReturnType<typeof multipart>) => ({
      ...m,
      headers: { ...m.headers, authorization: `Bearer ${token}` },
    });
    // the bundled examples hold this .docx: under another name it is the same meeting
    const again = await app.inject({
      method: "POST",
      url: "/api/meetings",
      ...auth(multipart("pndi.docx", docx)),
    });
    expect(again.statusCode).toBe(409);
    const stored = (await app.inject("/api/meetings?group=Policy Network")).json().meetings[0];
    expect(again.json()).toMatchObject({ error: "already-stored", meetingId: stored.id });
    expect(again.json().message).toContain(`already stored as meeting ${stored.id}`);
    const report =
      "Upload Test Working Group\nMeeting 4\n3 May 2024\n\nPresent: Ann Lee, Bo Chen\n\n1. Budget\nAnn Lee said the budget is fine.\n";
    const ok = await app.inject({
      method: "POST",
      url: "/api/meetings",
      ...auth(multipart("upload-test.txt", Buffer.from(report))),
    });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ group: "Upload Test Working Group", number: 4 });
    // the upload rebuilt the glossary with the user's entries, as `ingest` does
    expect((await db.query(`SELECT expansion FROM glossary WHERE acronym = 'ZQX'`)).rows).toEqual([
      { expansion: "Zonal Quality Exchange" },
    ]);
    const exe = await app.inject({
      method: "POST",
      url: "/api/meetings",
      ...auth(multipart("virus.exe", Buffer.from("MZ"))),
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json().message).toMatch(/upload a \.txt, \.md, \.html, \.docx or \.pdf report/);
    const big = await app.inject({
      method: "POST",
      url: "/api/meetings",
      ...auth(multipart("big.txt", Buffer.alloc(16 * 1024 * 1024, 65))),
    });
    expect(big.statusCode).toBe(413);
    expect(
      (
        await app.inject({
          method: "POST",
          url: "/api/meetings",
          ...auth(multipart("x.txt", Buffer.from("hello"))),
        })
      ).statusCode,
    ).toBe(422);
  });

  it("caches readers' responses only while the store is unchanged, whoever writes", async () => {
    const first = await app.inject("/api/meetings");
    const again = await app.inject("/api/meetings");
    expect(again.headers["x-cache"]).toBe("hit");
    expect(again.body).toBe(first.body);
    const id = first.json().meetings[0].id;
    // a write made straight in the database (as another server process would) retires the cache
    await db.query(`UPDATE meetings SET members_only = true WHERE id = $1`, [id]);
    const after = await app.inject("/api/meetings");
    expect(after.headers["x-cache"]).toBeUndefined();
    expect(after.json().meetings.map((m: { id: number }) => m.id)).not.toContain(id);
    await db.query(`UPDATE meetings SET members_only = false WHERE id = $1`, [id]);
  });

  it("serves the OpenAPI document and security headers, and escapes hostile text", async () => {
    const spec = (await app.inject("/api/docs")).json();
    expect(spec.openapi).toMatch(/^3\./);
    expect(Object.keys(spec.paths)).toEqual(
      expect.arrayContaining([
        "/api/meetings",
        "/api/meetings/{id}",
        "/api/search",
        "/api/people",
        "/api/actions",
      ]),
    );
    const page = await app.inject(`/meetings/${hostileId}`);
    expect(page.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(page.headers["x-content-type-options"]).toBe("nosniff");
    expect(page.body).not.toMatch(/<script>window|<img src=x|href="javascript:/i);
    expect(page.body).toContain("&lt;script&gt;");
  });
});
