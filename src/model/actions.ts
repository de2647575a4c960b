// (no zod here: the CLI's argument parser reads these lists and should start fast)

/** What an editor may set an action to. */
export const ACTION_STATUSES = ["open", "done", "dropped"] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const isActionStatus = (s: string): s is ActionStatus =>
  (ACTION_STATUSES as readonly string[]).includes(s);

/** What a list of actions may be filtered by: a status, or "overdue" (computed). */
export const ACTION_FILTERS = [...ACTION_STATUSES, "overdue"] as const;
export const isActionFilter = (s: string): boolean =>
  (ACTION_FILTERS as readonly string[]).includes(s);

/** An open action whose due date is before today (YYYY-MM-DD). The one rule for "overdue". */
export const isOverdue = (a: { status: string; due: string | null }, today: string): boolean =>
  a.status === "open" && !!a.due && a.due.slice(0, 10) < today;

/** Keeps the actions a filter asks for. */
export const matchesFilter = (
  a: { status: string; due: string | null },
  filter: string | undefined,
  today: string,
): boolean => !filter || (filter === "overdue" ? isOverdue(a, today) : a.status === filter);
