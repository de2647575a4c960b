import type { Db } from "../store/db.js";
import { listMeetings, getMeeting, getPerson, listGroups, listActions, listFindings, participation, type Viewer } from "../store/read.js";
import { search, type SearchQuery } from "../store/search.js";
import { setMembersOnly as setMembersOnlyRow, recordActionStatus } from "../store/meetings.js";
import { listPeople, addDecision, rebuildPeople, findPerson } from "../store/people.js";
import { ingestBytes, refreshDerived } from "./ingest.js";
import type { Derivation } from "../runtime/store-access.js";
import { withReader } from "../runtime/io.js";
import { RapporteurError } from "../model/errors.js";
import { notFound, unauthorized } from "../model/errors.js";
import type { StakeholderGroup } from "../resolve/stakeholders.js";
import { ACTION_STATUSES, isActionStatus } from "../model/actions.js";

// One operation per function: what the HTTP routes (and pages) ask the store to do.
// Writes check that the viewer is an editor; reads hide members-only meetings from readers.

export const meetings = (db: Db, v: Viewer, f: Parameters<typeof listMeetings>[2]) => listMeetings(db, v, f);

export async function meeting(db: Db, v: Viewer, id: number, opts: { followUps?: boolean } = {}) {
  const m = await getMeeting(db, v, id, opts);
  if (!m) throw notFound(`meeting ${id}`);
  return m;
}

export async function person(db: Db, v: Viewer, id: string) {
  const p = await getPerson(db, v, id);
  if (!p) throw notFound(`person ${id}`);
  return p;
}

export const people = (db: Db, v: Viewer) => listPeople(db, v);

export const find = (db: Db, v: Viewer, q: SearchQuery) => search(db, v, q);
export const groups = (db: Db, v: Viewer) => listGroups(db, v);
export const actions = (db: Db, v: Viewer, f: { group?: string | undefined }) => listActions(db, v, f);
export const findings = (db: Db, v: Viewer) => listFindings(db, v);
export const attendance = (db: Db, v: Viewer, f: Parameters<typeof participation>[2]) => participation(db, v, f);

export async function stats(db: Db, v: Viewer) {
  const ms = await listMeetings(db, v, { limit: 100000 });
  const ps = await people(db, v);
  return { meetings: ms.length, people: ps.length, groups: new Set(ms.map((m) => m.group)).size, findings: ms.reduce((a, m) => a + m.findings, 0) };
}

/** Extracts an upload without saving it: the curate page shows it before an editor saves. */
export async function preview(v: Viewer, bytes: Uint8Array, name: string, contentType?: string) {
  if (!v.editor) throw unauthorized();
  return withReader((read) => read(bytes, name, contentType));
}

/** Saves an uploaded report (editors only); returns the meeting id. */
export async function upload(db: Db, v: Viewer, bytes: Uint8Array, name: string, opts: { contentType?: string; membersOnly?: boolean; derive?: Derivation } = {}) {
  if (!v.editor) throw unauthorized();
  if (!/^[\w .()+-]{1,200}\.(txt|md|markdown|html?|docx|pdf)$/i.test(name)) {
    throw new RapporteurError("unsupported-format", `"${name}": upload a .txt, .md, .html, .docx or .pdf report`);
  }
  const id = await ingestBytes(db, { path: `upload:${name}`, source: name, bytes, ...(opts.contentType ? { contentType: opts.contentType } : {}), ...(opts.membersOnly !== undefined ? { membersOnly: opts.membersOnly } : {}) });
  // what `ingest` rebuilds after its files, with the user's rules and glossary
  await refreshDerived(db, opts.derive ?? {});
  return id;
}

export async function setMembersOnly(db: Db, v: Viewer, id: number, value: boolean) {
  if (!v.editor) throw unauthorized();
  if (!(await setMembersOnlyRow(db, id, value))) throw notFound(`meeting ${id}`);
}

export async function setActionStatus(db: Db, v: Viewer, source: string, key: string, status: string) {
  if (!v.editor) throw unauthorized();
  if (!isActionStatus(status)) throw new RapporteurError("bad-argument", `status "${status}": use ${ACTION_STATUSES.join(", ")}`);
  await recordActionStatus(db, source, key, status, v.editor);
}

export async function mergePeople(db: Db, v: Viewer, a: string, b: string, classify?: (x: string | null) => StakeholderGroup | null) {
  if (!v.editor) throw unauthorized();
  const pa = await findPerson(db, a), pb = await findPerson(db, b);
  if (!pa) throw notFound(`person "${a}"`);
  if (!pb) throw notFound(`person "${b}"`);
  await addDecision(db, { kind: "merge", a: pa.name, b: pb.name });
  await rebuildPeople(db, classify);
  return (await findPerson(db, pa.name))!;
}

export async function splitPerson(db: Db, v: Viewer, personId: string, alias: string, classify?: (x: string | null) => StakeholderGroup | null) {
  if (!v.editor) throw unauthorized();
  const p = await findPerson(db, personId);
  if (!p) throw notFound(`person "${personId}"`);
  await addDecision(db, { kind: "split", a: p.name, b: alias });
  await rebuildPeople(db, classify);
}
