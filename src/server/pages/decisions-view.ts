import { html, type Html } from "../../render/html.js";
import { formatWhen } from "../../render/digest-md.js";
import type { DecisionRow } from "../../commands/decisions.js";

/** A group's decisions register: each decision with its meeting and source line. */
export function decisionsView(group: string, rows: DecisionRow[]): Html {
  return html`<h1>Decisions of ${rows[0]?.group ?? group}</h1>
    <p class="muted">
      ${rows.length} decision${rows.length === 1 ? "" : "s"}, newest meeting first, as the reports
      record them.
    </p>
    <ul>
      ${rows.map(
        (d) =>
          html`<li>
            ${d.text}
            <span class="muted"
              >—
              <a href="/meetings/${d.meetingId}${d.line ? `#L${d.line}` : ""}"
                >meeting ${d.number ?? ""} (${formatWhen(d.start)})</a
              ></span
            >
          </li>`,
      )}
    </ul>`;
}
