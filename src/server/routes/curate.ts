import type { FastifyInstance } from "fastify";
import { z } from "zod";
import {
  parseInput,
  MembersOnlyInput,
  ActionStatusInput,
  MergeInput,
  SplitInput,
  LoginInput,
} from "../../commands/inputs.js";
import { alreadyStored, preview, upload } from "../../commands/upload.js";
import { setMembersOnly } from "../../commands/meetings.js";
import { setActionStatus } from "../../commands/actions.js";
import { mergePeople, splitPerson } from "../../commands/people.js";
import { login, logout, SESSION_DAYS } from "../../commands/session.js";
import type { AppDeps } from "../deps.js";
import { layout } from "../pages/layout.js";
import { messageView } from "../pages/views.js";
import { renderDigest } from "../../render/digest-md.js";
import { html } from "../../render/html.js";
import { COOKIE } from "../auth.js";
import { AlreadyStoredError, RapporteurError, unauthorized } from "../../model/errors.js";

/** Editors' pages: login, upload with preview, members-only, action status, merge/split people. */
export async function curateRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const { db } = deps;
  const hide = { schema: { hide: true } as object };
  const send = (
    reply: import("fastify").FastifyReply,
    title: string,
    editor: string | null,
    body: ReturnType<typeof html>,
  ) =>
    reply.type("text/html; charset=utf-8").send(layout({ title, editor, body, path: "/curate" }));

  app.get("/login", hide, async (req, reply) =>
    send(
      reply,
      "Editor login",
      req.viewer.editor,
      html`<h1>Editor login</h1>
        <form method="post" action="/login">
          <p>
            <label for="token">Editor token</label><br /><input
              id="token"
              name="token"
              type="password"
              autocomplete="current-password"
              size="40"
              required
            />
          </p>
          <p><button type="submit">Log in</button></p>
        </form>
        <p class="muted">
          An administrator creates tokens with <code>rapporteur token create NAME</code>.
        </p>`,
    ),
  );

  // ten tries a minute from one address: enough for a person, too few to guess tokens
  app.post(
    "/login",
    { ...hide, config: { rateLimit: { max: 10, timeWindow: 60_000 } } },
    async (req, reply) => {
      const { token } = parseInput(LoginInput, req.body);
      const session = await login(db, token);
      if (!session)
        return reply
          .code(401)
          .type("text/html; charset=utf-8")
          .send(
            layout({
              title: "Login failed",
              editor: null,
              body: messageView(
                "Login failed",
                "That token is not valid. Check it, or ask for a new one.",
              ),
            }),
          );
      reply.setCookie(COOKIE, session.id, {
        path: "/",
        httpOnly: true,
        sameSite: "strict",
        secure: req.protocol === "https",
        maxAge: SESSION_DAYS * 86_400,
      });
      return reply.redirect("/curate", 303);
    },
  );
  app.get("/logout", hide, async (req, reply) => {
    await logout(db, (req.cookies as Record<string, string | undefined>)[COOKIE]);
    reply.clearCookie(COOKIE, { path: "/" });
    return reply.redirect("/", 303);
  });

  app.get("/curate", hide, async (req, reply) => {
    if (!req.viewer.editor) return reply.redirect("/login", 303);
    return send(
      reply,
      "Curate",
      req.viewer.editor,
      html`<h1>Curate</h1>
        <section aria-labelledby="up">
          <h2 id="up">Upload a report</h2>
          <form method="post" action="/curate/preview" enctype="multipart/form-data">
            <p>
              <label for="file">Report (.txt, .md, .html, .docx, .pdf; up to 15 MB)</label
              ><br /><input
                id="file"
                name="file"
                type="file"
                accept=".txt,.md,.html,.htm,.docx,.pdf"
                required
              />
            </p>
            <p><button type="submit">Extract and preview</button></p>
          </form>
        </section>
        <section aria-labelledby="pe">
          <h2 id="pe">People</h2>
          <p class="muted" id="people-hint">
            Type a name as a report spells it (any spelling) or a person's id from their page
            address (/people/ada-lovelace).
          </p>
          <form method="post" action="/curate/merge">
            <p>
              <label for="a">Merge person (name or id)</label>
              <input id="a" name="a" required aria-describedby="people-hint" />
              <label for="b">with the same person spelled (name or id)</label>
              <input id="b" name="b" required aria-describedby="people-hint" />
              <button type="submit">Merge</button>
            </p>
          </form>
          <form method="post" action="/curate/split">
            <p>
              <label for="p">From person (name or id)</label>
              <input id="p" name="person" required aria-describedby="people-hint" />
              <label for="al">take away the spelling (exactly as listed on their page)</label>
              <input id="al" name="alias" required />
              <button type="submit">Split</button>
            </p>
          </form>
        </section>`,
    );
  });

  app.post("/curate/preview", hide, async (req, reply) => {
    if (!req.viewer.editor) throw unauthorized();
    const file = await req.file();
    if (!file)
      throw new RapporteurError("bad-argument", "no file was chosen; pick a report to upload");
    const bytes = await file.toBuffer();
    const record = await preview(req.viewer, bytes, file.filename, file.mimetype);
    const same = await alreadyStored(db, bytes);
    return send(
      reply,
      "Preview",
      req.viewer.editor,
      html`<h1>Preview of ${file.filename}</h1>
        ${
          same
            ? html`<p class="notice" role="status">
                This report is already stored as
                <a href="/meetings/${same.id}">meeting ${same.id}</a> (from
                ${same.path.replace(/^upload:/, "")}); saving it again keeps one meeting.
              </p>`
            : html`<p>Check the extracted record and its findings, then save it.</p>`
        }
        <form method="post" action="/curate/save">
          <input type="hidden" name="name" value="${file.filename}" /><input
            type="hidden"
            name="content"
            value="${Buffer.from(bytes).toString("base64")}"
          />
          <p>
            <label><input type="checkbox" name="membersOnly" value="true" /> Members only</label>
          </p>
          <p><button type="submit">Save to the store</button></p>
        </form>
        <pre class="source">${renderDigest(record)}</pre>`,
    );
  });

  app.post("/curate/save", hide, async (req, reply) => {
    const b = parseInput(
      z.object({
        name: z.string().min(1).max(200),
        content: z.string().min(1),
        membersOnly: z.string().optional(),
      }),
      req.body,
    );
    try {
      const id = await upload(db, req.viewer, Buffer.from(b.content, "base64"), b.name, {
        membersOnly: b.membersOnly === "true",
        derive: { classify: deps.classify, glossary: deps.glossary },
      });
      return reply.redirect(`/meetings/${id}`, 303);
    } catch (e) {
      // the same content under another name is the meeting already stored
      if (e instanceof AlreadyStoredError) return reply.redirect(`/meetings/${e.meetingId}`, 303);
      throw e;
    }
  });

  app.post("/curate/members-only", hide, async (req, reply) => {
    const b = parseInput(MembersOnlyInput, req.body);
    await setMembersOnly(db, req.viewer, b);
    return reply.redirect(`/meetings/${b.id}`, 303);
  });

  app.post("/curate/action-status", hide, async (req, reply) => {
    const b = parseInput(
      ActionStatusInput.extend({
        back: z
          .string()
          .regex(/^\/[\w/-]*$/)
          .default("/actions"),
      }),
      req.body,
    );
    await setActionStatus(db, req.viewer, b);
    return reply.redirect(b.back, 303);
  });

  app.post("/curate/merge", hide, async (req, reply) => {
    const p = await mergePeople(db, req.viewer, parseInput(MergeInput, req.body), deps.classify);
    return reply.redirect(`/people/${p.id}`, 303);
  });

  app.post("/curate/split", hide, async (req, reply) => {
    await splitPerson(db, req.viewer, parseInput(SplitInput, req.body), deps.classify);
    return reply.redirect(`/curate`, 303);
  });
}
