import type { Doc } from "./doc.js";
import { looksLikeName } from "./entry.js";
import { resolveName } from "./names.js";
import { canonical, resolveOwner } from "./owners.js";

/** A commitment read in one sentence of a narrative report. */
export interface Commitment {
  /** Where the committing clause starts in the sentence; the action's text is kept from there. */
  from: number;
  /** Who is committed: listed people, a body or a role; null when the sentence names nobody. */
  owner: string | null;
  /** Which candidate read it: the evidence, in a word. */
  kind: string;
}

// One to four capitalised words: a name as reports write it ("Ana", "Ana Silva", "Mr. Roe").
const NAME = String.raw`[\p{Lu}][\p{L}'’.-]+(?:\s+[\p{Lu}][\p{L}'’.-]+){0,3}`;
const NAMES = String.raw`${NAME}(?:(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*)${NAME})*`;
const COLLECTIVE =
  /^(?:all\s+)?(?:the\s+)?(?:[\p{L}'’]+['’]s?\s+)?(people|everyone|everybody|participants|attendees|colleagues|members)$/iu;
const REPORTED =
  /^([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,2})\s+(?:also\s+)?(?:replied|said|stated|noted|confirmed|explained|added|informed|responded|answered|mentioned|promised|assured)\b/u;

interface Candidate {
  kind: string;
  re: RegExp;
  read: (m: RegExpExecArray, sentence: string, doc: Doc) => Commitment | null;
}

/**
 * The ways a narrative report states a commitment, each a candidate with its owner rule.
 * Order matters only for the owner: the first candidate that reads the sentence wins.
 */
const CANDIDATES: readonly Candidate[] = [
  {
    // "Ana and Bo volunteered as mentors", "Ana offered to draft the letter"
    kind: "volunteered",
    re: new RegExp(
      String.raw`(?:^|[,;]\s*)(${NAMES})\s+(?:also\s+|then\s+)?(?:volunteered|offered|committed|undertook|promised|pledged)\s+(?:to|as|for)\b`,
      "u",
    ),
    read: (m, _s, doc) => {
      const who = names(m[1]!, doc);
      return who ? { from: 0, owner: who, kind: "volunteered" } : null;
    },
  },
  {
    // "All members are invited to comment", "The secretariat was asked to write"
    kind: "invited",
    re: /^(\p{L}(?:[^,;:()]|\([^)]*\)){1,60}?)\s+(?:is|are|was|were|has been|have been)\s+(?:kindly\s+|also\s+|therefore\s+|again\s+)?(?:invited|asked|requested|encouraged|urged|called upon)\s+to\s+[a-z]/u,
    read: (m, _s, doc) => ({ from: 0, owner: ownerRole(m[1]!, doc), kind: "invited" }),
  },
  {
    // "Jo asked people to spread the word", "the chair invited Ana to present"
    kind: "asked",
    re: new RegExp(
      String.raw`\b(?:asked|invited|encouraged|urged|requested|called on|called upon)\s+((?:all\s+)?(?:the\s+)?(?:people|everyone|everybody|participants|attendees|colleagues|members)|${NAMES})\s+to\s+[a-z]`,
      "u",
    ),
    read: (m, _s, doc) => {
      const owner = COLLECTIVE.test(m[1]!) ? ownerRole(m[1]!, doc) : names(m[1]!, doc);
      return owner ? { from: 0, owner, kind: "asked" } : null;
    },
  },
  {
    // "the Office welcomes the group's feedback over the next week"
    kind: "welcomes",
    re: /\bwelcomes?\s+(?:the\s+)?(?:([\p{L}][\p{L}'’ -]{0,40}?)['’]s?\s+)?(?:feedback|input|inputs|comments|suggestions|views|contributions|ideas)\b/u,
    read: (m, s, doc) => ({
      from: clauseStart(s, m.index),
      owner: m[1] ? ownerRole(m[1], doc) : null,
      kind: "welcomes",
    }),
  },
  {
    // "any leads on that are welcomed", "comments are welcome until Friday"
    kind: "welcome",
    re: /\b(?:leads|feedback|input|inputs|comments|suggestions|contributions|ideas|volunteers)\b[^.;]{0,60}?\b(?:are|is|would be|will be)\s+(?:most\s+|very\s+|always\s+)?welcomed?\b/i,
    read: () => ({ from: 0, owner: null, kind: "welcome" }),
  },
  {
    // "the panel would need some help from the group to identify examples"
    kind: "help",
    re: /\b(?:needs?|would need|will need|requires?|asked for|requests?|seeks?)\s+(?:some\s+|the\s+|more\s+|further\s+)?(?:help|support|assistance|input|inputs|contributions?)\s+(?:of|from)\s+(?:the\s+)?([\p{Lu}][\p{L}'’ -]{0,40}?)\s+(?:to|on|in|for|with)\b/u,
    read: (m, _s, doc) => ({ from: 0, owner: ownerRole(m[1]!, doc), kind: "help" }),
  },
  {
    // "Jo replied that the information will be shared in a few days"
    kind: "will be done",
    re: /\b(?:will|shall|would)\s+be\s+(?:shared|circulated|sent|distributed|included|incorporated|reflected|added|posted|uploaded|forwarded|provided|compiled|prepared|drafted|updated)\b/i,
    read: (_m, s, doc) => {
      const who = REPORTED.exec(s);
      const owner = who && resolveName(who[1]!, doc.people ?? []) ? canonical(who[1]!, doc) : null;
      return { from: 0, owner, kind: "will be done" };
    },
  },
  {
    // "Jo discussed the next steps, such as …"
    kind: "next steps",
    re: /\b(?:discussed|presented|outlined|explained|described|set out)\s+(?:the\s+)?next\s+steps\b/i,
    read: () => ({ from: 0, owner: null, kind: "next steps" }),
  },
];

/** The commitment a sentence states, if any; the first candidate that reads it wins. */
export function commitmentIn(sentence: string, doc: Doc): Commitment | null {
  for (const c of CANDIDATES) {
    const m = c.re.exec(sentence);
    const got = m && c.read(m, sentence, doc);
    if (got) return got;
  }
  return null;
}

/** "All the group's participants", "people" → "all participants"; else a role or name. */
export function ownerRole(subject: string, doc: Doc): string {
  const s = subject.replace(/\s+/g, " ").trim();
  const c = COLLECTIVE.exec(s);
  if (c) return /^members$/i.test(c[1]!) ? "all members" : "all participants";
  const listed = names(s, doc);
  return listed ?? s.replace(/^the\s+/i, "");
}

// "Ana Silva and Bo" → each part resolved to the list; null unless every part is a name.
function names(s: string, doc: Doc): string | null {
  const parts = s.split(/\s*(?:,\s*and\s+|,|\band\b|&)\s*/).filter(Boolean);
  const ok = parts.every(
    (p) => resolveName(p, doc.people ?? []) !== null || (looksLikeName(p) && !/^the\b/i.test(p)),
  );
  return ok && parts.length ? resolveOwner(s, doc) : null;
}

// Where the clause holding `at` begins: after the last ", ", "; " or " and " before it.
function clauseStart(s: string, at: number): number {
  let from = 0;
  for (const m of s.slice(0, at).matchAll(/(?:[,;]\s+|\s+(?:and|but|so)\s+)/g))
    from = m.index + m[0].length;
  return from;
}
