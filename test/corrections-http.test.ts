import { describe, expect, it, beforeAll, afterAll } from "vitest";
import type { FastifyInstance } from "fastify";
import type { Db } from "../src/store/db.js";
import { seededApp } from "./web-helpers.js";

let app: FastifyInstance, db: Db, token: string, secretId: number, odsb: number;
beforeAll(async () => {
  ({ app, db, token, secretId } = await seededApp());
  // fixed once: a corrected start date moves the meeting in the newest-first list
  odsb = await firstOf("ODSB");
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const auth = () => ({ authorization: `Bearer ${token}` });
const firstOf = async (group: string) =>
  (await app.inject(`/api/meetings?group=${group}`)).json().meetings[0].id as number;

describe("corrections through HTTP", () => {
  it("PATCH corrects fields for editors only, with an ETag, and GET shows them to readers", async () => {
    const id = odsb;
    const before = await app.inject(`/api/meetings/${id}`);
    expect(before.headers.etag).toBe('"0"');
    const body = { start: "2021-05-06T14:30:00Z", moderators: ["Quilla Testwright"] };
    const anon = await app.inject({ method: "PATCH", url: `/api/meetings/${id}`, payload: body });
    expect(anon.statusCode).toBe(401);
    const res = await app.inject({
      method: "PATCH",
      url: `/api/meetings/${id}`,
      headers: { ...auth(), "if-match": '"0"' },
      payload: body,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json()).toMatchObject({
      start: body.start,
      moderators: body.moderators,
      version: 2,
    });
    expect(
      res.json().corrections.map((c: { field: string; by: string }) => [c.field, c.by]),
    ).toEqual([
      ["start", "Test Editor"],
      ["moderators", "Test Editor"],
    ]);
    const reader = (await app.inject(`/api/meetings/${id}`)).json();
    expect(reader.start).toBe(body.start);
    expect(reader.provenance.start).toBeNull();
    expect(reader.corrections[0]).toMatchObject({ field: "start", previous: before.json().start });
    // the page marks corrected values for readers, without line links
    const page = (await app.inject(`/meetings/${id}`)).body;
    expect(page).toContain("corrected by Test Editor");
    expect(page).not.toContain("Edit this meeting");
  });

  it("refuses a stale If-Match with 412 and the current values, and bad values with 400", async () => {
    const id = odsb;
    const stale = await app.inject({
      method: "PATCH",
      url: `/api/meetings/${id}`,
      headers: { ...auth(), "if-match": '"0"' },
      payload: { number: 99 },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.json()).toMatchObject({ error: "precondition-failed", version: 2 });
    expect(stale.json().current.number).not.toBe(99);
    const bad = await app.inject({
      method: "PATCH",
      url: `/api/meetings/${id}`,
      headers: auth(),
      payload: { start: "2021-02-30", colour: "red" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toMatch(/colour: not a field/);
    const date = await app.inject({
      method: "PATCH",
      url: `/api/meetings/${id}`,
      headers: auth(),
      payload: { start: "2021-02-30" },
    });
    expect(date.json().message).toMatch(/start: "2021-02-30" is not a date that exists/);
  });

  it("keeps members-only meetings' corrections from readers", async () => {
    const res = await app.inject({
      method: "PATCH",
      url: `/api/meetings/${secretId}`,
      headers: auth(),
      payload: { number: 5 },
    });
    expect(res.statusCode).toBe(200);
    expect((await app.inject(`/api/meetings/${secretId}/history`)).statusCode).toBe(404);
    expect((await app.inject(`/meetings/${secretId}/history`)).statusCode).toBe(404);
  });

  it("edits through the page's form, refuses a stale form, reverts and lists the history", async () => {
    const id = await firstOf("NSYIGN").catch(() => 0);
    const target = id || (await app.inject("/api/meetings")).json().meetings.at(-1).id;
    const cookie = await login();
    const edit = await app.inject({ url: `/meetings/${target}/edit`, headers: { cookie } });
    expect(edit.statusCode).toBe(200);
    const fields = formFields(edit.body);
    expect(fields.version).toBe("0");
    const post = (f: Record<string, string>) =>
      app.inject({
        method: "POST",
        url: `/meetings/${target}/edit`,
        headers: {
          cookie,
          "content-type": "application/x-www-form-urlencoded",
          "sec-fetch-site": "same-origin",
        },
        payload: new URLSearchParams(f).toString(),
      });
    const changed = await post({ ...fields, number: "41", note: "typo in the header" });
    expect(changed.statusCode).toBe(303);
    const m = (await app.inject(`/api/meetings/${target}`)).json();
    expect(m.number).toBe(41);
    expect(m.corrections).toHaveLength(1); // the untouched fields are no corrections
    const stale = await post({ ...fields, number: "42" });
    expect(stale.statusCode).toBe(412);
    expect(stale.body).toContain("Someone changed this meeting");
    const revert = await app.inject({
      method: "POST",
      url: `/meetings/${target}/revert`,
      headers: {
        cookie,
        "content-type": "application/x-www-form-urlencoded",
        "sec-fetch-site": "same-origin",
      },
      payload: "field=number&version=1",
    });
    expect(revert.statusCode).toBe(303);
    const history = (await app.inject(`/meetings/${target}/history`)).body;
    expect(history).toContain("typo in the header");
    expect(history).toContain("given back to extraction");
  });
});

describe("person pages", () => {
  it("show the roles a list gives, also without an affiliation", async () => {
    const people = (await app.inject("/api/people")).json().people as {
      id: string;
      name: string;
    }[];
    const treasurer = people.find((p) => p.name === "Ólafur Sigurðsson")!;
    const page = (await app.inject(`/people/${treasurer.id}`)).body;
    expect(page).toContain("no affiliation listed (Treasurer)");
  });
});

describe("the decisions register", () => {
  it("lists a group's decisions in the API and on a page linked from its meetings", async () => {
    const api = (await app.inject("/api/decisions?group=ODSB")).json().decisions as {
      text: string;
      meetingId: number;
    }[];
    expect(api.map((d) => d.text)).toContain(
      "The Board decided to keep the travel budget at the 2024 level.",
    );
    const page = (await app.inject("/groups/ODSB/decisions")).body;
    expect(page).toContain("The Board decided to keep the travel budget");
    const meetingPage = (await app.inject(`/meetings/${api[0]!.meetingId}`)).body;
    expect(meetingPage).toContain('href="/groups/ODSB/decisions"');
    expect((await app.inject("/groups/nobody/decisions")).statusCode).toBe(404);
  });
});

describe("the curate page", () => {
  it("says what to type in the merge and split forms", async () => {
    const page = (await app.inject({ url: "/curate", headers: { cookie: await login() } })).body;
    expect(page).toContain("Merge person (name or id)");
    expect(page).toContain("take away the spelling");
  });
});

async function login(): Promise<string> {
  const res = await app.inject({
    method: "POST",
    url: "/login",
    headers: {
      "content-type": "application/x-www-form-urlencoded",
      "sec-fetch-site": "same-origin",
    },
    payload: `token=${encodeURIComponent(token)}`,
  });
  const set = String(res.headers["set-cookie"]);
  return set.split(";")[0]!;
}

// The named inputs and text areas of a page's form, as a browser would submit them.
function formFields(page: string): Record<string, string> {
  const out: Record<string, string> = {};
  const unescape = (s: string) =>
    s
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, "&");
  for (const m of page.matchAll(/<input[^>]*\bname="([^"]+)"[^>]*\bvalue="([^"]*)"/g))
    out[m[1]!] = unescape(m[2]!);
  for (const m of page.matchAll(/<textarea[^>]*\bname="([^"]+)"[^>]*>\n?([\s\S]*?)<\/textarea/g))
    out[m[1]!] = unescape(m[2]!);
  return out;
}
