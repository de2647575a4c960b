import { z } from "zod";
import { Error as ErrorBody } from "./api-schemas.js";

/** Named schemas the operations refer to (a recursive one, like an agenda item, cannot be inlined). */
export const COMPONENTS: Record<string, unknown> = {};

/**
 * The JSON Schema (2020-12, as OpenAPI 3.1 uses) of a zod schema, as the input or the
 * output it describes; its named parts go to the document's components.
 */
export function jsonSchema(
  schema: z.ZodType,
  io: "input" | "output" = "input",
): Record<string, unknown> {
  const {
    $schema: _drop,
    $defs,
    ...rest
  } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  for (const [name, def] of Object.entries(($defs ?? {}) as Record<string, unknown>))
    COMPONENTS[name] = toComponents(def);
  return toComponents(rest) as Record<string, unknown>;
}

// "#/$defs/X" (local to one converted schema) → "#/components/schemas/X" (the document's)
function toComponents(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toComponents);
  if (!node || typeof node !== "object") return node;
  return Object.fromEntries(
    Object.entries(node).map(([k, v]) => [
      k,
      k === "$ref" && typeof v === "string"
        ? v.replace(/^#\/\$defs\//, "#/components/schemas/")
        : toComponents(v),
    ]),
  );
}

const error = (description: string) => ({
  description,
  content: { "application/json": { schema: jsonSchema(ErrorBody, "output") } },
});

/**
 * A route's OpenAPI description from the zod schemas its handler parses with: parameters,
 * query, body, the answer and the errors it may give. Fastify neither validates nor
 * serialises with these (the handlers parse with zod and errors name the field); they are
 * documentation, generated from the same schemas.
 */
export function operation(o: {
  summary: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response: z.ZodType;
  status?: number;
  write?: boolean;
  notFound?: boolean;
  upload?: boolean;
  stale?: boolean;
}): { schema: Record<string, unknown> } {
  const responses: Record<string, unknown> = {
    [o.status ?? 200]: {
      description: "OK",
      content: { "application/json": { schema: jsonSchema(o.response, "output") } },
    },
    400: error("A parameter or the body is not valid; the message names it"),
    429: error("Too many wrong tokens from this address; wait the seconds Retry-After gives"),
    500: error("A fault on the server; it is logged with the request id the message gives"),
  };
  if (o.notFound) responses[404] = error("Nothing of that id the asker may see");
  if (o.write) {
    responses[401] = error("No editor: send Authorization: Bearer TOKEN");
    responses[403] = error("A login cookie sent from another site");
  }
  if (o.stale)
    responses[412] = error(
      "If-Match names a version that is no longer current; the answer carries the current one",
    );
  if (o.upload) {
    responses[409] = error(
      "The store already holds this report (under another name); meetingId names it",
    );
    responses[413] = error("The file is larger than the limit");
    responses[415] = error("Not a .txt, .md, .html, .docx or .pdf report");
    responses[422] = error("The file cannot be read, or is not a meeting report");
  }
  const schema: Record<string, unknown> = {
    summary: o.summary,
    tags: ["api"],
    response: responses,
  };
  if (o.params) schema.params = jsonSchema(o.params);
  if (o.querystring) schema.querystring = jsonSchema(o.querystring);
  if (o.body) schema.body = jsonSchema(o.body);
  if (o.upload) {
    schema.consumes = ["multipart/form-data"];
    schema.body = {
      type: "object",
      required: ["file"],
      properties: {
        file: {
          type: "string",
          contentMediaType: "application/octet-stream",
          description: "the report (.txt, .md, .html, .docx, .pdf)",
        },
        membersOnly: {
          type: "string",
          enum: ["true", "false"],
          description: "hide it from readers",
        },
      },
    };
  }
  if (o.write) schema.security = [{ bearer: [] }];
  return { schema };
}
