import { z } from "zod";
import { RapporteurError } from "../model/errors.js";

/** Parses request input with a zod schema; a failure names the bad field and what it needs. */
export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (!r.success) throw new RapporteurError("bad-argument", r.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; "));
  return r.data;
}

/** The JSON Schema of a zod schema, for the OpenAPI document. */
export const jsonSchema = (schema: z.ZodType) => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  return rest;
};

/** A calendar date as YYYY-MM-DD that exists (not 2021-13-99, not 2021-02-30). */
export const IsoDate = z.string().refine((s) => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}, { error: (i) => `${JSON.stringify(i.input)} is not a date; give one that exists, as YYYY-MM-DD` });
const date = IsoDate;
/** Shared query filters. */
export const Filters = z.object({
  group: z.string().max(200).optional(),
  from: date.optional(),
  to: date.optional(),
});
export const SearchQ = Filters.extend({
  q: z.string({ error: "a query is needed: ?q=words" }).min(1, "a query is needed: ?q=words").max(500),
  person: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
});
export const IdParam = z.object({ id: z.coerce.number().int().positive("a meeting id is a positive number") });
export const PersonParam = z.object({ id: z.string().min(1).max(200) });
