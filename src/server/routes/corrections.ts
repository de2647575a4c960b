import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { parseInput, MeetingId, RevertInput, CorrectionPatch } from "../../commands/inputs.js";
import { meeting, type MeetingDetail } from "../../commands/meetings.js";
import {
  correctMeeting,
  revertCorrection,
  meetingHistory,
  PEOPLE_FIELDS,
} from "../../commands/correct.js";
import { CORRECTABLE_FIELDS, type CorrectableField } from "../../model/corrections.js";
import { parseFieldText } from "../../model/field-text.js";
import { isRapporteurError, StaleVersionError, unauthorized } from "../../model/errors.js";
import type { AppDeps } from "../deps.js";
import { layout } from "../pages/layout.js";
import { editView, historyView } from "../pages/correction-views.js";
import type { Html } from "../../render/html.js";

// The meeting page's edit mode, revert buttons and history: plain forms (no script), each
// carrying the version the page showed, so a change made meanwhile is never overwritten.

const EditForm = z
  .object({
    version: z.coerce.number().int().min(0),
    note: z.string().max(500).optional(),
  })
  .catchall(z.string().max(200_000));

const title = (m: MeetingDetail) =>
  `${m.record.group ?? "Meeting"} ${m.record.number ?? ""}`.trim();

/** Edit mode, revert and history pages of a meeting. */
export async function correctionRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const hide = { schema: { hide: true } as object };
  const page = (reply: FastifyReply, t: string, editor: string | null, body: Html, status = 200) =>
    reply
      .status(status)
      .type("text/html; charset=utf-8")
      .send(layout({ title: t, editor, body }));

  app.get("/meetings/:id/edit", hide, async (req, reply) => {
    if (!req.viewer.editor) throw unauthorized();
    const { id } = parseInput(MeetingId, req.params);
    const m = await meeting(db, req.viewer, id);
    return page(reply, `Correct ${title(m)}`, req.viewer.editor, editView(m));
  });

  app.post("/meetings/:id/edit", hide, async (req, reply) => {
    const { id } = parseInput(MeetingId, req.params);
    const form = parseInput(EditForm, req.body);
    // only the fields whose text the editor changed: the rest are not corrections
    const texts: Partial<Record<CorrectableField, string>> = {};
    const patch: Record<string, unknown> = {};
    for (const f of CORRECTABLE_FIELDS) {
      const text = form[f];
      if (typeof text !== "string") continue;
      texts[f] = text;
      if (norm(text) !== norm(String(form[`was.${f}`] ?? ""))) patch[f] = parseFieldText(f, text);
    }
    const note = form.note?.trim() || null;
    try {
      if (Object.keys(patch).length) {
        const done = await correctMeeting(db, req.viewer, {
          id,
          patch: parseInput(CorrectionPatch, patch),
          ifMatch: form.version,
          note,
        });
        if (done.changed.some((f) => PEOPLE_FIELDS.has(f))) app.refreshSoon.schedule();
      }
    } catch (e) {
      if (!isRapporteurError(e) || e.code === "unauthorized" || e.code === "not-found") throw e;
      const m = await meeting(db, req.viewer, id);
      const stale = e instanceof StaleVersionError;
      return page(
        reply,
        `Correct ${title(m)}`,
        req.viewer.editor,
        editView(m, {
          error: stale
            ? `Someone changed this meeting while you edited it (it is now version ${e.version}). The form shows the current values: make your change again.`
            : `Nothing was saved: ${e.message}`,
          ...(stale ? {} : { texts }),
        }),
        e.status,
      );
    }
    return reply.redirect(`/meetings/${id}`, 303);
  });

  app.post("/meetings/:id/revert", hide, async (req, reply) => {
    const { id } = parseInput(MeetingId, req.params);
    const b = parseInput(RevertInput.omit({ id: true }), req.body);
    const done = await revertCorrection(db, req.viewer, { id, ...b });
    if (done.changed.some((f) => PEOPLE_FIELDS.has(f))) app.refreshSoon.schedule();
    return reply.redirect(`/meetings/${id}`, 303);
  });

  app.get("/meetings/:id/history", hide, async (req, reply) => {
    const { id } = parseInput(MeetingId, req.params);
    const [m, h] = await Promise.all([
      meeting(db, req.viewer, id),
      meetingHistory(db, req.viewer, id),
    ]);
    return page(reply, `History of ${title(m)}`, req.viewer.editor, historyView(h, title(m)));
  });
}

// Browsers send form text with CRLF line ends and may trim the last newline.
const norm = (s: string) => s.replace(/\r\n?/g, "\n").trim();
