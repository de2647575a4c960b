import { html, type Html } from "../../render/html.js";
import type { MeetingDetail } from "../../commands/meetings.js";
import {
  CORRECTABLE_FIELDS,
  changedAt,
  fieldValue,
  inForce,
  sameValue,
  type CorrectableField,
  type Correction,
} from "../../model/corrections.js";
import { FIELD_HINTS, MULTILINE, fieldText } from "../../model/field-text.js";
import type { MeetingRecord } from "../../model/record.js";

// Pure presenters of corrections: the mark beside a corrected value, the edit form, and a
// meeting's history. Forms work without script and carry the meeting's version.

/** What the meeting page needs to mark corrected values. */
export interface Marks {
  corrected: Map<CorrectableField, Correction>;
  mark: (field: CorrectableField) => Html | "";
}

const LABELS: Record<CorrectableField, string> = {
  group: "Group",
  groupAcronym: "Acronym",
  number: "Number",
  start: "Start",
  nextMeeting: "Next meeting",
  moderators: "Hosted / moderated by",
  agenda: "Agenda",
  sections: "Discussion sections",
  actions: "Actions",
  participants: "Participants",
  links: "Links",
  decisions: "Decisions",
};

const day = changedAt;

/**
 * Marks for the meeting page: readers see "corrected" with who and when; editors also a
 * revert button and, when extraction now reads the field differently, that reading and a
 * button to take it (which gives the field back to extraction).
 */
export function marks(m: MeetingDetail, editor: string | null): Marks {
  const corrected = inForce(m.corrections);
  const mark = (field: CorrectableField): Html | "" => {
    const c = corrected.get(field);
    if (!c) return "";
    const badge = html` <span class="badge corrected" title="corrected by ${c.by}, ${day(c.at)}"
      >corrected by ${c.by}, ${day(c.at)}</span
    >`;
    if (!editor) return badge;
    const now = m.extracted ? fieldValue(m.extracted, field) : undefined;
    const newer = now !== undefined && !sameValue(now, c.extracted);
    return html`${badge}
    ${
      newer
        ? html`<span class="notice"
            >Extraction now reads:
            <q>${fieldText({ ...m.record, [field]: now }, field) || "nothing"}</q></span
          >`
        : ""
    }
    ${revertForm(m, field, newer ? "Take the new reading" : "Revert to the report")}`;
  };
  return { corrected, mark };
}

function revertForm(m: MeetingDetail, field: CorrectableField, label: string): Html {
  return html`<form class="inline" method="post" action="/meetings/${m.id}/revert">
    <input type="hidden" name="field" value="${field}" /><input
      type="hidden"
      name="version"
      value="${m.version}"
    /><button type="submit" aria-label="${label}: ${LABELS[field]}">${label}</button>
  </form>`;
}

/**
 * The edit form: every correctable field with the text it holds now, what to type, and
 * the version it was opened at. `texts` keeps what the editor typed after a refusal.
 */
export function editView(
  m: MeetingDetail,
  opts: { error?: string; texts?: Partial<Record<CorrectableField, string>> } = {},
): Html {
  const r: MeetingRecord = m.record;
  const field = (f: CorrectableField) => {
    const now = fieldText(r, f);
    const value = opts.texts?.[f] ?? now;
    const id = `f-${f}`;
    const input = MULTILINE.has(f)
      ? html`<textarea
          id="${id}"
          name="${f}"
          rows="${Math.min(14, Math.max(3, value.split("\n").length + 1))}"
          aria-describedby="${id}-hint"
        >
${value}</textarea>`
      : html`<input id="${id}" name="${f}" value="${value}" aria-describedby="${id}-hint" />`;
    return html`<div class="field">
      <label for="${id}">${LABELS[f]}</label>
      <p class="hint muted" id="${id}-hint">${FIELD_HINTS[f]}</p>
      ${input}<input type="hidden" name="was.${f}" value="${now}" />
    </div>`;
  };
  return html`<h1>Correct ${r.group ?? "meeting"} ${r.number ?? ""}</h1>
    <p>
      Change what extraction got wrong, then save. Only the fields you change are corrected; a
      corrected field is kept when the report is extracted again.
      <a href="/meetings/${m.id}">Back to the meeting</a>
    </p>
    ${opts.error ? html`<p class="error" role="alert">${opts.error}</p>` : ""}
    <form method="post" action="/meetings/${m.id}/edit" class="edit">
      <input type="hidden" name="version" value="${m.version}" />
      ${CORRECTABLE_FIELDS.map(field)}
      <div class="field">
        <label for="f-note">Note (optional)</label>
        <input id="f-note" name="note" maxlength="500" />
      </div>
      <button type="submit">Save corrections</button>
    </form>`;
}

/** Every change of a meeting, oldest first. */
export function historyView(
  m: { id: number; source: string; corrections: Correction[] },
  title: string,
): Html {
  const value = (field: CorrectableField, v: unknown) =>
    fieldText({ [field]: v } as unknown as MeetingRecord, field) || "nothing";
  return html`<h1>History of ${title}</h1>
    <p><a href="/meetings/${m.id}">Back to the meeting</a></p>
    ${
      m.corrections.length
        ? html`<div class="scroll">
            <table class="wide">
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                  <th scope="col">Field</th>
                  <th scope="col">Change</th>
                </tr>
              </thead>
              <tbody>
                ${[...m.corrections].reverse().map(
                  (c) =>
                    html`<tr>
                      <td>${day(c.at)}</td>
                      <td>${c.by}</td>
                      <td>${LABELS[c.field]}</td>
                      <td>
                        ${
                          c.action === "set"
                            ? html`set to <q class="pre">${value(c.field, c.value)}</q> (was
                                <q class="pre">${value(c.field, c.previous)}</q>)`
                            : html`given back to extraction (was
                                <q class="pre">${value(c.field, c.previous)}</q>)`
                        }${c.note ? html` — ${c.note}` : ""}
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>
          </div>`
        : html`<p class="muted">No corrections: every value is as extraction read it.</p>`
    }`;
}
