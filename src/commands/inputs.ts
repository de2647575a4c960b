import { z } from "zod";
import { RapporteurError } from "../model/errors.js";
import { ACTION_FILTERS, ACTION_STATUSES } from "../model/actions.js";
import { CORRECTABLE_FIELDS, type CorrectableField } from "../model/corrections.js";
import { dayExists } from "../model/record.js";

// The input of each use case, one zod schema each, read by both faces: the CLI parses its
// options with it, the HTTP route its query, path or body; the OpenAPI document is
// generated from the same schemas.

/**
 * Parses a use case's input; a failure names the bad field (as a CLI flag for the command
 * line: "--from …") and what it needs.
 */
export function parseInput<T extends z.ZodType>(
  schema: T,
  input: unknown,
  face: "http" | "cli" = "http",
): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const where = (path: PropertyKey[]) =>
    face === "cli" ? `--${path.map(String).join(".")}` : path.join(".");
  throw new RapporteurError(
    "bad-argument",
    r.error.issues
      .map((i) => (i.path.length ? `${where(i.path)}: ${i.message}` : i.message))
      .join("; "),
  );
}

/** A calendar date as YYYY-MM-DD that exists (not 2021-13-99, not 2021-02-30). */
export const IsoDate = z
  .string()
  .refine((s) => /^\d{4}-\d{2}-\d{2}$/.test(s) && dayExists(s), {
    error: (i) => `${JSON.stringify(i.input)} is not a date; give one that exists, as YYYY-MM-DD`,
  })
  .meta({ format: "date", example: "2024-05-16" });

const group = z
  .string()
  .min(1)
  .max(200)
  .meta({ description: "a group's name (or part of it) or its acronym" });

/** Meetings by group and dates. */
export const MeetingFilter = z.object({
  group: group.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
});
export const MeetingId = z.object({
  id: z.coerce.number().int().positive("a meeting id is a positive number"),
});
export const PersonId = z.object({
  id: z.string().min(1).max(200).meta({ description: "a person's id (see /api/people)" }),
});

export const SearchInput = MeetingFilter.extend({
  q: z
    .string({ error: "a query is needed: ?q=words" })
    .min(1, "a query is needed: ?q=words")
    .max(500)
    .meta({ description: 'words, "a phrase", OR, -exclusion, prefix*' }),
  person: z
    .string()
    .max(200)
    .optional()
    .meta({ description: "only what this person said (any spelling or id)" }),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});

export const ActionsInput = z.object({
  group: group.optional(),
  status: z.enum(ACTION_FILTERS).optional(),
});
export const ActionStatusInput = z.object({
  source: z.string().min(1).max(300),
  key: z.string().min(1).max(100),
  status: z.enum(ACTION_STATUSES),
});
export const MembersOnlyInput = z.object({
  id: z.coerce.number().int().positive(),
  value: z.enum(["true", "false"]).transform((v) => v === "true"),
});

export const GroupInput = z.object({ group });
export const PeriodInput = z.object({
  group,
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  format: z.enum(["html", "md", "docx"]).default("html"),
});
export const TopicInput = z.object({
  term: z.string().trim().min(1, "give a term or acronym").max(200),
});

export const MergeInput = z.object({
  a: z.string().min(1).max(200).meta({ description: "a person's name, any spelling, or id" }),
  b: z
    .string()
    .min(1)
    .max(200)
    .meta({ description: "the other person's name, any spelling, or id" }),
});
export const SplitInput = z.object({
  person: z.string().min(1).max(200).meta({ description: "the person's name or id" }),
  alias: z.string().min(1).max(200).meta({ description: "the spelling to keep apart" }),
});
export const LoginInput = z.object({ token: z.string().min(1).max(200) });

const Field = z.enum(CORRECTABLE_FIELDS as [CorrectableField, ...CorrectableField[]]);
const Version = z.coerce
  .number()
  .int()
  .min(0)
  .meta({ description: "the meeting's version the change was made against (see ETag)" });
/** A field of a meeting given back to extraction. */
export const RevertInput = z.object({
  id: MeetingId.shape.id,
  field: Field,
  version: Version.optional(),
});
/** A meeting's version as an `If-Match` header ("3" or "\"3\""), or none. */
export const IfMatch = z
  .string()
  .regex(/^(?:W\/)?"?\d+"?$/, 'If-Match takes the meeting\'s ETag, e.g. "3"')
  .transform((s) => Number(s.replace(/\D/g, "")))
  .optional();
export { CorrectionPatch } from "../model/corrections.js";
/** The decisions register's filter. */
export const DecisionsInput = z.object({ group: group.optional() });
