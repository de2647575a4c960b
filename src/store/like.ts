/**
 * A value matched with ILIKE is data, never a pattern: "%" and "_" in a group name match
 * only themselves ("/groups/%25/calendar.ics" is the group called "%", not every group).
 */
export const likeExact = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A value to find anywhere inside a column with ILIKE. */
export const likeContains = (s: string): string => `%${likeExact(s)}%`;
