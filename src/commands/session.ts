import type { Queryable } from "../store/db.js";
import { editorFor } from "../store/tokens.js";
import { startSession, sessionEditor, endSession, SESSION_DAYS } from "../store/sessions.js";
import { storeVersion } from "../store/version.js";

export { SESSION_DAYS };

/** An editor's login: a new session id for the cookie, or null for a wrong token. */
export const login = (db: Queryable, token: string) => startSession(db, token);
/** Ends a login. */
export const logout = (db: Queryable, session: string | undefined) => endSession(db, session);
/** The editor behind a bearer token or a session id, or null. */
export const editorOfToken = (db: Queryable, token: string) => editorFor(db, token);
export const editorOfSession = (db: Queryable, session: string) => sessionEditor(db, session);
/** The store's version: any write by any process changes it (response caches key on it). */
export const currentVersion = (db: Queryable) => storeVersion(db);
