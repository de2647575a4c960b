import { z } from "zod";
import { MeetingRecord, Action, Section, When } from "../model/record.js";
import { ACTION_STATUSES } from "../model/actions.js";
import { CORRECTABLE_FIELDS, type CorrectableField } from "../model/corrections.js";

// What each API operation answers, as zod schemas: the OpenAPI document is generated from
// them, and a test checks every route's real answers against them. Objects are open
// (more fields may come in later versions); the fields named here are always there.

const nullableText = z.string().nullable();

export const Error = z.object({
  error: z.string().meta({
    description:
      "a stable code: bad-argument, unauthorized, forbidden, not-found, method-not-allowed, too-many-requests, …",
  }),
  message: z.string().meta({ description: "what is wrong, naming the bad value and the fix" }),
  version: z.number().int().optional().meta({ description: "on 412: the meeting's version now" }),
  current: z.unknown().optional().meta({ description: "on 412: the meeting's values now" }),
  meetingId: z
    .number()
    .int()
    .optional()
    .meta({ description: "on 409: the meeting that already holds this report" }),
});

/** One change of a meeting's history. */
export const Correction = z
  .object({
    id: z.number().int(),
    field: z.enum(CORRECTABLE_FIELDS as [CorrectableField, ...CorrectableField[]]),
    action: z.enum(["set", "revert"]),
    value: z.unknown().meta({ description: "the value set (null for a revert)" }),
    previous: z.unknown().meta({ description: "the value before" }),
    extracted: z.unknown().meta({ description: "what extraction read then" }),
    by: z.string(),
    at: z.string(),
    note: nullableText,
  })
  .meta({ id: "Correction" });
export const History = z.object({
  id: z.number().int(),
  source: z.string(),
  version: z.number().int(),
  corrections: z.array(Correction),
});

export const MeetingSummary = z.looseObject({
  id: z.number().int(),
  source: z.string(),
  group: nullableText,
  groupAcronym: nullableText,
  number: z.number().int().nullable(),
  start: nullableText,
  nextMeeting: nullableText,
  membersOnly: z.boolean(),
  participants: z.number().int(),
  findings: z.number().int(),
});
export const MeetingList = z.object({ meetings: z.array(MeetingSummary) });

const FollowUp = z.looseObject({
  meetingId: z.number().int(),
  source: z.string(),
  start: nullableText,
  section: z.string(),
  ord: z.number().int(),
  shared: z.array(z.string()),
  rarity: z
    .array(z.object({ word: z.string(), sections: z.number().int() }))
    .meta({ description: "each shared word and how many of the group's sections use it" }),
  of: z.number().int().meta({ description: "the group's sections the rarity counts against" }),
  owner: z.boolean(),
});
export const Meeting = MeetingRecord.extend({
  id: z.number().int(),
  sections: z.array(
    Section.extend({
      text: z.string().meta({ description: "what was said, from the original (paragraphs)" }),
    }),
  ),
  membersOnly: z.boolean(),
  provenance: z
    .looseObject({ source: z.string() })
    .meta({ description: "the source lines of each value (same shape as the record)" }),
  actions: z.array(
    Action.extend({
      key: z.string(),
      status: z.enum(ACTION_STATUSES),
      followUps: z.array(FollowUp).optional(),
    }).loose(),
  ),
  people: z.record(z.string(), z.string()).meta({ description: "spelling → person id" }),
  stakeholders: z
    .record(z.string(), nullableText)
    .meta({ description: "affiliation → stakeholder group" }),
  corrections: z.array(Correction).meta({ description: "every change editors made, oldest first" }),
  version: z.number().int().meta({ description: "the meeting's version (its ETag)" }),
}).loose();

export const PersonSummary = z.looseObject({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  meetings: z.array(z.string()),
  evidence: z.array(z.object({ alias: z.string(), evidence: z.string(), confidence: z.number() })),
});
export const PeopleList = z.object({ people: z.array(PersonSummary) });

export const Person = z.looseObject({
  id: z.string(),
  name: z.string(),
  aliases: z.array(z.object({ alias: z.string(), evidence: z.string() })),
  meetings: z.array(
    z.looseObject({
      id: z.number().int(),
      source: z.string(),
      group: nullableText,
      number: z.number().int().nullable(),
      start: nullableText,
      listedAs: nullableText,
      affiliation: nullableText,
      roles: z.array(z.string()),
      statements: z.array(
        z.object({ section: z.string(), text: z.string(), line: z.number().int() }),
      ),
    }),
  ),
});

export const SearchHit = z.looseObject({
  meetingId: z.number().int(),
  source: z.string(),
  group: nullableText,
  number: z.number().int().nullable(),
  start: nullableText,
  kind: z.enum(["section", "agenda"]),
  sectionOrd: z.number().int(),
  title: z.string(),
  speakers: z.array(z.string()),
  line: z.number().int().nullable(),
  endLine: z.number().int().nullable(),
  rank: z.number(),
  snippet: z.string().meta({ description: "the matching passage; hits are marked with « and »" }),
});
export const SearchResult = z.object({ hits: z.array(SearchHit) });

export const ActionRow = z.looseObject({
  meetingId: z.number().int(),
  source: z.string(),
  group: nullableText,
  start: nullableText,
  text: z.string(),
  owner: nullableText,
  due: When,
  key: z.string(),
  status: z.enum(ACTION_STATUSES),
  overdue: z.boolean(),
});
export const ActionList = z.object({ actions: z.array(ActionRow) });

export const Ok = z.object({ ok: z.literal(true) });

export const FindingList = z.object({
  findings: z.array(
    z.looseObject({
      meetingId: z.number().int(),
      source: z.string(),
      code: z.string(),
      message: z.string(),
      subject: nullableText,
      line: z.number().int().nullable(),
    }),
  ),
});
export const GroupList = z.object({
  groups: z.array(
    z.looseObject({
      group: z.string(),
      acronym: nullableText,
      meetings: z.number().int(),
      last: nullableText,
    }),
  ),
});
export const Stats = z.object({
  meetings: z.number().int(),
  people: z.number().int(),
  groups: z.number().int(),
  findings: z.number().int(),
});
export const Participation = z.object({
  meetings: z.array(MeetingSummary),
  attendance: z.array(
    z.looseObject({ person: z.string(), personId: nullableText, meetingId: z.number().int() }),
  ),
  balance: z.array(
    z.looseObject({
      meetingId: z.number().int(),
      stakeholder: z.string(),
      count: z.number().int(),
    }),
  ),
});

export const DecisionList = z.object({
  decisions: z.array(
    z.looseObject({
      meetingId: z.number().int(),
      source: z.string(),
      group: nullableText,
      number: z.number().int().nullable(),
      start: nullableText,
      text: z.string(),
      line: z.number().int().nullable(),
    }),
  ),
});
