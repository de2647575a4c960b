import { createHash } from "node:crypto";
import type { Db, Queryable } from "./db.js";
import type { StoredRecord } from "./meeting-rows.js";
import { listPeople, loadDecisions, type PersonOut } from "./people.js";
import type { PersonDecision } from "../resolve/people.js";
import type { Correction } from "../model/corrections.js";
import type { CorrectionRow } from "./rows.js";

/** A whole store as JSON: the contract's meetings and people, plus what a restore needs. */
export interface StoreExport {
  meetings: StoredRecord[];
  people: PersonOut[];
  /** `sha256` is the original file's; `contentSha256` that of `content` as written here. */
  documents: {
    path: string;
    source: string;
    format: string;
    sha256: string;
    extractorVersion: string;
    membersOnly: boolean;
    content: string;
    contentSha256: string;
  }[];
  decisions: PersonDecision[];
  /** Editors' corrections, oldest first: `meetings` holds the effective records. */
  corrections: ExportedCorrection[];
  /** Editors' action statuses, oldest first. */
  actionEvents: { source: string; key: string; status: string; by: string; at: string }[];
}

/** One change of a meeting's history, named by the meeting's source. */
export type ExportedCorrection = Omit<Correction, "id"> & { source: string };

/** Reads the whole store, in a stable order, so two exports of one store are identical. */
export async function exportStore(db: Queryable): Promise<StoreExport> {
  const rows = await db.query<{
    record: StoredRecord;
    path: string;
    source: string;
    format: string;
    sha256: string;
    extractor_version: string;
    members_only: boolean;
    content: Uint8Array | null;
    text: string;
  }>(
    `SELECT m.record, d.path, d.source, d.format, d.sha256, d.extractor_version, m.members_only, d.content, d.text
     FROM meetings m JOIN documents d ON d.id = m.document_id ORDER BY m.start_at NULLS LAST, d.path`,
  );
  return {
    meetings: rows.rows.map((r) => r.record),
    people: (await listPeople(db)).map(({ id, name, aliases, meetings }) => ({
      id,
      name,
      aliases,
      meetings,
    })),
    documents: rows.rows.map((r) => {
      const bytes = r.content ? Buffer.from(r.content) : Buffer.from(r.text, "utf8");
      return {
        path: r.path,
        source: r.source,
        format: r.format,
        sha256: r.sha256,
        extractorVersion: r.extractor_version,
        membersOnly: r.members_only,
        content: bytes.toString("base64"),
        contentSha256: createHash("sha256").update(bytes).digest("hex"),
      };
    }),
    decisions: await loadDecisions(db),
    corrections: (
      await db.query<CorrectionRow & { source: string }>(
        `SELECT source, field, action, value, previous, extracted, editor, at, note FROM corrections ORDER BY id`,
      )
    ).rows.map((c) => ({
      source: c.source,
      field: c.field as Correction["field"],
      action: c.action,
      value: c.value,
      previous: c.previous,
      extracted: c.extracted,
      by: c.editor,
      at: new Date(c.at).toISOString(),
      note: c.note,
    })),
    actionEvents: (
      await db.query<{
        source: string;
        action_key: string;
        status: string;
        changed_by: string;
        at: string | Date;
      }>(
        `SELECT source, action_key, status, changed_by, changed_at AS at FROM action_events ORDER BY id`,
      )
    ).rows.map((e) => ({
      source: e.source,
      key: e.action_key,
      status: e.status,
      by: e.changed_by,
      at: new Date(e.at).toISOString(),
    })),
  };
}

/** Whether the store holds no meetings yet (import only restores into an empty store). */
export async function isEmpty(db: Db): Promise<boolean> {
  const { rows } = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM meetings`);
  return rows[0]!.n === 0;
}
