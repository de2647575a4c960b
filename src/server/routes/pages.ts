import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import {
  parseInput,
  MeetingFilter,
  MeetingId,
  PersonId,
  SearchInput,
  PeriodInput,
} from "../../commands/inputs.js";
import { meetings, meeting } from "../../commands/meetings.js";
import { person } from "../../commands/people.js";
import { find } from "../../commands/search.js";
import { actions } from "../../commands/actions.js";
import { groups } from "../../commands/groups.js";
import { participation } from "../../commands/participation.js";
import { topic } from "../../commands/topic.js";
import { calendar } from "../../commands/calendar.js";
import { draft } from "../../commands/draft.js";
import { periodReport } from "../../commands/report.js";
import { decisions } from "../../commands/decisions.js";
import { decisionsView } from "../pages/decisions-view.js";
import { renderReport } from "../../commands/render.js";
import type { AppDeps } from "../deps.js";
import { layout } from "../pages/layout.js";
import {
  homeView,
  meetingView,
  personView,
  searchView,
  actionsBoard,
  meetingTable,
  topicView,
  followUpsView,
} from "../pages/views.js";
import { attendanceChart, balanceChart, timelineChart } from "../../render/charts.js";
import { html, raw, type Html } from "../../render/html.js";
import { isRapporteurError, notFound } from "../../model/errors.js";

const page = (
  reply: FastifyReply,
  title: string,
  editor: string | null,
  body: Html,
  path?: string,
) =>
  reply
    .type("text/html; charset=utf-8")
    .send(layout({ title, editor, body, ...(path ? { path } : {}) }));

/** Server-rendered pages at stable paths; they work without JavaScript. */
export async function pageRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const hide = { schema: { hide: true } as object };
  // a form's empty fields are no filter
  const filled = (q: unknown) =>
    Object.fromEntries(Object.entries(q as Record<string, string>).filter(([, v]) => v !== ""));
  const today = () => deps.now().toISOString().slice(0, 10);

  app.get("/", hide, async (req, reply) => {
    const v = req.viewer;
    const [gs, latest, acts] = await Promise.all([
      groups(db, v),
      meetings(db, v, { limit: 10 }),
      actions(db, v, { status: "open" }, today()),
    ]);
    const upcoming = (await meetings(db, v, { limit: 500 }))
      .filter((m) => m.nextMeeting && m.nextMeeting.slice(0, 10) >= today())
      .slice(0, 10);
    return page(
      reply,
      "Home",
      v.editor,
      homeView({ groups: gs, latest, upcoming, open: acts, today: today() }),
      "/",
    );
  });

  app.get("/meetings", hide, async (req, reply) => {
    const f = parseInput(MeetingFilter, filled(req.query));
    return page(
      reply,
      "Meetings",
      req.viewer.editor,
      html`<h1>Meetings${f.group ? html` of ${f.group}` : ""}</h1>
        ${meetingTable(await meetings(db, req.viewer, f))}`,
    );
  });

  app.get("/meetings/:id", hide, async (req, reply) => {
    const { id } = parseInput(MeetingId, req.params);
    const m = await meeting(db, req.viewer, id);
    return page(
      reply,
      `${m.record.group ?? "Meeting"} ${m.record.number ?? ""}`.trim(),
      req.viewer.editor,
      meetingView(m, req.viewer.editor),
    );
  });

  const ReportParam = z.object({
    id: z.coerce.number().int().positive(),
    format: z.enum(["md", "docx", "html"]),
  });
  app.get("/meetings/:id/report.:format", hide, async (req, reply) => {
    const { id, format } = parseInput(ReportParam, req.params);
    const m = await meeting(db, req.viewer, id);
    const name = `${m.record.source.replace(/\.[^.]+$/, "")}-report.${format}`;
    return reply
      .type(TYPES[format])
      .header("content-disposition", attachment(name))
      .send(await renderReport(m.record, format, m.lines, m.nicknames));
  });

  app.get("/meetings/:id/follow-ups", hide, async (req, reply) => {
    const { id } = parseInput(MeetingId, req.params);
    const m = await meeting(db, req.viewer, id, { followUps: true });
    return page(reply, "Follow-ups", req.viewer.editor, followUpsView(m));
  });

  app.get("/people/:id", hide, async (req, reply) => {
    const { id } = parseInput(PersonId, req.params);
    const p = await person(db, req.viewer, id);
    return page(reply, p.name, req.viewer.editor, personView(p));
  });

  const SearchPage = SearchInput.partial({ q: true });
  app.get("/search", hide, async (req, reply) => {
    const f = parseInput(SearchPage, filled(req.query));
    let hits = null,
      error: string | undefined;
    if (f.q) {
      try {
        hits = await find(db, req.viewer, { ...f, q: f.q }, deps.lists);
      } catch (e) {
        if (!isRapporteurError(e)) throw e;
        error = e.message;
      }
    }
    return page(
      reply,
      f.q ? `Search: ${f.q}` : "Search",
      req.viewer.editor,
      searchView({ ...f, q: f.q ?? "", hits, error }),
      "/search",
    );
  });

  app.get("/actions", hide, async (req, reply) => {
    const f = parseInput(z.object({ group: z.string().max(200).optional() }), filled(req.query));
    return page(
      reply,
      "Actions",
      req.viewer.editor,
      actionsBoard(await actions(db, req.viewer, f, today()), today(), !!req.viewer.editor),
      "/actions",
    );
  });

  app.get("/topics/:term", hide, async (req, reply) => {
    const { term } = parseInput(z.object({ term: z.string().min(1).max(200) }), req.params);
    const t = await topic(db, req.viewer, term, deps.lists);
    const months = new Map<string, number>();
    for (const m of t.meetings)
      if (m.start)
        months.set(m.start.slice(0, 7), (months.get(m.start.slice(0, 7)) ?? 0) + m.sections.length);
    const chart = timelineChart(
      [...months].map(([k, count]) => ({ date: new Date(`${k}-01T00:00:00Z`), count })),
      `Sections on ${term} per month`,
    );
    return page(reply, `Topic: ${term}`, req.viewer.editor, topicView(t, raw(chart), today()));
  });

  const GroupParam = z.object({ g: z.string().min(1).max(200) });
  app.get("/groups/:g/report", hide, async (req, reply) => {
    const { g } = parseInput(GroupParam, req.params);
    const input = parseInput(PeriodInput, { ...filled(req.query), group: g });
    const out = await periodReport(db, req.viewer, input, today());
    if (input.format !== "html")
      reply.header("content-disposition", attachment(`${g}-report.${input.format}`));
    return reply.type(TYPES[input.format]).send(out);
  });

  app.get("/groups/:g/decisions", hide, async (req, reply) => {
    const { g } = parseInput(GroupParam, req.params);
    const rows = await decisions(db, req.viewer, { group: g });
    if (!rows.length) throw notFound(`decisions of the group "${g}"`);
    return page(
      reply,
      `Decisions of ${rows[0]!.group ?? g}`,
      req.viewer.editor,
      decisionsView(g, rows),
    );
  });

  app.get("/groups/:g/draft.md", hide, async (req, reply) => {
    const { g } = parseInput(GroupParam, req.params);
    return reply
      .type("text/markdown; charset=utf-8")
      .header("content-disposition", attachment(`${g}-next-meeting-draft.md`))
      .send(await draft(db, req.viewer, g));
  });

  app.get("/groups/:g/calendar.ics", hide, async (req, reply) => {
    const { g } = parseInput(GroupParam, req.params);
    const base = `${req.protocol}://${req.headers.host ?? "localhost"}`;
    return reply
      .type("text/calendar; charset=utf-8")
      .header("content-disposition", attachment(`${g}.ics`))
      .send(await calendar(db, req.viewer, g, base, deps.now()));
  });

  app.get("/participation", hide, async (req, reply) => {
    const f = parseInput(MeetingFilter, filled(req.query));
    const data = await participation(db, req.viewer, f);
    const label = new Map(
      data.meetings.map((m) => [
        m.id,
        `${m.groupAcronym ?? m.group ?? "?"} ${m.number ?? ""} (${(m.start ?? "").slice(0, 10)})`,
      ]),
    );
    const att = data.attendance.map((a) => ({
      person: a.person,
      meeting: label.get(a.meetingId)!,
    }));
    const bal = data.balance.map((b) => ({
      meeting: label.get(b.meetingId)!,
      stakeholder: b.stakeholder,
      count: b.count,
    }));
    const body = html`<h1>Participation</h1>
      <form method="get" action="/participation" class="filters">
        <div>
          <label for="group">Group</label><input id="group" name="group" value="${f.group ?? ""}" />
        </div>
        <div>
          <label for="from">From</label
          ><input id="from" name="from" type="date" value="${f.from ?? ""}" />
        </div>
        <div>
          <label for="to">To</label><input id="to" name="to" type="date" value="${f.to ?? ""}" />
        </div>
        <div><button type="submit">Show</button></div>
      </form>
      <section aria-labelledby="bal">
        <h2 id="bal">Stakeholder balance per meeting</h2>
        <div class="scroll">
          ${raw(balanceChart(bal, "Participants per stakeholder group and meeting"))}
        </div>
      </section>
      <section aria-labelledby="att">
        <h2 id="att">Attendance (people × meetings)</h2>
        <div class="scroll">${raw(attendanceChart(att, "Who attended which meeting"))}</div>
        <p class="muted">
          ${data.meetings.length} meetings, ${new Set(att.map((a) => a.person)).size} people.
        </p>
      </section>`;
    return page(reply, "Participation", req.viewer.editor, body, "/participation");
  });
}

const TYPES = {
  md: "text/markdown; charset=utf-8",
  docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  html: "text/html; charset=utf-8",
};

/** A download's header, with a file name safe in any browser. */
const attachment = (name: string) => `attachment; filename="${name.replace(/[^\w.-]+/g, "-")}"`;
