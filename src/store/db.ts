/**
 * The one small interface both drivers implement: PostgreSQL-dialect SQL with `$n`
 * parameters, transactions, and close. Every query module is written once against it.
 */
export interface Queryable {
  /** Runs one statement; `T` names the row's columns (a statement read for its effect leaves it out). */
  query: <T = never>(sql: string, params?: unknown[]) => Promise<{ rows: T[] }>;
}

export interface Db extends Queryable {
  readonly driver: "pglite" | "pg";
  /** Runs `fn` in one transaction: all of it is kept, or none of it. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /**
   * Runs `fn` while no other holder of `key` runs, in this process or any other sharing
   * the store (rebuilding derived data twice at once would interleave its writes).
   */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Where the store lives: a PostgreSQL server when a URL is given, else an embedded data folder. */
export interface StoreLocation {
  databaseUrl?: string | undefined;
  dataDir?: string | undefined;
  /** The embedded server's buffer cache in MB (default 16: a long ingest stays light). */
  cacheMb?: number | undefined;
  /** The embedded server in a worker thread of its own (what `serve` uses). */
  threaded?: boolean | undefined;
}

/** Resolves the location from options and the environment (DATABASE_URL, RAPPORTEUR_DATA). */
export function locate(
  options: { data?: string | undefined },
  env: NodeJS.ProcessEnv,
  cwd: string,
): StoreLocation {
  if (env.DATABASE_URL && !options.data) return { databaseUrl: env.DATABASE_URL };
  const dir = options.data ?? env.RAPPORTEUR_DATA ?? "rapporteur-data";
  return { dataDir: dir.startsWith("/") ? dir : `${cwd}/${dir}` };
}
