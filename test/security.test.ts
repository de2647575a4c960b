import { describe, expect, it, beforeAll, afterAll, vi } from "vitest";
import { openStore } from "../src/store/open.js";
import { buildApp } from "../src/server/app.js";
import type { FastifyInstance } from "fastify";
import type { Db } from "../src/store/db.js";
import { seededApp } from "./web-helpers.js";

// Each hole the security review found, with the request that showed it.
let app: FastifyInstance, db: Db, token: string, secretId: number;
beforeAll(async () => {
  ({ app, db, token, secretId } = await seededApp());
});
afterAll(async () => {
  await app.close();
  await db.close();
});

const HOST = "localhost:8080";
const form = (body: Record<string, string>) => new URLSearchParams(body).toString();

async function login(): Promise<string> {
  const r = await app.inject({
    method: "POST",
    url: "/login",
    headers: {
      host: HOST,
      origin: `http://${HOST}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    payload: form({ token }),
  });
  expect(r.statusCode).toBe(303);
  const cookie = r.cookies.find((c) => c.name === "rapporteur_session")!;
  return cookie.value;
}

describe("cookie-authenticated writes come only from Rapporteur's own pages", () => {
  it("refuses a form posted from another site or another port of the same host (403)", async () => {
    const session = await login();
    const hide = (headers: Record<string, string>) =>
      app.inject({
        method: "POST",
        url: "/curate/members-only",
        cookies: { rapporteur_session: session },
        headers: { host: HOST, "content-type": "application/x-www-form-urlencoded", ...headers },
        payload: form({ id: String(secretId), value: "false" }),
      });
    const attempts: Record<string, string>[] = [
      { origin: "http://evil.example" },
      { origin: "http://localhost:9999" },
      { "sec-fetch-site": "same-site" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
      { origin: `http://${HOST}`, "sec-fetch-site": "cross-site" },
    ];
    for (const headers of attempts) {
      const r = await hide(headers);
      expect(r.statusCode, JSON.stringify(headers)).toBe(403);
      expect(r.body).toContain("another site");
    }
    // the meeting is still hidden
    expect((await app.inject(`/api/meetings/${secretId}`)).statusCode).toBe(404);
    // the same form from the app's own page goes through
    expect(
      (await hide({ origin: `http://${HOST}`, "sec-fetch-site": "same-origin" })).statusCode,
    ).toBe(303);
    expect((await hide({ origin: `http://${HOST}` })).statusCode).toBe(303);
    const back = await app.inject({
      method: "POST",
      url: "/curate/members-only",
      cookies: { rapporteur_session: session },
      headers: {
        host: HOST,
        origin: `http://${HOST}`,
        "content-type": "application/x-www-form-urlencoded",
      },
      payload: form({ id: String(secretId), value: "true" }),
    });
    expect(back.statusCode).toBe(303);
  });

  it("keeps a session id in the cookie, never the token, and ends it at logout", async () => {
    const session = await login();
    expect(session).not.toContain(token);
    expect(session).toMatch(/^ses_/);
    const me = await app.inject({
      url: `/api/meetings/${secretId}`,
      cookies: { rapporteur_session: session },
    });
    expect(me.statusCode).toBe(200);
    // the raw token in the cookie is not a login
    expect(
      (
        await app.inject({
          url: `/api/meetings/${secretId}`,
          cookies: { rapporteur_session: token },
        })
      ).statusCode,
    ).toBe(404);
    await app.inject({ url: "/logout", cookies: { rapporteur_session: session } });
    expect(
      (
        await app.inject({
          url: `/api/meetings/${secretId}`,
          cookies: { rapporteur_session: session },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe("authorization comes before the body", () => {
  it("answers 401 unauthorized to an anonymous write whatever its body", async () => {
    const bad = await app.inject({
      method: "POST",
      url: "/api/actions/status",
      payload: { nonsense: true },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().error).toBe("unauthorized");
    const big = Buffer.alloc(14 * 1024 * 1024, 65);
    const t = performance.now();
    const upload = await app.inject({
      method: "POST",
      url: "/api/meetings",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      payload: big,
    });
    expect(upload.statusCode).toBe(401);
    expect(performance.now() - t).toBeLessThan(5000);
  });

  it("answers 405 with Allow to a method a path does not take", async () => {
    for (const method of ["PUT", "PATCH", "DELETE"] as const) {
      const r = await app.inject({
        method,
        url: "/api/meetings",
        headers: { authorization: `Bearer ${token}` },
      });
      expect(r.statusCode, method).toBe(405);
      expect(r.headers.allow).toBe("GET, POST");
    }
    const r = await app.inject({
      method: "DELETE",
      url: `/api/meetings/${secretId}`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(r.statusCode).toBe(405);
    expect(r.headers.allow).toBe("GET, PATCH");
  });
});

describe("inputs", () => {
  it("answers 400 naming a date that does not exist", async () => {
    for (const url of [
      "/api/meetings?from=2021-13-99",
      "/api/search?q=budget&from=2021-02-30",
      "/api/participation?to=2021-02-30",
      "/participation?from=2021-13-99",
      "/groups/ODSB/report?from=2021-02-30",
    ]) {
      const r = await app.inject(url);
      expect(r.statusCode, url).toBe(400);
      expect(r.body, url).toMatch(/2021-(13-99|02-30).{0,20}is not a date/);
    }
  });

  it("reads % and _ in a group name as themselves", async () => {
    expect((await app.inject("/groups/%25/calendar.ics")).statusCode).toBe(404);
    expect((await app.inject("/groups/____/calendar.ics")).statusCode).toBe(404);
    expect((await app.inject("/api/meetings?group=%25")).json().meetings).toEqual([]);
    expect((await app.inject("/groups/ODSB/calendar.ics")).statusCode).toBe(200);
  });
});

describe("guessing tokens", () => {
  it("limits logins to ten a minute from one address", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) {
      const r = await app.inject({
        method: "POST",
        url: "/login",
        remoteAddress: "10.0.0.7",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        payload: form({ token: `wrong-${i}` }),
      });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 10).every((c) => c === 401)).toBe(true);
    expect(codes.slice(10)).toEqual([429, 429]);
  });

  it("stops an address after twenty wrong bearer tokens, before checking more", async () => {
    const codes: number[] = [];
    for (let i = 0; i < 22; i++) {
      const r = await app.inject({
        url: "/api/stats",
        remoteAddress: "10.0.0.8",
        headers: { authorization: `Bearer wrong-${i}` },
      });
      codes.push(r.statusCode);
    }
    expect(codes.slice(0, 20).every((c) => c === 200)).toBe(true);
    expect(codes.slice(20)).toEqual([429, 429]);
    // even the right token waits: the address is stopped before any token is checked
    const right = await app.inject({
      url: "/api/stats",
      remoteAddress: "10.0.0.8",
      headers: { authorization: `Bearer ${token}` },
    });
    expect(right.statusCode).toBe(429);
    expect(Number(right.headers["retry-after"])).toBeGreaterThan(0);
    // another address is not affected
    expect(
      (
        await app.inject({
          url: "/api/stats",
          remoteAddress: "10.0.0.9",
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(200);
  });
});

describe("members-only meetings leak nothing", () => {
  it("has no person page for someone seen only in a hidden meeting", async () => {
    const people = (
      await app.inject({ url: "/api/people", headers: { authorization: `Bearer ${token}` } })
    ).json().people as { id: string; name: string }[];
    const hidden = people.find((p) => p.name === "Quintus Secretus")!;
    expect(hidden).toBeTruthy();
    expect((await app.inject(`/api/people/${hidden.id}`)).statusCode).toBe(404);
    expect((await app.inject(`/people/${hidden.id}`)).statusCode).toBe(404);
    expect((await app.inject("/api/people/nobody-at-all")).statusCode).toBe(404);
    expect(
      (
        await app.inject({
          url: `/api/people/${hidden.id}`,
          headers: { authorization: `Bearer ${token}` },
        })
      ).statusCode,
    ).toBe(200);
  });

  it("gives readers a group's report and draft over its visible meetings", async () => {
    const auth = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const odsb = (await app.inject("/api/meetings?group=ODSB")).json().meetings as {
      id: number;
      number: number;
    }[];
    const hidden = odsb[0]!;
    const set = (value: string) =>
      app.inject({
        method: "POST",
        url: "/curate/members-only",
        headers: { ...auth, "content-type": "application/x-www-form-urlencoded" },
        payload: form({ id: String(hidden.id), value }),
      });
    expect((await set("true")).statusCode).toBe(303);
    try {
      const report = await app.inject("/groups/ODSB/report?format=md");
      expect(report.statusCode).toBe(200);
      expect(report.body).not.toContain(`| ${hidden.number} |`);
      expect(
        (
          await app.inject({
            url: "/groups/ODSB/report?format=md",
            headers: { authorization: auth.authorization },
          })
        ).body,
      ).toContain(`| ${hidden.number} |`);
      const draft = await app.inject("/groups/ODSB/draft.md");
      expect(draft.statusCode).toBe(200);
      expect(draft.body).toContain(`meeting ${hidden.number - 1}`);
      // a group seen only in hidden meetings does not exist for a reader
      expect((await app.inject("/groups/Closed Strategy Circle/report?format=md")).statusCode).toBe(
        404,
      );
      expect(
        (
          await app.inject({
            url: "/groups/Closed Strategy Circle/report?format=md",
            headers: { authorization: auth.authorization },
          })
        ).statusCode,
      ).toBe(200);
    } finally {
      await set("false");
    }
  });
});

describe("server errors", () => {
  it("logs an internal error with the request id the answer gives", async () => {
    const broken = await openStore({});
    const server = await buildApp({ db: broken, now: () => new Date(), cache: false });
    await broken.close(); // every query now fails
    const written: string[] = [];
    const spy = vi
      .spyOn(process.stderr, "write")
      .mockImplementation((chunk: string | Uint8Array) => {
        written.push(String(chunk));
        return true;
      });
    try {
      const r = await server.inject("/api/stats");
      expect(r.statusCode).toBe(500);
      const id = /\(request ([^)]+)\)/.exec(r.json().message)?.[1];
      expect(id).toBeTruthy();
      expect(written.join("")).toContain(`(request ${id})`);
    } finally {
      spy.mockRestore();
      await server.close();
    }
  });
});
