/**
 * Every failure Rapporteur reports, as a value with a stable code. Faces decide how to
 * show it: the CLI maps `exit`, the server maps `status`.
 */
export const ERRORS = {
  "file-not-found": { status: 404, exit: 2 },
  "not-a-file": { status: 400, exit: 2 },
  "file-too-large": { status: 413, exit: 2 },
  "empty-file": { status: 422, exit: 2 },
  "unsupported-format": { status: 415, exit: 2 },
  "unreadable-file": { status: 422, exit: 2 },
  "not-a-report": { status: 422, exit: 2 },
  "bad-argument": { status: 400, exit: 2 },
  "bad-config": { status: 500, exit: 2 },
  "store-unavailable": { status: 503, exit: 3 },
  "store-in-use": { status: 503, exit: 4 },
  "disk-full": { status: 507, exit: 3 },
  "store-not-empty": { status: 409, exit: 2 },
  "not-found": { status: 404, exit: 2 },
  unauthorized: { status: 401, exit: 2 },
  forbidden: { status: 403, exit: 2 },
  "method-not-allowed": { status: 405, exit: 2 },
  "too-many-requests": { status: 429, exit: 2 },
  "precondition-failed": { status: 412, exit: 2 },
  "already-stored": { status: 409, exit: 2 },
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** An expected failure: its message names the bad value and, where there is one, the fix. */
export class RapporteurError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = "RapporteurError";
  }
  get status(): number {
    return ERRORS[this.code].status;
  }
  get exitCode(): number {
    return ERRORS[this.code].exit;
  }
}

/** Who holds an embedded store: the process's id and command line, and a server's socket. */
export interface StoreHolder {
  pid: number;
  command: string;
  socket?: string | undefined;
}

/** The store is held by another process (one writer per embedded store). */
export class StoreInUseError extends RapporteurError {
  constructor(
    readonly dir: string,
    readonly holder: StoreHolder,
  ) {
    const serving = holder.socket !== undefined;
    super(
      "store-in-use",
      `the store ${dir} is in use by \`${holder.command}\` (pid ${holder.pid}); ${
        serving ? "stop that server first (Ctrl-C in its terminal)" : "wait for it to finish"
      }, or use --data DIR for another store`,
    );
  }
}

/** True when `e` is one of ours (anything else is a bug and keeps its stack). */
export const isRapporteurError = (e: unknown): e is RapporteurError => e instanceof RapporteurError;

/** 404 with the thing that was not found. */
export const notFound = (what: string) =>
  new RapporteurError("not-found", `${what} was not found; check the address`);
/** 401: no editor behind the request. */
export const unauthorized = () =>
  new RapporteurError(
    "unauthorized",
    "this needs an editor: log in with an editor token, or send Authorization: Bearer TOKEN (rapporteur token create NAME)",
  );
/** 404 for a group with no meetings the asker may see (the same words whether it exists or is hidden). */
export const noGroup = (group: string) =>
  new RapporteurError(
    "not-found",
    `group "${group}" has no meetings here; check the name or acronym (see the groups list)`,
  );

/**
 * A change made against a version of a meeting that is no longer current: nothing was
 * written, and the current values go back to the editor (HTTP 412).
 */
export class StaleVersionError extends RapporteurError {
  constructor(
    readonly id: number,
    readonly expected: number,
    readonly version: number,
    readonly current: unknown,
  ) {
    super(
      "precondition-failed",
      `meeting ${id} has changed since version ${expected} (it is now version ${version}); review the current values and make the change again`,
    );
  }
}

/** An upload whose content the store already holds, under another name. */
export class AlreadyStoredError extends RapporteurError {
  constructor(
    readonly meetingId: number,
    readonly path: string,
  ) {
    super(
      "already-stored",
      `this report is already stored as meeting ${meetingId} (from ${path.replace(/^upload:/, "")}); open /meetings/${meetingId}`,
    );
  }
}
