import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import {
  parseInput,
  MeetingFilter,
  MeetingId,
  PersonId,
  SearchInput,
  ActionsInput,
  ActionStatusInput,
  CorrectionPatch,
  DecisionsInput,
  IfMatch,
  RevertInput,
} from "../../commands/inputs.js";
import {
  correctMeeting,
  revertCorrection,
  meetingHistory,
  PEOPLE_FIELDS,
  type Corrected,
} from "../../commands/correct.js";
import { meetings, meeting, type MeetingDetail } from "../../commands/meetings.js";
import { people, person } from "../../commands/people.js";
import { find } from "../../commands/search.js";
import { actions, setActionStatus } from "../../commands/actions.js";
import { findings } from "../../commands/findings.js";
import { decisions } from "../../commands/decisions.js";
import { groups } from "../../commands/groups.js";
import { stats } from "../../commands/stats.js";
import { participation } from "../../commands/participation.js";
import { upload } from "../../commands/upload.js";
import { RapporteurError } from "../../model/errors.js";
import { sectionTexts } from "../../extract/section-text.js";
import type { AppDeps } from "../deps.js";
import { operation } from "../openapi.js";
import * as out from "../api-schemas.js";

// Route -> command -> presenter: each route parses its input with the use case's zod schema,
// calls one command, and returns plain JSON. The OpenAPI document comes from the same schemas.

const meetingOut = (m: MeetingDetail) => ({
  id: m.id,
  membersOnly: m.membersOnly,
  ...m.record,
  // each section with what was said under it, read from the stored original
  sections: withTexts(m),
  actions: m.actions,
  people: m.people,
  stakeholders: m.stakeholders,
  corrections: m.corrections,
  version: m.version,
});
function withTexts(m: MeetingDetail) {
  const texts = sectionTexts(m.record, m.lines);
  return m.record.sections.map((s, i) => ({ ...s, text: (texts[i] ?? []).join("\n\n") }));
}
const etag = (version: number) => `"${version}"`;

export async function apiRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const today = () => deps.now().toISOString().slice(0, 10);

  // after a change: people rebuilt soon if it touched who attended or spoke; the meeting
  // as GET gives it, with its new version as the ETag
  const corrected = async (done: Corrected, req: FastifyRequest, reply: FastifyReply) => {
    if (done.changed.some((f) => PEOPLE_FIELDS.has(f))) app.refreshSoon.schedule();
    const m = await meeting(db, req.viewer, done.id, { followUps: true });
    void reply.header("etag", etag(m.version));
    return meetingOut(m);
  };

  app.get(
    "/api/meetings",
    operation({
      summary: "Meetings, newest first; filter by group and dates",
      querystring: MeetingFilter,
      response: out.MeetingList,
    }),
    async (req) => ({
      meetings: await meetings(db, req.viewer, parseInput(MeetingFilter, req.query)),
    }),
  );

  app.get(
    "/api/meetings/:id",
    operation({
      summary: "One meeting: the full record with provenance",
      params: MeetingId,
      response: out.Meeting,
      notFound: true,
    }),
    async (req, reply) => {
      const { id } = parseInput(MeetingId, req.params);
      const m = await meeting(db, req.viewer, id, { followUps: true });
      void reply.header("etag", etag(m.version));
      return meetingOut(m);
    },
  );

  app.patch(
    "/api/meetings/:id",
    operation({
      summary:
        "Correct fields of a meeting (editors only): a JSON object of contract fields; a list field replaces the whole list. Send If-Match with the ETag to refuse a stale change (412)",
      params: MeetingId,
      body: CorrectionPatch,
      response: out.Meeting,
      write: true,
      notFound: true,
      stale: true,
    }),
    async (req, reply) => {
      const { id } = parseInput(MeetingId, req.params);
      const patch = parseInput(CorrectionPatch, req.body ?? {});
      const ifMatch = parseInput(IfMatch, req.headers["if-match"]);
      return corrected(await correctMeeting(db, req.viewer, { id, patch, ifMatch }), req, reply);
    },
  );

  app.delete(
    "/api/meetings/:id/corrections/:field",
    operation({
      summary:
        "Give a corrected field back to extraction (editors only); the history keeps the correction",
      params: RevertInput.pick({ id: true, field: true }),
      response: out.Meeting,
      write: true,
      notFound: true,
      stale: true,
    }),
    async (req, reply) => {
      const { id, field } = parseInput(RevertInput, req.params);
      const version = parseInput(IfMatch, req.headers["if-match"]);
      return corrected(await revertCorrection(db, req.viewer, { id, field, version }), req, reply);
    },
  );

  app.get(
    "/api/meetings/:id/history",
    operation({
      summary: "Every change editors made to a meeting, oldest first",
      params: MeetingId,
      response: out.History,
      notFound: true,
    }),
    async (req) => meetingHistory(db, req.viewer, parseInput(MeetingId, req.params).id),
  );

  app.post(
    "/api/meetings",
    operation({
      summary:
        "Upload a report (editors only): multipart field `file`; `membersOnly=true` hides it from readers",
      upload: true,
      write: true,
      status: 201,
      response: out.Meeting,
    }),
    async (req, reply) => {
      if (!req.isMultipart())
        throw new RapporteurError(
          "bad-argument",
          "send the report as multipart/form-data with a field named file",
        );
      const file = await req.file();
      if (!file)
        throw new RapporteurError(
          "bad-argument",
          "no file in the upload; send it in a field named file",
        );
      const bytes = await file.toBuffer();
      const membersOnly =
        (file.fields.membersOnly as { value?: string } | undefined)?.value === "true";
      const id = await upload(db, req.viewer, bytes, file.filename, {
        contentType: file.mimetype,
        membersOnly,
        derive: { classify: deps.classify, glossary: deps.glossary },
      });
      reply.code(201);
      return meetingOut(await meeting(db, req.viewer, id));
    },
  );

  app.get(
    "/api/people",
    operation({
      summary: "Everyone across meetings, with spellings and evidence",
      response: out.PeopleList,
    }),
    async (req) => ({ people: await people(db, req.viewer) }),
  );

  app.get(
    "/api/people/:id",
    operation({
      summary: "One person: spellings, affiliations, attendance and statements",
      params: PersonId,
      response: out.Person,
      notFound: true,
    }),
    async (req) => person(db, req.viewer, parseInput(PersonId, req.params).id),
  );

  app.get(
    "/api/search",
    operation({
      summary: "Ranked full-text search (websearch syntax, word* prefix)",
      querystring: SearchInput,
      response: out.SearchResult,
    }),
    async (req) => ({
      hits: await find(db, req.viewer, parseInput(SearchInput, req.query), deps.lists),
    }),
  );

  app.get(
    "/api/actions",
    operation({
      summary: "Actions with their current status (overdue is computed today)",
      querystring: ActionsInput,
      response: out.ActionList,
    }),
    async (req) => ({
      actions: await actions(db, req.viewer, parseInput(ActionsInput, req.query), today()),
    }),
  );

  app.post(
    "/api/actions/status",
    operation({
      summary: "Set an action's status (editors only)",
      body: ActionStatusInput,
      write: true,
      response: out.Ok,
    }),
    async (req) => {
      await setActionStatus(db, req.viewer, parseInput(ActionStatusInput, req.body));
      return { ok: true as const };
    },
  );

  app.get(
    "/api/findings",
    operation({ summary: "Consistency findings of every meeting", response: out.FindingList }),
    async (req) => ({ findings: await findings(db, req.viewer) }),
  );
  app.get(
    "/api/decisions",
    operation({
      summary: "The decisions register, newest meeting first; filter by group",
      querystring: DecisionsInput,
      response: out.DecisionList,
    }),
    async (req) => ({
      decisions: await decisions(db, req.viewer, parseInput(DecisionsInput, req.query)),
    }),
  );
  app.get(
    "/api/groups",
    operation({ summary: "Groups and their meeting counts", response: out.GroupList }),
    async (req) => ({ groups: await groups(db, req.viewer) }),
  );
  app.get(
    "/api/stats",
    operation({ summary: "Counts of meetings, people, groups and findings", response: out.Stats }),
    async (req) => stats(db, req.viewer),
  );
  app.get(
    "/api/participation",
    operation({
      summary: "Attendance and stakeholder balance per meeting",
      querystring: MeetingFilter,
      response: out.Participation,
    }),
    async (req) => participation(db, req.viewer, parseInput(MeetingFilter, req.query)),
  );
  void z;
}
