import type { z } from "zod";
import type { Db } from "../store/db.js";
import { listPeople, findPerson, addDecision, rebuildPeople } from "../store/people.js";
import { getPerson, type PersonDetail } from "../store/read.js";
import { notFound, unauthorized } from "../model/errors.js";
import type { Viewer } from "../model/viewer.js";
import type { StakeholderGroup } from "../resolve/stakeholders.js";
import type { MergeInput, SplitInput } from "./inputs.js";
import { refreshDerived } from "../store/derived.js";
import { RapporteurError } from "../model/errors.js";
import type { Io } from "../runtime/io.js";
import { withStore, loadConfig, derivationOf, type StoreOptions } from "../runtime/store-access.js";

/** `rapporteur people [--format json]`: everyone, with every spelling and why it belongs. */
export async function peopleCommand(
  cwd: string,
  options: StoreOptions & { format?: string },
  io: Io,
): Promise<number> {
  const people = await withStore(cwd, options, io, (db) => listPeople(db));
  if (options.format === "json") {
    io.out(JSON.stringify(people, null, 2));
    return 0;
  }
  if (!people.length) {
    io.out("No people yet: ingest some reports first (rapporteur ingest FILES).");
    return 0;
  }
  for (const p of people) {
    io.out(
      `${p.name}  [${p.id}]  ${p.meetings.length} meeting${p.meetings.length === 1 ? "" : "s"}`,
    );
    for (const e of p.evidence)
      io.out(`    also "${e.alias}" — ${e.evidence} (confidence ${e.confidence})`);
  }
  return 0;
}

/** `rapporteur people merge A B`: A and B are one person, from now on. */
export async function mergeCommand(
  cwd: string,
  options: StoreOptions & { a: string; b: string },
  io: Io,
): Promise<number> {
  const config = await loadConfig(cwd);
  return withStore(cwd, options, io, async (db) => {
    const a = await findPerson(db, options.a),
      b = await findPerson(db, options.b);
    if (!a)
      throw new RapporteurError(
        "not-found",
        `"${options.a}": nobody of that name or id; see \`rapporteur people\``,
      );
    if (!b)
      throw new RapporteurError(
        "not-found",
        `"${options.b}": nobody of that name or id; see \`rapporteur people\``,
      );
    if (a.id === b.id) {
      io.out(`${a.name} and ${options.b} are already one person.`);
      return 0;
    }
    await addDecision(db, { kind: "merge", a: a.name, b: b.name });
    await refreshDerived(db, derivationOf(config));
    io.out(`Merged: ${b.name} is now the same person as ${a.name}.`);
    return 0;
  });
}

/** `rapporteur people split A ALIAS`: the spelling ALIAS is not person A. */
export async function splitCommand(
  cwd: string,
  options: StoreOptions & { person: string; alias: string },
  io: Io,
): Promise<number> {
  const config = await loadConfig(cwd);
  return withStore(cwd, options, io, async (db) => {
    const who = await findPerson(db, options.person);
    if (!who)
      throw new RapporteurError(
        "not-found",
        `"${options.person}": nobody of that name or id; see \`rapporteur people\``,
      );
    const people = await listPeople(db);
    const person = people.find((p) => p.id === who.id)!;
    const alias = [person.name, ...person.aliases].find(
      (x) => x.toLowerCase() === options.alias.toLowerCase(),
    );
    if (!alias)
      throw new RapporteurError(
        "not-found",
        `"${options.alias}" is not a spelling of ${person.name}; its spellings are: ${[person.name, ...person.aliases].join(", ")}`,
      );
    await addDecision(db, { kind: "split", a: person.name, b: alias });
    await refreshDerived(db, derivationOf(config));
    io.out(`Split: "${alias}" is now kept apart from ${person.name}.`);
    return 0;
  });
}

export type { PersonDetail } from "../store/read.js";

/** Everyone the viewer may know of, with spellings and evidence. */
export const people = (db: Db, v: Viewer) => listPeople(db, v);

/** One person: spellings, affiliations, attendance and statements the viewer may see. */
export async function person(db: Db, v: Viewer, id: string): Promise<PersonDetail> {
  const p = await getPerson(db, v, id);
  if (!p) throw notFound(`person ${id}`);
  return p;
}

/** Two people are one (editors only): kept as a decision and applied at once. */
export async function mergePeople(
  db: Db,
  v: Viewer,
  input: z.infer<typeof MergeInput>,
  classify?: (x: string | null) => StakeholderGroup | null,
): Promise<{ id: string; name: string }> {
  if (!v.editor) throw unauthorized();
  const pa = await findPerson(db, input.a),
    pb = await findPerson(db, input.b);
  if (!pa) throw notFound(`person "${input.a}"`);
  if (!pb) throw notFound(`person "${input.b}"`);
  await addDecision(db, { kind: "merge", a: pa.name, b: pb.name });
  await rebuildPeople(db, classify);
  return (await findPerson(db, pa.name))!;
}

/** A spelling is not this person (editors only). */
export async function splitPerson(
  db: Db,
  v: Viewer,
  input: z.infer<typeof SplitInput>,
  classify?: (x: string | null) => StakeholderGroup | null,
): Promise<void> {
  if (!v.editor) throw unauthorized();
  const p = await findPerson(db, input.person);
  if (!p) throw notFound(`person "${input.person}"`);
  await addDecision(db, { kind: "split", a: p.name, b: input.alias });
  await rebuildPeople(db, classify);
}
