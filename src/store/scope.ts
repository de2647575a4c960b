import type { Viewer } from "../model/viewer.js";

/**
 * The one visibility rule, as SQL over a `meetings` row: editors see every meeting, a
 * reader none that is members-only. Every read that reaches meetings, or anything known
 * from them, joins through it.
 */
export const visible = (v: Viewer, alias = "m"): string =>
  v.editor ? "true" : `NOT ${alias}.members_only`;
