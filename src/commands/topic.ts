import type { Db } from "../store/db.js";
import { topicTimeline, type Topic } from "../store/topic.js";
import type { PostingCache } from "../store/posting-cache.js";
import { OWNER, type Viewer } from "../model/viewer.js";
import { formatWhen } from "../render/digest-md.js";
import { RapporteurError } from "../model/errors.js";
import type { Io } from "../runtime/io.js";
import { withStore, type StoreOptions } from "../runtime/store-access.js";

/** `rapporteur topic TERM`: the meetings and sections that discuss a term, who spoke, its actions. */
export async function topicCommand(
  cwd: string,
  options: StoreOptions & { term: string; format?: string },
  io: Io,
): Promise<number> {
  if (!options.term.trim())
    throw new RapporteurError("bad-argument", "give a term or acronym, e.g. rapporteur topic ODSB");
  const t = await withStore(cwd, options, io, (db) => topic(db, OWNER, options.term));
  if (options.format === "json") {
    io.out(JSON.stringify(t, null, 2));
    return 0;
  }
  io.out(
    `${t.term}${t.expansion && t.expansion.toLowerCase() !== t.term.toLowerCase() ? ` (${t.expansion})` : t.acronym && t.acronym.toLowerCase() !== t.term.toLowerCase() ? ` (${t.acronym})` : ""}: ${t.meetings.length} meeting${t.meetings.length === 1 ? "" : "s"}`,
  );
  for (const m of t.meetings) {
    io.out(
      `  ${formatWhen(m.start)} — ${m.group ?? m.source}${m.number !== null ? ` meeting ${m.number}` : ""}`,
    );
    for (const s of m.sections)
      io.out(`      ${s.title}${s.speakers.length ? ` — ${s.speakers.join(", ")}` : ""}`);
  }
  if (t.speakers.length)
    io.out(`Who spoke on it: ${t.speakers.map((s) => `${s.name} (${s.sections})`).join(", ")}`);
  if (t.actions.length) {
    io.out("Actions:");
    for (const a of t.actions)
      io.out(`  [${a.status}] ${a.text}${a.due ? ` — due ${formatWhen(a.due)}` : ""}`);
  }
  return 0;
}

export type { Topic } from "../store/topic.js";

/** A term's timeline over the meetings the viewer may see. */
export const topic = (db: Db, v: Viewer, term: string, lists?: PostingCache): Promise<Topic> =>
  topicTimeline(db, v, term, lists);
