import { describe, expect, it, beforeAll, afterAll } from "vitest";
import { Validator } from "@seriousme/openapi-schema-validator";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { FastifyInstance } from "fastify";
import type { Db } from "../src/store/db.js";
import { seededApp } from "./web-helpers.js";

// The OpenAPI document is generated from the routes' zod schemas; a real validator checks
// it, and every API operation's real answers are checked against what it documents.
let app: FastifyInstance, db: Db, token: string, secretId: number;
beforeAll(async () => {
  ({ app, db, token, secretId } = await seededApp());
});
afterAll(async () => {
  await app.close();
  await db.close();
});

type Doc = {
  openapi: string;
  paths: Record<
    string,
    Record<
      string,
      {
        responses: Record<string, { content?: Record<string, { schema: object }> }>;
        security?: unknown[];
        requestBody?: unknown;
      }
    >
  >;
};

describe("the OpenAPI document", () => {
  it("is a valid OpenAPI 3.1 document with schemas, errors and security", async () => {
    const doc = (await app.inject("/api/docs")).json<Doc>();
    const result = await new Validator().validate(doc);
    expect(result.errors ?? [], JSON.stringify(result.errors ?? "").slice(0, 500)).toEqual([]);
    expect(result.valid).toBe(true);
    expect(doc.openapi).toBe("3.1.0");
    const ops = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => ({ path, method, op })),
    );
    expect(ops.length).toBeGreaterThanOrEqual(12);
    for (const { path, method, op } of ops) {
      const ok = Object.keys(op.responses).find((s) => s.startsWith("2"))!;
      expect(
        op.responses[ok]?.content?.["application/json"]?.schema,
        `${method} ${path}`,
      ).toBeTruthy();
      expect(op.responses["400"], `${method} ${path} documents 400`).toBeTruthy();
      if (method !== "get") {
        expect(op.security, `${method} ${path} needs a token`).toEqual([{ bearer: [] }]);
        expect(op.responses["401"], `${method} ${path} documents 401`).toBeTruthy();
        if (method !== "delete")
          expect(op.requestBody, `${method} ${path} documents its body`).toBeTruthy();
      }
    }
    expect(doc.paths["/api/meetings"]!.post!.responses["201"]).toBeTruthy();
  });

  it("describes what every API route really answers", async () => {
    const doc = (await app.inject("/api/docs")).json<Doc>();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    const check = (path: string, method: string, status: number, body: unknown) => {
      const schema =
        doc.paths[path]?.[method]?.responses[String(status)]?.content?.["application/json"]?.schema;
      expect(schema, `${method} ${path} documents ${status}`).toBeTruthy();
      // the schema's references point into the document's components
      const valid = ajv.validate(
        { ...schema!, components: (doc as unknown as { components: object }).components },
        body,
      );
      expect(valid, `${method} ${path} ${status}: ${ajv.errorsText(ajv.errors)}`).toBe(true);
    };
    const editor = { authorization: `Bearer ${token}` };
    const get = async (
      path: string,
      url = path,
      status = 200,
      headers: Record<string, string> = editor,
    ) => {
      const r = await app.inject({ url, headers });
      expect(r.statusCode, url).toBe(status);
      check(path, "get", status, r.json());
      return r.json();
    };
    const ms = (await get("/api/meetings")).meetings as { id: number }[];
    await get("/api/meetings", "/api/meetings?group=ODSB&from=2024-01-01");
    await get("/api/meetings/{id}", `/api/meetings/${ms[0]!.id}`);
    await get("/api/meetings/{id}", `/api/meetings/${secretId}`);
    await get("/api/meetings/{id}", "/api/meetings/999999", 404);
    await get("/api/meetings/{id}", "/api/meetings/abc", 400);
    const people = (await get("/api/people")).people as { id: string }[];
    await get("/api/people/{id}", `/api/people/${people[0]!.id}`);
    await get("/api/people/{id}", "/api/people/nobody-here", 404);
    await get("/api/search", "/api/search?q=budget");
    await get("/api/search", "/api/search?q=budget&from=2021-02-30", 400);
    const actions = (await get("/api/actions")).actions as { source: string; key: string }[];
    await get("/api/actions", "/api/actions?status=overdue");
    await get("/api/findings");
    await get("/api/decisions", "/api/decisions?group=ODSB");
    await get("/api/groups");
    await get("/api/stats");
    await get("/api/participation");

    const status = await app.inject({
      method: "POST",
      url: "/api/actions/status",
      headers: editor,
      payload: { source: actions[0]!.source, key: actions[0]!.key, status: "open" },
    });
    expect(status.statusCode).toBe(200);
    check("/api/actions/status", "post", 200, status.json());
    const anonymous = await app.inject({ method: "POST", url: "/api/actions/status", payload: {} });
    expect(anonymous.statusCode).toBe(401);
    check("/api/actions/status", "post", 401, anonymous.json());

    const boundary = "----openapitest";
    const report =
      "Test Upload Group\nMeeting 1\n3 May 2024\n\nPresent: Ann Lee, Bo Chen\n\n1. Budget\nAnn Lee said the budget is fine.\n";
    const payload = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="openapi-upload.txt"\r\nContent-Type: text/plain\r\n\r\n${report}\r\n--${boundary}--\r\n`,
    );
    const up = await app.inject({
      method: "POST",
      url: "/api/meetings",
      headers: { ...editor, "content-type": `multipart/form-data; boundary=${boundary}` },
      payload,
    });
    expect(up.statusCode, up.body).toBe(201);
    check("/api/meetings", "post", 201, up.json());

    // corrections: set, refuse stale, refuse bad values, revert, history
    const id = ms[0]!.id;
    const patch = (payload: unknown, headers: Record<string, string> = editor) =>
      app.inject({
        method: "PATCH",
        url: `/api/meetings/${id}`,
        headers,
        payload: payload as object,
      });
    const set = await patch({ number: 401 }, { ...editor, "if-match": '"0"' });
    expect(set.statusCode, set.body).toBe(200);
    check("/api/meetings/{id}", "patch", 200, set.json());
    for (const [r, code] of [
      [await patch({ number: 402 }, { ...editor, "if-match": '"0"' }), 412],
      [await patch({ number: "x" }), 400],
      [await patch({ number: 3 }, {}), 401],
    ] as const) {
      expect(r.statusCode, r.body).toBe(code);
      check("/api/meetings/{id}", "patch", code, r.json());
    }
    await get("/api/meetings/{id}/history", `/api/meetings/${id}/history`);
    const revert = await app.inject({
      method: "DELETE",
      url: `/api/meetings/${id}/corrections/number`,
      headers: editor,
    });
    expect(revert.statusCode, revert.body).toBe(200);
    check("/api/meetings/{id}/corrections/{field}", "delete", 200, revert.json());
  });
});
