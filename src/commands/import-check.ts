import { createHash } from "node:crypto";
import { z } from "zod";
import { MeetingRecord } from "../model/record.js";
import { CORRECTABLE, CORRECTABLE_FIELDS, type CorrectableField } from "../model/corrections.js";
import { ACTION_STATUSES } from "../model/actions.js";
import { RapporteurError } from "../model/errors.js";
import { readDocument } from "../readers/index.js";
import type { StoreExport } from "../store/export.js";
import { TEXT_FORMATS } from "../store/meeting-rows.js";

const ExportFile = z.object({
  meetings: z.array(MeetingRecord.passthrough()),
  documents: z.array(
    z.object({
      path: z.string().min(1),
      source: z.string().min(1),
      format: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      extractorVersion: z.string(),
      membersOnly: z.boolean(),
      content: z.string(),
      // written since exports were checked on import; older exports lack it
      contentSha256: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .optional(),
    }),
  ),
  decisions: z
    .array(z.object({ kind: z.enum(["merge", "split"]), a: z.string(), b: z.string() }))
    .default([]),
  // written since editors could correct meetings and set action statuses; older exports lack them
  corrections: z
    .array(
      z.object({
        source: z.string().min(1),
        field: z.enum(CORRECTABLE_FIELDS as [CorrectableField, ...CorrectableField[]]),
        action: z.enum(["set", "revert"]),
        value: z.unknown(),
        previous: z.unknown(),
        extracted: z.unknown(),
        by: z.string(),
        at: z.iso.datetime({ offset: true }),
        note: z.string().nullable(),
      }),
    )
    .default([]),
  actionEvents: z
    .array(
      z.object({
        source: z.string().min(1),
        key: z.string().min(1),
        status: z.enum(ACTION_STATUSES),
        by: z.string(),
        at: z.iso.datetime({ offset: true }),
      }),
    )
    .default([]),
});

/** `meetings[150].number`: where in the file a problem is. */
export const jsonPath = (path: readonly PropertyKey[]): string =>
  path.reduce<string>(
    (out, k) => (typeof k === "number" ? `${out}[${k}]` : out ? `${out}.${String(k)}` : String(k)),
    "",
  ) || "the file";

/** Base64 as export writes it, or null when it is not (a damaged copy, a hand edit). */
export function decodeBase64(text: string): Buffer | null {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, "base64");
  return bytes.toString("base64") === text ? bytes : null;
}

/** A document's original bytes from a checked export. */
export const decodeContent = (text: string): Buffer => decodeBase64(text)!;

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");

/**
 * Checks a parsed export file completely before anything is written: its shape (each
 * problem named by its JSON path), every original (base64 that decodes, and matches the
 * checksum written beside it), and every index and line a record points to. Returns
 * the export, or throws one line naming the first problem.
 */
export async function checkExport(json: unknown, file: string): Promise<StoreExport> {
  const bad = (where: string, what: string) =>
    new RapporteurError(
      "unreadable-file",
      `${file}: ${where}: ${what}; the export is damaged (nothing was imported)`,
    );
  const parsed = ExportFile.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw bad(jsonPath(issue.path), issue.message);
  }
  const data = parsed.data;
  if (data.meetings.length !== data.documents.length)
    throw bad(
      "meetings",
      `${data.meetings.length} meetings but ${data.documents.length} documents`,
    );
  const paths = new Set<string>();
  for (const [i, d] of data.documents.entries()) {
    const at = `documents[${i}]`;
    if (paths.has(d.path)) throw bad(`${at}.path`, `"${d.path}" appears twice`);
    paths.add(d.path);
    const bytes = decodeBase64(d.content);
    if (!bytes) throw bad(`${at}.content`, "not base64");
    // the text formats keep their text, not always the original bytes: older exports of
    // them can be checked only by their own checksum, which they do not have
    const expected = d.contentSha256 ?? (TEXT_FORMATS.has(d.format) ? null : d.sha256);
    if (expected && sha(bytes) !== expected)
      throw bad(`${at}.content`, `does not match its checksum ${expected.slice(0, 12)}…`);
    const m = data.meetings[i]!;
    if (m.source !== d.source)
      throw bad(`meetings[${i}].source`, `"${m.source}" but its document is "${d.source}"`);
    checkIndices(m, `meetings[${i}]`, bad);
    let lines: number;
    try {
      lines = (await readDocument(bytes, d.source)).lines.length;
    } catch (e) {
      throw bad(`${at}.content`, (e as Error).message);
    }
    checkLines((m as { provenance?: unknown }).provenance, `meetings[${i}].provenance`, lines, bad);
  }
  for (const [i, c] of data.corrections.entries()) {
    if (c.action !== "set") continue;
    const ok = CORRECTABLE.shape[c.field].safeParse(c.value);
    if (!ok.success)
      throw bad(
        `corrections[${i}].value`,
        `not a valid ${c.field}: ${ok.error.issues[0]!.message}`,
      );
  }
  return data as unknown as StoreExport;
}

type Bad = (where: string, what: string) => Error;

function checkIndices(m: MeetingRecord, at: string, bad: Bad): void {
  for (const [j, s] of m.sections.entries()) {
    if (s.agendaIndex !== null && (s.agendaIndex < 0 || s.agendaIndex >= m.agenda.length)) {
      throw bad(
        `${at}.sections[${j}].agendaIndex`,
        `${s.agendaIndex} is not an agenda item (the agenda has ${m.agenda.length})`,
      );
    }
  }
}

// Every line a record cites must be a line of its document.
function checkLines(value: unknown, at: string, lines: number, bad: Bad): void {
  if (Array.isArray(value))
    return value.forEach((v, i) => checkLines(v, `${at}[${i}]`, lines, bad));
  if (!value || typeof value !== "object") return;
  for (const [k, v] of Object.entries(value)) {
    if ((k === "line" || k === "endLine") && v !== null) {
      if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > lines)
        throw bad(`${at}.${k}`, `${String(v)} is not a line of the report (it has ${lines})`);
    } else checkLines(v, `${at}.${k}`, lines, bad);
  }
}
