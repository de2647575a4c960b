import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { unzipSync, strFromU8 } from "fflate";
import type { FastifyInstance } from "fastify";
import type { Db } from "../src/store/db.js";
import { seededApp } from "./web-helpers.js";

// A test that cannot forget a route: every GET route of the app, walked as an anonymous
// reader with every value its parameters can take, must never show anything of the one
// members-only meeting — its group, the person only it lists, a word only it uses.
const SECRETS = ["Closed Strategy Circle", "Quintus Secretus", "Quorblex", "quorblex"];

let app: FastifyInstance, db: Db, token: string, secretId: number;
beforeAll(async () => {
  ({ app, db, token, secretId } = await seededApp());
});
afterAll(async () => {
  await app.close();
  await db.close();
});

// The text of a response, whatever its kind (a .docx is a zip of XML)
function textOf(body: Buffer, type: string): string {
  if (type.includes("wordprocessingml")) {
    const files = unzipSync(new Uint8Array(body));
    return Object.entries(files)
      .filter(([n]) => n.endsWith(".xml"))
      .map(([, b]) => strFromU8(b).replace(/<[^>]+>/g, ""))
      .join(" ");
  }
  return body.toString("utf8");
}

describe("an anonymous reader, on every route", () => {
  it("never sees the members-only meeting, its people or its words", async () => {
    const editor = { authorization: `Bearer ${token}` };
    // every value a parameter can take, as an editor sees the store (hidden things included)
    const meetings = (await app.inject({ url: "/api/meetings", headers: editor })).json()
      .meetings as { id: number; group: string; groupAcronym: string | null }[];
    const people = (await app.inject({ url: "/api/people", headers: editor })).json().people as {
      id: string;
    }[];
    expect(meetings.some((m) => m.id === secretId)).toBe(true);
    const values: Record<string, string[]> = {
      id: [...meetings.map((m) => String(m.id)), ...people.map((p) => p.id)],
      g: [
        ...new Set(
          meetings.flatMap((m) => [m.group, m.groupAcronym].filter((x): x is string => !!x)),
        ),
      ],
      term: ["Quorblex", "encryption", "Quintus Secretus", "survey", "Closed"],
      format: ["md", "docx", "html"],
      file: ["app.css"],
    };
    const queries = [
      "",
      "?q=Quorblex",
      "?q=Quintus",
      "?q=Closed Strategy Circle",
      "?q=survey",
      "?group=Closed",
      "?q=encryption&group=Closed",
      "?person=Quintus Secretus&q=survey",
      "?format=md",
      "?format=docx",
    ];
    const routes = app.routeList().filter((r) => r.methods.includes("GET"));
    expect(routes.length).toBeGreaterThan(20);
    let asked = 0;
    for (const r of routes) {
      const names = [...r.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      let urls = [{ url: r.url, typed: [] as string[] }];
      for (const n of names) {
        const vs = values[n];
        expect(vs, `no values for :${n} in ${r.url}`).toBeTruthy();
        urls = urls.flatMap((u) =>
          vs!.map((v) => ({
            url: u.url.replace(`:${n}`, encodeURIComponent(v)),
            typed: [...u.typed, v],
          })),
        );
      }
      for (const { url: u, typed: inPath } of urls)
        for (const q of queries) {
          const res = await app.inject({ url: u + encodeURI(q).replace(/&amp;/g, "&") });
          asked++;
          if (res.statusCode >= 500)
            throw new Error(`${u}${q}: ${res.statusCode} ${res.body.slice(0, 200)}`);
          // what the reader typed may be echoed back ("nobody called X", "Topic: X"), in an
          // answer that says nothing is there; nothing more
          let text = textOf(res.rawPayload, String(res.headers["content-type"] ?? ""));
          const echoes = [
            ...new URLSearchParams(q).values(),
            ...(res.statusCode >= 400 || r.url.startsWith("/topics/") ? inPath : []),
          ];
          for (const typed of echoes) text = text.split(typed).join("");
          for (const s of SECRETS) expect(text.includes(s), `${u}${q} shows "${s}"`).toBe(false);
        }
    }
    expect(asked).toBeGreaterThan(1000);
    // a topic page for a secret word is the page for a word nobody used
    const page = async (term: string) =>
      (await app.inject(`/topics/${encodeURIComponent(term)}`)).body.split(term).join("TERM");
    expect(await page("Quorblex")).toBe(await page("Zzyxqv"));
  }, 300_000);

  it("lets an editor see the same things (the test would notice a secret it cannot find)", async () => {
    const editor = { authorization: `Bearer ${token}` };
    expect((await app.inject({ url: `/meetings/${secretId}`, headers: editor })).body).toContain(
      "Closed Strategy Circle",
    );
    expect((await app.inject({ url: "/api/search?q=Quorblex", headers: editor })).body).toContain(
      "Quorblex",
    );
    expect((await app.inject({ url: "/api/people", headers: editor })).body).toContain(
      "Quintus Secretus",
    );
    expect((await app.inject({ url: "/topics/Quorblex", headers: editor })).body).toContain(
      "Quorblex",
    );
  });
});
