import { html, safeUrl, marked, type Html } from "../../render/html.js";
import { formatWhen } from "../../render/digest-md.js";
import type { MeetingSummary, MeetingDetail } from "../../commands/meetings.js";
import type { PersonDetail } from "../../commands/people.js";
import type { ActionRow } from "../../commands/actions.js";
import type { SearchHit } from "../../commands/search.js";
import type { Topic } from "../../commands/topic.js";
import type { AgendaItem, Span } from "../../model/record.js";
import { ACTION_STATUSES, isOverdue } from "../../model/actions.js";
import type { CorrectableField } from "../../model/corrections.js";
import type { EffectiveRecord } from "../../commands/meetings.js";
import { marks } from "./correction-views.js";

// Pure presenters: data in, markup out. Every value from a report is escaped by `html`.

const meetingName = (m: { group: string | null; number: number | null }) =>
  `${m.group ?? "Unknown group"}${m.number !== null ? ` — meeting ${m.number}` : ""}`;
const src = (span: Span | null | undefined) =>
  span
    ? html` <a
        class="srcref"
        href="#L${span.line}"
        data-lines="${span.line}-${span.endLine}"
        aria-label="source, line ${span.line}"
        >[line ${span.line}]</a
      >`
    : "";

export function homeView(p: {
  groups: { group: string; acronym: string | null; meetings: number; last: string | null }[];
  latest: MeetingSummary[];
  upcoming: MeetingSummary[];
  open: ActionRow[];
  today: string;
}): Html {
  return html`<h1>Working groups' memory</h1>
    <section aria-labelledby="g">
      <h2 id="g">Groups</h2>
      ${
        p.groups.length
          ? html`<ul>
              ${p.groups.map((g) => html`<li><a href="/meetings?group=${encodeURIComponent(g.acronym ?? g.group)}">${g.group}</a>${g.acronym ? html` (${g.acronym})` : ""} — ${g.meetings} meeting${g.meetings === 1 ? "" : "s"}, latest ${formatWhen(g.last)} · <a href="/groups/${encodeURIComponent(g.acronym ?? g.group)}/calendar.ics">calendar</a> · <a href="/groups/${encodeURIComponent(g.acronym ?? g.group)}/report">period report</a> (<a href="/groups/${encodeURIComponent(g.acronym ?? g.group)}/report?format=docx">Word</a>) · <a href="/groups/${encodeURIComponent(g.acronym ?? g.group)}/draft.md">next meeting draft</a></li>`)}
            </ul>`
          : html`<p>No reports yet. An editor can <a href="/curate">upload one</a>.</p>`
      }
    </section>
    <section aria-labelledby="l">
      <h2 id="l">Latest meetings</h2>
      ${meetingTable(p.latest)}
    </section>
    <section aria-labelledby="n">
      <h2 id="n">Announced next meetings</h2>
      ${
        p.upcoming.length
          ? html`<ul>
              ${p.upcoming.map((m) => html`<li>${formatWhen(m.nextMeeting)} — ${m.group ?? "Unknown group"} (announced in <a href="/meetings/${m.id}">meeting ${m.number ?? "?"}</a>)</li>`)}
            </ul>`
          : html`<p class="muted">None announced after today.</p>`
      }
    </section>
    <section aria-labelledby="a">
      <h2 id="a">Open actions</h2>
      ${actionList(p.open.slice(0, 15), p.today)}
      <p><a href="/actions">All actions</a></p>
    </section>`;
}

export function meetingTable(ms: MeetingSummary[]): Html {
  if (!ms.length) return html`<p class="muted">No meetings.</p>`;
  return html`<div class="scroll">
    <table>
      <thead>
        <tr>
          <th scope="col">Meeting</th>
          <th scope="col">Date (UTC)</th>
          <th scope="col">Participants</th>
          <th scope="col">Findings</th>
        </tr>
      </thead>
      <tbody>
        ${ms.map(
          (m) =>
            html`<tr>
              <td>
                <a href="/meetings/${m.id}">${meetingName(m)}</a
                >${m.membersOnly ? html` <span class="badge">members only</span>` : ""}
              </td>
              <td>${formatWhen(m.start)}</td>
              <td>${m.participants}</td>
              <td>${m.findings}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

export function actionList(actions: ActionRow[], today: string, editor = false): Html {
  if (!actions.length) return html`<p class="muted">No actions.</p>`;
  return html`<ul>
    ${actions.map((a) => html`<li>${a.text}${a.owner ? html` — <strong>${a.owner}</strong>` : ""}${a.due ? html` — due ${formatWhen(a.due)}${isOverdue(a, today) ? html` <span class="badge">overdue</span>` : ""}` : ""} (<a href="/meetings/${a.meetingId}">${a.group ?? a.source}, ${formatWhen(a.start)}</a>)${editor ? statusForm(a.source, a.key, a.status, `/actions`) : ""}</li>`)}
  </ul>`;
}

export function statusForm(source: string, key: string, status: string, back: string): Html {
  return html` <form class="inline" method="post" action="/curate/action-status">
    <input type="hidden" name="source" value="${source}" /><input
      type="hidden"
      name="key"
      value="${key}"
    /><input type="hidden" name="back" value="${back}" />
    <label
      >Status
      <select name="status">
        ${ACTION_STATUSES.map((s) => html`<option${s === status ? html` selected` : ""}>${s}</option>`)}
      </select></label
    >
    <button type="submit">Set</button>
  </form>`;
}

export function meetingView(m: MeetingDetail, editor: string | null): Html {
  const r: EffectiveRecord = m.record,
    pv = r.provenance;
  const { corrected, mark } = marks(m, editor);
  // a corrected value has no source lines: its mark says who corrected it instead
  const at = (field: CorrectableField, span: Span | null | undefined) =>
    corrected.has(field) ? "" : src(span);
  const person = (name: string) =>
    m.people[name] ? html`<a href="/people/${m.people[name]}">${name}</a>` : html`${name}`;
  let flat = 0;
  const agenda = (items: AgendaItem[]): Html =>
    html`<ol>
      ${items.map((it) => {
        const span = pv.agenda[flat++];
        return html`<li>
          ${it.title}${at("agenda", span)}${it.items.length ? agenda(it.items) : ""}
        </li>`;
      })}
    </ol>`;
  return html`<h1>
      ${meetingName({ group: r.group, number: r.number })}${m.membersOnly ? html` <span class="badge">members only</span>` : ""}
    </h1>
    <dl>
      <dt>Group</dt>
      <dd>
        ${r.group ?? "not given"}${r.groupAcronym ? html` (${r.groupAcronym})` : ""}${at("group", pv.group)}${mark("group")}${mark("groupAcronym")}
      </dd>
      <dt>Number</dt>
      <dd>${r.number ?? "not given"}${at("number", pv.number)}${mark("number")}</dd>
      <dt>Start</dt>
      <dd>${formatWhen(r.start)}${at("start", pv.start)}${mark("start")}</dd>
      <dt>Hosted / moderated by</dt>
      <dd>
        ${r.moderators.length ? r.moderators.map((x, i) => html`${i ? ", " : ""}${person(x)}${at("moderators", pv.moderators[i])}`) : "not given"}${mark("moderators")}
      </dd>
      <dt>Next meeting</dt>
      <dd>
        ${formatWhen(r.nextMeeting)}${at("nextMeeting", pv.nextMeeting)}${mark("nextMeeting")}
      </dd>
      <dt>Source</dt>
      <dd>
        ${r.source} · <a href="/api/meetings/${m.id}">JSON</a> · report as
        <a href="/meetings/${m.id}/report.md">Markdown</a>,
        <a href="/meetings/${m.id}/report.docx">Word</a>,
        <a href="/meetings/${m.id}/report.html">HTML</a>
      </dd>
      <dt>Corrections</dt>
      <dd>
        ${m.corrections.length ? html`${corrected.size} field${corrected.size === 1 ? "" : "s"} corrected · ` : "none · "}<a
          href="/meetings/${m.id}/history"
          >History</a
        >${editor ? html` · <a href="/meetings/${m.id}/edit">Edit this meeting</a>` : ""}
      </dd>
    </dl>
    ${editor ? html`<form method="post" action="/curate/members-only"><input type="hidden" name="id" value="${m.id}" /><input type="hidden" name="value" value="${m.membersOnly ? "false" : "true"}" /><button type="submit">${m.membersOnly ? "Make public" : "Make members-only"}</button></form>` : ""}
    <section aria-labelledby="ag">
      <h2 id="ag">Agenda</h2>
      ${mark("agenda")}
      ${r.agenda.length ? agenda(r.agenda) : html`<p class="muted">No agenda found.</p>`}
    </section>
    <section aria-labelledby="di">
      <h2 id="di">Discussion</h2>
      ${mark("sections")}
      ${r.sections.map(
        (s, i) =>
          html`<section id="s${i}" aria-labelledby="s${i}h">
            <h3 id="s${i}h">${s.title}${at("sections", pv.sections[i])}</h3>
            <p class="muted">
              ${s.agendaIndex !== null ? `Agenda item ${s.agendaIndex + 1}` : "Not on the agenda"} ·
              Speakers:
              ${s.speakers.length ? s.speakers.map((x, k) => html`${k ? ", " : ""}${person(x)}`) : "none named"}
            </p>
          </section>`,
      )}
    </section>
    <section aria-labelledby="de">
      <h2 id="de">Decisions</h2>
      ${mark("decisions")}
      ${
        (r.decisions ?? []).length
          ? html`<ul>
              ${(r.decisions ?? []).map((d, i) => html`<li>${d.text}${at("decisions", pv.decisions?.[i])}</li>`)}
            </ul>`
          : html`<p class="muted">No decisions recorded.</p>`
      }
      ${
        r.group || r.groupAcronym
          ? html`<p>
              <a href="/groups/${encodeURIComponent(r.groupAcronym ?? r.group!)}/decisions"
                >All decisions of this group</a
              >
            </p>`
          : ""
      }
    </section>
    <section aria-labelledby="ac">
      <h2 id="ac">Actions</h2>
      ${mark("actions")}
      ${
        m.actions.length
          ? html`<ul>
                ${m.actions.map((a, i) => html`<li>${a.text}${a.owner ? html` — <strong>${a.owner}</strong>` : ""}${a.due ? html` — due ${formatWhen(a.due)}` : ""} <span class="badge">${a.status}</span>${at("actions", pv.actions[i])}${editor ? statusForm(r.source, a.key, a.status, `/meetings/${m.id}`) : ""}</li>`)}
              </ul>
              <p>
                <a href="/meetings/${m.id}/follow-ups">Where these actions were taken up later</a>
              </p>`
          : html`<p class="muted">No actions.</p>`
      }
      ${
        (r.notes ?? []).length
          ? html`<h3>Dates noted</h3>
              <p class="muted">
                Other bodies' deadlines the meeting was told of; they ask nothing of the group.
              </p>
              <ul>
                ${(r.notes ?? []).map((d, i) => html`<li>${d.text}${d.date ? html` — ${formatWhen(d.date)}` : ""}${src(pv.notes?.[i])}</li>`)}
              </ul>`
          : ""
      }
    </section>
    <section aria-labelledby="pa">
      <h2 id="pa">Participants (${r.participants.length})</h2>
      ${mark("participants")}
      <div class="scroll">
        <table class="wide">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Affiliation</th>
              <th scope="col">Stakeholder group</th>
              <th scope="col">Roles</th>
            </tr>
          </thead>
          <tbody>
            ${r.participants.map(
              (p, i) =>
                html`<tr>
                  <td>${person(p.name)}${at("participants", pv.participants[i])}</td>
                  <td>${p.affiliation ?? ""}</td>
                  <td>
                    ${p.affiliation ? (m.stakeholders[p.affiliation] ?? "Unknown") : "Unknown"}
                  </td>
                  <td>${p.roles.join(", ")}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>
    </section>
    <section aria-labelledby="li">
      <h2 id="li">Links</h2>
      ${mark("links")}
      ${
        r.links.length
          ? html`<ul>
              ${r.links.map((l, i) => {
                const u = safeUrl(l.url);
                return html`<li>
                  ${u ? html`<a href="${u}" rel="nofollow noopener noreferrer">${l.text ?? l.url}</a>` : l.url}${at("links", pv.links[i])}
                </li>`;
              })}
            </ul>`
          : html`<p class="muted">No links.</p>`
      }
    </section>
    <section aria-labelledby="fi">
      <h2 id="fi">Consistency findings</h2>
      ${
        r.issues.length
          ? html`<ul>
              ${r.issues.map((f) => html`<li class="finding"><strong>${f.code}</strong>: ${f.message}${f.line ? src({ line: f.line, endLine: f.line }) : ""}</li>`)}
            </ul>`
          : html`<p class="muted">None.</p>`
      }
      ${
        r.resolved?.length
          ? html`<h3>Resolved by corrections</h3>
              <ul>
                ${r.resolved.map((f) => html`<li class="finding resolved"><strong>${f.code}</strong>: ${f.message} — resolved when ${f.resolvedBy} corrected ${f.field} (${f.resolvedAt.slice(0, 10)})</li>`)}
              </ul>`
          : ""
      }
    </section>
    <section aria-labelledby="so">
      <h2 id="so">Source report</h2>
      <div class="source" role="region" aria-label="Source report lines" tabindex="0">
        ${m.lines.map((l, i) => html`<span id="L${i + 1}" data-n="${i + 1}">${l || " "}</span>`)}
      </div>
    </section>`;
}

export function personView(p: PersonDetail): Html {
  return html`<h1>${p.name}</h1>
    <section aria-labelledby="sp">
      <h2 id="sp">Spellings seen</h2>
      ${
        p.aliases.length
          ? html`<ul>
              ${p.aliases.map((a) => html`<li>${a.alias} <span class="muted">— ${a.evidence}</span></li>`)}
            </ul>`
          : html`<p class="muted">Only "${p.name}".</p>`
      }
    </section>
    <section aria-labelledby="af">
      <h2 id="af">Affiliations and roles over time</h2>
      ${
        p.meetings.some((m) => m.affiliation || m.roles.length)
          ? html`<ul>
              ${p.meetings.filter((m) => m.affiliation || m.roles.length).map((m) => html`<li>${formatWhen(m.start)}: ${m.affiliation ?? "no affiliation listed"}${m.roles.length ? html` (${m.roles.join(", ")})` : ""}</li>`)}
            </ul>`
          : html`<p class="muted">None listed.</p>`
      }
    </section>
    <section aria-labelledby="at">
      <h2 id="at">
        Attendance and statements (${p.meetings.length}
        meeting${p.meetings.length === 1 ? "" : "s"})
      </h2>
      ${p.meetings.map(
        (m) =>
          html`<article>
            <h3><a href="/meetings/${m.id}">${meetingName(m)}</a>, ${formatWhen(m.start)}</h3>
            <p class="muted">
              ${m.listedAs ? `Listed as ${m.listedAs}` : "Not on the list (spoke or chaired)"}
            </p>
            ${
              m.statements.length
                ? html`<ul>
                    ${m.statements.map((s) => html`<li><em>${s.section}</em>: ${s.text} <a href="/meetings/${m.id}#L${s.line}">[line ${s.line}]</a></li>`)}
                  </ul>`
                : ""
            }
          </article>`,
      )}
    </section>`;
}

export function searchView(p: {
  q: string;
  group?: string | undefined;
  person?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  hits: SearchHit[] | null;
  error?: string | undefined;
}): Html {
  return html`<h1>Search</h1>
    <form method="get" action="/search" role="search" class="filters">
      <div><label for="q">Words</label><input id="q" name="q" value="${p.q}" size="30" /></div>
      <div>
        <label for="group">Group</label><input id="group" name="group" value="${p.group ?? ""}" />
      </div>
      <div>
        <label for="person">Person</label
        ><input id="person" name="person" value="${p.person ?? ""}" />
      </div>
      <div>
        <label for="from">From</label
        ><input id="from" name="from" type="date" value="${p.from ?? ""}" />
      </div>
      <div>
        <label for="to">To</label><input id="to" name="to" type="date" value="${p.to ?? ""}" />
      </div>
      <div><button type="submit">Search</button></div>
    </form>
    <p class="muted">
      Use "quotes" for a phrase, OR between alternatives, -word to exclude, word* for a prefix.
    </p>
    ${p.error ? html`<p role="alert">${p.error}</p>` : ""}
    ${
      p.hits === null
        ? ""
        : p.hits.length
          ? html`<h2>${p.hits.length} result${p.hits.length === 1 ? "" : "s"}</h2>
              ${p.hits.map(
                (h) =>
                  html`<article class="hit">
                    <h3>
                      <a
                        href="/meetings/${h.meetingId}#${h.kind === "section" ? `s${h.sectionOrd}` : "ag"}"
                        >${h.title}</a
                      >
                    </h3>
                    <p class="muted">
                      ${meetingName(h)},
                      ${formatWhen(h.start)}${h.speakers.length ? html` · ${h.speakers.join(", ")}` : ""}
                    </p>
                    <p>${marked(h.snippet)}</p>
                  </article>`,
              )}`
          : html`<p>No results for "${p.q}".</p>`
    }`;
}

export function actionsBoard(actions: ActionRow[], today: string, editor: boolean): Html {
  const overdue = actions.filter((a) => isOverdue(a, today));
  const open = actions.filter((a) => a.status === "open" && !overdue.includes(a));
  const done = actions.filter((a) => a.status !== "open");
  return html`<h1>Actions</h1>
    <div class="board">
      <section aria-labelledby="bo">
        <h2 id="bo">Open (${open.length})</h2>
        ${actionList(open, today, editor)}
      </section>
      <section aria-labelledby="bv">
        <h2 id="bv">Overdue (${overdue.length})</h2>
        ${actionList(overdue, today, editor)}
      </section>
      <section aria-labelledby="bd">
        <h2 id="bd">Done or dropped (${done.length})</h2>
        ${actionList(done, today, editor)}
      </section>
    </div>`;
}

export function topicView(t: Topic, chart: Html, today: string): Html {
  const aka =
    t.expansion && t.expansion.toLowerCase() !== t.term.toLowerCase()
      ? t.expansion
      : t.acronym && t.acronym.toLowerCase() !== t.term.toLowerCase()
        ? t.acronym
        : null;
  return html`<h1>Topic: ${t.term}${aka ? html` <span class="muted">(${aka})</span>` : ""}</h1>
    <section aria-labelledby="tl">
      <h2 id="tl">Timeline</h2>
      <div class="scroll">${chart}</div>
      ${
        t.meetings.length
          ? html`<ol>
              ${t.meetings.map(
                (m) =>
                  html`<li>
                    <a href="/meetings/${m.meetingId}">${meetingName(m)}</a>, ${formatWhen(m.start)}
                    <ul>
                      ${m.sections.map((s) => html`<li><a href="/meetings/${m.meetingId}#s${s.ord}">${s.title}</a>${s.speakers.length ? html` — ${s.speakers.join(", ")}` : ""}<br />${marked(s.snippet)}</li>`)}
                    </ul>
                  </li>`,
              )}
            </ol>`
          : html`<p>No meeting discusses "${t.term}".</p>`
      }
    </section>
    <section aria-labelledby="ts">
      <h2 id="ts">Who spoke on it</h2>
      ${
        t.speakers.length
          ? html`<ul>
              ${t.speakers.map((s) => html`<li>${s.name} (${s.sections} section${s.sections === 1 ? "" : "s"})</li>`)}
            </ul>`
          : html`<p class="muted">Nobody named.</p>`
      }
    </section>
    <section aria-labelledby="ta">
      <h2 id="ta">Actions</h2>
      ${actionList(t.actions, today)}
    </section>`;
}

export function followUpsView(m: MeetingDetail): Html {
  return html`<h1>
      Follow-ups of ${meetingName({ group: m.record.group, number: m.record.number })}
    </h1>
    <p><a href="/meetings/${m.id}">Back to the meeting</a></p>
    <ul>
      ${m.actions.map(
        (a) =>
          html`<li>
            ${a.text} <span class="badge">${a.status}</span><br />${
              a.followUps.length
                ? html`<span class="muted">Taken up later in:</span>
                    ${a.followUps.map((f, k) => html`${k ? "; " : ""}<a href="/meetings/${f.meetingId}#s${f.ord}">${f.section}</a> (${formatWhen(f.start)}; shared words: ${f.rarity.map((w) => `${w.word} (in ${w.sections} of ${f.of} sections)`).join(", ")}${f.owner ? "; the owner spoke" : ""})`)}`
                : html`<span class="muted">Not taken up in the following meetings.</span>`
            }
          </li>`,
      )}
    </ul>`;
}

export const messageView = (title: string, text: string) =>
  html`<h1>${title}</h1>
    <p>${text}</p>`;
