import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { parse, jsonSchema, Filters, SearchQ, IdParam, PersonParam } from "../validate.js";
import * as web from "../../commands/web.js";
import type { AppDeps } from "../deps.js";
import { RapporteurError } from "../../model/errors.js";
import { ACTION_FILTERS, ACTION_STATUSES, isOverdue, matchesFilter } from "../../model/actions.js";

// Route -> command -> presenter: each route parses its input with the zod schema beside it,
// calls one command, and returns plain JSON.

const meetingOut = (m: Awaited<ReturnType<typeof web.meeting>>) => ({ id: m.id, membersOnly: m.membersOnly, ...m.record, actions: m.actions, people: m.people, stakeholders: m.stakeholders });

export async function apiRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const doc = (summary: string, extra: Record<string, unknown> = {}) => ({ schema: { summary, tags: ["api"], ...extra } as object });

  app.get("/api/meetings", doc("Meetings, newest first; filter by group and dates", { querystring: jsonSchema(Filters) }), async (req) => {
    const q = parse(Filters, req.query);
    return { meetings: await web.meetings(db, req.viewer, q) };
  });

  app.get("/api/meetings/:id", doc("One meeting: the full record with provenance", { params: jsonSchema(IdParam) }), async (req) => {
    const { id } = parse(IdParam, req.params);
    return meetingOut(await web.meeting(db, req.viewer, id, { followUps: true }));
  });

  app.post("/api/meetings", doc("Upload a report (editors only): multipart field `file`; `membersOnly=true` to hide it from readers", { consumes: ["multipart/form-data"] }), async (req, reply) => {
    if (!req.isMultipart()) throw new RapporteurError("bad-argument", "send the report as multipart/form-data with a field named file");
    const file = await req.file();
    if (!file) throw new RapporteurError("bad-argument", "no file in the upload; send it in a field named file");
    const bytes = await file.toBuffer();
    const membersOnly = (file.fields.membersOnly as { value?: string } | undefined)?.value === "true";
    const id = await web.upload(db, req.viewer, bytes, file.filename, { contentType: file.mimetype, membersOnly, derive: { classify: deps.classify, glossary: deps.glossary } });
    reply.code(201);
    return meetingOut(await web.meeting(db, req.viewer, id));
  });

  app.get("/api/people", doc("Everyone across meetings, with spellings and evidence"), async (req) => ({ people: await web.people(db, req.viewer) }));
  app.get("/api/people/:id", doc("One person: spellings, affiliations, attendance and statements", { params: jsonSchema(PersonParam) }), async (req) => {
    const { id } = parse(PersonParam, req.params);
    return web.person(db, req.viewer, id);
  });

  app.get("/api/search", doc("Ranked full-text search (websearch syntax, word* prefix)", { querystring: jsonSchema(SearchQ) }), async (req) => {
    const q = parse(SearchQ, req.query);
    return { hits: await web.find(db, req.viewer, q) };
  });

  const ActionsQ = z.object({ group: z.string().max(200).optional(), status: z.enum(ACTION_FILTERS).optional() });
  app.get("/api/actions", doc("Actions with their current status", { querystring: jsonSchema(ActionsQ) }), async (req) => {
    const q = parse(ActionsQ, req.query);
    const today = deps.now().toISOString().slice(0, 10);
    const all = (await web.actions(db, req.viewer, q)).map((a) => ({ ...a, overdue: isOverdue(a, today) }));
    return { actions: all.filter((a) => matchesFilter(a, q.status, today)) };
  });
  const StatusBody = z.object({ source: z.string().min(1), key: z.string().min(1), status: z.enum(ACTION_STATUSES) });
  app.post("/api/actions/status", doc("Set an action's status (editors only)", { body: jsonSchema(StatusBody) }), async (req) => {
    const b = parse(StatusBody, req.body);
    await web.setActionStatus(db, req.viewer, b.source, b.key, b.status);
    return { ok: true };
  });

  app.get("/api/findings", doc("Consistency findings of every meeting"), async (req) => ({ findings: await web.findings(db, req.viewer) }));
  app.get("/api/groups", doc("Groups and their meeting counts"), async (req) => ({ groups: await web.groups(db, req.viewer) }));
  app.get("/api/stats", doc("Counts of meetings, people, groups and findings"), async (req) => web.stats(db, req.viewer));
  app.get("/api/participation", doc("Attendance and stakeholder balance per meeting", { querystring: jsonSchema(Filters) }), async (req) => web.attendance(db, req.viewer, parse(Filters, req.query)));
}
