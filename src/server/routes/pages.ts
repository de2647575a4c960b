import type { FastifyInstance, FastifyReply } from "fastify";
import { parse, Filters, IdParam, PersonParam, IsoDate } from "../validate.js";
import * as web from "../../commands/web.js";
import type { AppDeps } from "../deps.js";
import { layout } from "../pages/layout.js";
import { homeView, meetingView, personView, searchView, actionsBoard, meetingTable, topicView, followUpsView } from "../pages/views.js";
import { attendanceChart, balanceChart, timelineChart } from "../../render/charts.js";
import { html, raw, type Html } from "../../render/html.js";
import { isRapporteurError } from "../../model/errors.js";
import { z } from "zod";
import { groupCalendar } from "../../store/calendar.js";
import { topicTimeline } from "../../store/topic.js";
import { renderCalendar } from "../../render/calendar.js";
import { notFound } from "../../model/errors.js";
import { renderReport } from "../../commands/render.js";
import { periodReport } from "../../commands/report.js";
import { draftFacts } from "../../store/draft.js";
import { renderDraft } from "../../render/draft-md.js";

const page = (reply: FastifyReply, title: string, editor: string | null, body: Html, path?: string) =>
  reply.type("text/html; charset=utf-8").send(layout({ title, editor, body, ...(path ? { path } : {}) }));

/** Server-rendered pages at stable paths; they work without JavaScript. */
export async function pageRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const hide = { schema: { hide: true } as object };
  const today = () => deps.now().toISOString().slice(0, 10);

  app.get("/", hide, async (req, reply) => {
    const v = req.viewer;
    const [groups, latest, actions] = await Promise.all([web.groups(db, v), web.meetings(db, v, { limit: 10 }), web.actions(db, v, {})]);
    const upcoming = (await web.meetings(db, v, { limit: 500 })).filter((m) => m.nextMeeting && m.nextMeeting.slice(0, 10) >= today()).slice(0, 10);
    return page(reply, "Home", v.editor, homeView({ groups, latest, upcoming, open: actions.filter((a) => a.status === "open"), today: today() }), "/");
  });

  app.get("/meetings", hide, async (req, reply) => {
    const f = parse(Filters, req.query);
    return page(reply, "Meetings", req.viewer.editor, html`<h1>Meetings${f.group ? html` of ${f.group}` : ""}</h1>${meetingTable(await web.meetings(db, req.viewer, f))}`);
  });

  app.get("/meetings/:id", hide, async (req, reply) => {
    const { id } = parse(IdParam, req.params);
    const m = await web.meeting(db, req.viewer, id);
    return page(reply, `${m.record.group ?? "Meeting"} ${m.record.number ?? ""}`.trim(), req.viewer.editor, meetingView(m, req.viewer.editor));
  });

  const ReportParam = z.object({ id: z.coerce.number().int().positive(), format: z.enum(["md", "docx", "html"]) });
  app.get("/meetings/:id/report.:format", hide, async (req, reply) => {
    const { id, format } = parse(ReportParam, req.params);
    const m = await web.meeting(db, req.viewer, id);
    const name = `${m.record.source.replace(/\.[^.]+$/, "")}-report.${format}`;
    return reply.type(TYPES[format]).header("content-disposition", attachment(name)).send(await renderReport(m.record, format));
  });

  app.get("/meetings/:id/follow-ups", hide, async (req, reply) => {
    const { id } = parse(IdParam, req.params);
    const m = await web.meeting(db, req.viewer, id, { followUps: true });
    return page(reply, "Follow-ups", req.viewer.editor, followUpsView(m));
  });

  app.get("/people/:id", hide, async (req, reply) => {
    const { id } = parse(PersonParam, req.params);
    const p = await web.person(db, req.viewer, id);
    return page(reply, p.name, req.viewer.editor, personView(p));
  });

  const SearchPage = Filters.extend({ q: z.string().max(500).optional(), person: z.string().max(200).optional() });
  app.get("/search", hide, async (req, reply) => {
    const raw0 = Object.fromEntries(Object.entries(req.query as Record<string, string>).filter(([, v]) => v !== ""));
    const f = parse(SearchPage, raw0);
    let hits = null, error: string | undefined;
    if (f.q) {
      try { hits = await web.find(db, req.viewer, { ...f, q: f.q }); } catch (e) { if (!isRapporteurError(e)) throw e; error = e.message; }
    }
    return page(reply, f.q ? `Search: ${f.q}` : "Search", req.viewer.editor, searchView({ ...f, q: f.q ?? "", hits, error }), "/search");
  });

  app.get("/actions", hide, async (req, reply) => {
    const f = parse(z.object({ group: z.string().max(200).optional() }), req.query);
    return page(reply, "Actions", req.viewer.editor, actionsBoard(await web.actions(db, req.viewer, f), today(), !!req.viewer.editor), "/actions");
  });

  app.get("/topics/:term", hide, async (req, reply) => {
    const { term } = parse(z.object({ term: z.string().min(1).max(200) }), req.params);
    const t = await topicTimeline(db, req.viewer, term);
    const months = new Map<string, number>();
    for (const m of t.meetings) if (m.start) months.set(m.start.slice(0, 7), (months.get(m.start.slice(0, 7)) ?? 0) + m.sections.length);
    const chart = timelineChart([...months].map(([k, count]) => ({ date: new Date(`${k}-01T00:00:00Z`), count })), `Sections on ${term} per month`);
    return page(reply, `Topic: ${term}`, req.viewer.editor, topicView(t, raw(chart), today()));
  });

  const ReportQ = z.object({ from: IsoDate.optional(), to: IsoDate.optional(), format: z.enum(["html", "md", "docx"]).default("html") });
  app.get("/groups/:g/report", hide, async (req, reply) => {
    const { g } = parse(z.object({ g: z.string().min(1).max(200) }), req.params);
    const q = parse(ReportQ, Object.fromEntries(Object.entries(req.query as Record<string, string>).filter(([, v]) => v !== "")));
    const out = await periodReport(db, req.viewer, g, q.from ?? null, q.to ?? null, q.format, today());
    if (out === null) throw notFound(`group ${g}`);
    if (q.format !== "html") reply.header("content-disposition", attachment(`${g}-report.${q.format}`));
    return reply.type(TYPES[q.format]).send(out);
  });

  app.get("/groups/:g/draft.md", hide, async (req, reply) => {
    const { g } = parse(z.object({ g: z.string().min(1).max(200) }), req.params);
    const facts = await draftFacts(db, req.viewer, g);
    if (!facts) throw notFound(`group ${g}`);
    return reply.type("text/markdown; charset=utf-8").header("content-disposition", attachment(`${g}-next-meeting-draft.md`)).send(renderDraft(facts));
  });

  app.get("/groups/:g/calendar.ics", hide, async (req, reply) => {
    const { g } = parse(z.object({ g: z.string().min(1).max(200) }), req.params);
    const cal = await groupCalendar(db, req.viewer, g);
    if (!cal) throw notFound(`group ${g}`);
    const base = `${req.protocol}://${req.headers.host ?? "localhost"}`;
    return reply.type("text/calendar; charset=utf-8").header("content-disposition", attachment(`${g}.ics`)).send(renderCalendar(cal.name, cal.meetings, base, deps.now()));
  });

  app.get("/participation", hide, async (req, reply) => {
    const raw0 = Object.fromEntries(Object.entries(req.query as Record<string, string>).filter(([, v]) => v !== ""));
    const f = parse(Filters, raw0);
    const data = await web.attendance(db, req.viewer, f);
    const label = new Map(data.meetings.map((m) => [m.id, `${m.groupAcronym ?? m.group ?? "?"} ${m.number ?? ""} (${(m.start ?? "").slice(0, 10)})`]));
    const att = data.attendance.map((a) => ({ person: a.person, meeting: label.get(a.meetingId)! }));
    const bal = data.balance.map((b) => ({ meeting: label.get(b.meetingId)!, stakeholder: b.stakeholder, count: b.count }));
    const body = html`<h1>Participation</h1>
<form method="get" action="/participation" class="filters">
<div><label for="group">Group</label><input id="group" name="group" value="${f.group ?? ""}"></div>
<div><label for="from">From</label><input id="from" name="from" type="date" value="${f.from ?? ""}"></div>
<div><label for="to">To</label><input id="to" name="to" type="date" value="${f.to ?? ""}"></div>
<div><button type="submit">Show</button></div></form>
<section aria-labelledby="bal"><h2 id="bal">Stakeholder balance per meeting</h2><div class="scroll">${raw(balanceChart(bal, "Participants per stakeholder group and meeting"))}</div></section>
<section aria-labelledby="att"><h2 id="att">Attendance (people × meetings)</h2><div class="scroll">${raw(attendanceChart(att, "Who attended which meeting"))}</div>
<p class="muted">${data.meetings.length} meetings, ${new Set(att.map((a) => a.person)).size} people.</p></section>`;
    return page(reply, "Participation", req.viewer.editor, body, "/participation");
  });
}

const TYPES = { md: "text/markdown; charset=utf-8", docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", html: "text/html; charset=utf-8" };

/** A download's header, with a file name safe in any browser. */
const attachment = (name: string) => `attachment; filename="${name.replace(/[^\w.-]+/g, "-")}"`;
