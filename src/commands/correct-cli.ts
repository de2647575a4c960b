import { userInfo } from "node:os";
import { findMeeting } from "../store/find-meeting.js";
import { refreshDerived } from "../store/derived.js";
import { CORRECTABLE_FIELDS, changedAt, type Correction } from "../model/corrections.js";
import { RapporteurError } from "../model/errors.js";
import { OWNER } from "../model/viewer.js";
import type { Io } from "../runtime/io.js";
import { derivationOf, loadConfig, withStore, type StoreOptions } from "../runtime/store-access.js";
import { CorrectionPatch, parseInput } from "./inputs.js";
import { correctMeeting, meetingHistory, PEOPLE_FIELDS } from "./correct.js";
import type { Db } from "../store/db.js";

const noMeeting = (m: string) =>
  new RapporteurError(
    "not-found",
    `meeting "${m}": no meeting with that id or source file name; see rapporteur search or the web app`,
  );

/** FIELD=JSON arguments to a patch; a value that is not JSON is taken as a string. */
export function parseAssignments(assignments: readonly string[]): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const a of assignments) {
    const eq = a.indexOf("=");
    if (eq <= 0)
      throw new RapporteurError(
        "bad-argument",
        `"${a}": write FIELD=JSON, e.g. number=12 or 'moderators=["Ada Lovelace"]'; fields: ${CORRECTABLE_FIELDS.join(", ")}`,
      );
    const raw = a.slice(eq + 1);
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      value = raw;
    }
    patch[a.slice(0, eq)] = value;
  }
  return patch;
}

const show = (v: unknown) => JSON.stringify(v ?? null);

/**
 * `rapporteur correct MEETING FIELD=JSON...`: sets fields of a stored meeting (kept
 * through re-extraction) and prints each change. People are rebuilt once at the end when
 * a change touches who attended or spoke.
 */
export async function correctCommand(
  cwd: string,
  options: StoreOptions & { meeting: string; assignments: string[]; note?: string; by?: string },
  io: Io,
): Promise<number> {
  const patch = parseInput(CorrectionPatch, parseAssignments(options.assignments));
  const by = options.by ?? userInfo().username;
  const config = await loadConfig(cwd);
  const out = await withStore(cwd, options, io, async (db: Db) => {
    const m = await findMeeting(db, options.meeting);
    if (!m) throw noMeeting(options.meeting);
    const done = await correctMeeting(
      db,
      { editor: by },
      { id: m.id, patch, note: options.note ?? null },
    );
    if (done.changed.some((f) => PEOPLE_FIELDS.has(f)))
      await refreshDerived(db, derivationOf(config));
    return done;
  });
  const latest = out.corrections.slice(-out.changed.length);
  for (const c of out.changed.length ? latest : []) {
    io.out(`meeting ${out.id} ${c.field}: ${show(c.value)} (was ${show(c.previous)})`);
  }
  if (!out.changed.length) io.err(`rapporteur: meeting ${out.id} already has these values`);
  else io.err(`rapporteur: meeting ${out.id} is now version ${out.version}`);
  return 0;
}

/** One change as a line of the history. */
export function historyLine(c: Correction): string {
  const when = changedAt(c.at);
  const what =
    c.action === "set"
      ? `set ${c.field} = ${show(c.value)} (was ${show(c.previous)})`
      : `gave ${c.field} back to extraction: ${show(c.extracted)} (was ${show(c.previous)})`;
  return `#${c.id} ${when} ${c.by}: ${what}${c.note ? ` — ${c.note}` : ""}`;
}

/** `rapporteur history MEETING`: every change made to a meeting, oldest first. */
export async function historyCommand(
  cwd: string,
  options: StoreOptions & { meeting: string; format?: string },
  io: Io,
): Promise<number> {
  const h = await withStore(cwd, options, io, async (db) => {
    const m = await findMeeting(db, options.meeting);
    if (!m) throw noMeeting(options.meeting);
    return meetingHistory(db, OWNER, m.id);
  });
  if (options.format === "json") io.out(JSON.stringify(h, null, 2));
  else if (!h.corrections.length) io.out(`meeting ${h.id} (${h.source}) has no corrections`);
  else for (const c of h.corrections) io.out(historyLine(c));
  return 0;
}
