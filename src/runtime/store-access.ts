import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { locate, type Db } from "../store/db.js";
import { openStore } from "../store/open.js";
import { RapporteurError, isRapporteurError } from "../model/errors.js";
import { STAKEHOLDER_GROUPS, stakeholderClassifier } from "../resolve/stakeholders.js";
import { derivedStale, refreshDerived, type Derivation } from "../store/derived.js";
import { borrowStore } from "./shared-store.js";
import type { Io } from "./io.js";

/** Options every store command takes. */
export interface StoreOptions {
  data?: string | undefined;
}

/**
 * Opens the store for a command (PGlite folder or DATABASE_URL), runs `fn`, always
 * closes. A store this process already holds (a server running the command for another
 * process) is borrowed instead. A write command passes `heal`: derived data an earlier
 * run left stale (killed before its rebuild) is rebuilt first.
 */
export async function withStore<T>(
  cwd: string,
  options: StoreOptions,
  io: Io,
  fn: (db: Db) => Promise<T>,
  opts: { heal?: Derivation; env?: NodeJS.ProcessEnv } = {},
): Promise<T> {
  const loc = locate(options, opts.env ?? process.env, cwd);
  let db: Db;
  try {
    db =
      (loc.dataDir ? borrowStore(loc.dataDir) : null) ??
      (await openStore(loc, (msg) => io.err(`rapporteur: ${msg}`)));
  } catch (e) {
    if (isRapporteurError(e)) throw e;
    const where = loc.databaseUrl
      ? "the database at DATABASE_URL"
      : `the data folder ${loc.dataDir}`;
    throw new RapporteurError(
      "store-unavailable",
      `cannot open ${where} (${String((e as Error)?.message ?? e).split("\n")[0]}); check it, or use --data DIR for another folder`,
    );
  }
  let result: T;
  try {
    if (opts.heal) await healDerived(db, opts.heal, io);
    result = await fn(db);
  } catch (e) {
    // the first failure is the one to tell (closing a store after a full disk fails too)
    await db.close().catch(() => undefined);
    throw e;
  }
  await db.close();
  return result;
}

/** Rebuilds derived data an earlier run left stale, saying so. */
export async function healDerived(db: Db, derive: Derivation, io: Io): Promise<void> {
  if (!(await derivedStale(db))) return;
  if (await refreshDerived(db, derive))
    io.err("rapporteur: rebuilt people and the glossary first (they were out of date)");
}

const Config = z.object({
  stakeholderRules: z
    .array(z.object({ pattern: z.string(), group: z.enum(STAKEHOLDER_GROUPS) }))
    .default([]),
  glossary: z
    .array(z.object({ acronym: z.string().min(1), expansion: z.string().min(1) }))
    .default([]),
});
export type Config = z.infer<typeof Config>;

/** Reads rapporteur.config.json from the working folder, if there is one. */
export async function loadConfig(cwd: string): Promise<Config> {
  const path = join(cwd, "rapporteur.config.json");
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return { stakeholderRules: [], glossary: [] };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RapporteurError("bad-config", `${path}: not valid JSON (${(e as Error).message})`);
  }
  const parsed = Config.safeParse(json);
  if (!parsed.success)
    throw new RapporteurError(
      "bad-config",
      `${path}: ${z.prettifyError(parsed.error).replace(/\n/g, " ")}`,
    );
  for (const r of parsed.data.stakeholderRules) {
    try {
      new RegExp(r.pattern, "i");
    } catch {
      throw new RapporteurError(
        "bad-config",
        `${path}: stakeholder rule pattern "${r.pattern}" is not a valid regular expression`,
      );
    }
  }
  return parsed.data;
}

/** The stakeholder classifier with the user's rules first. */
export const classifierFor = (config: Config) => stakeholderClassifier(config.stakeholderRules);

export type { Derivation } from "../store/derived.js";
export const derivationOf = (config: Config): Derivation => ({
  classify: classifierFor(config),
  glossary: config.glossary,
});
