import { AlreadyStoredError, isRapporteurError, StaleVersionError } from "../model/errors.js";

/** The JSON body of every API error: a stable code and a message that names the fix. */
export interface ErrorBody {
  error: string;
  message: string;
  /** On a 412: the meeting's current version and values. */
  version?: number;
  current?: unknown;
  /** On a 409 already-stored: the meeting that holds the same content. */
  meetingId?: number;
}

/** Maps any thrown value to an HTTP status and body; unknown errors hide their details. */
export function toHttpError(e: unknown): { status: number; body: ErrorBody } {
  if (e instanceof AlreadyStoredError)
    return {
      status: e.status,
      body: { error: e.code, message: e.message, meetingId: e.meetingId },
    };
  if (e instanceof StaleVersionError)
    return {
      status: e.status,
      body: { error: e.code, message: e.message, version: e.version, current: e.current },
    };
  if (isRapporteurError(e))
    return { status: e.status, body: { error: e.code, message: e.message } };
  const fe = e as { statusCode?: number; code?: string; message?: string };
  if (fe?.statusCode === 413 || fe?.code === "FST_REQ_FILE_TOO_LARGE")
    return {
      status: 413,
      body: {
        error: "file-too-large",
        message: "the upload is larger than 15 MB; is it the right file?",
      },
    };
  if (fe?.statusCode && fe.statusCode < 500)
    return {
      status: fe.statusCode,
      body: { error: "bad-request", message: fe.message ?? "bad request" },
    };
  return {
    status: 500,
    body: {
      error: "internal",
      message: "something went wrong on the server; the error has been logged",
    },
  };
}
