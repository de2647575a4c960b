import type { Doc, Node } from "./doc.js";
import { NAME_RUN, splitNickname, isNonNameWord, resolveName, known } from "./names.js";
import { leadOf } from "./labels.js";
import { sentences } from "./text.js";

const BY =
  /\b(?:(?:co-?)?hosted|moderated|(?:co-?)?chaired|facilitated|convened|presided(?: over)?|called to order|opened|led|conducted)(?:\s*(?:and|&|,)\s*(?:(?:co-?)?hosted|moderated|(?:co-?)?chaired|facilitated|opened|led|conducted))*\s+by\s+(.+)/i;
const TITLE =
  /^(?:(?:the|its|our|their)\s+)?(?:[\p{L}'’-]+['’]s?\s+)?(?:(?:co-?|vice-?)?(?:chair|chairperson|chairman|chairwoman|moderator|host|president|convenor|convener|facilitator|coordinator|lead|rapporteur)s?|secretariat)(?![\p{L}-])[,:]?\s+/iu;
const LABEL =
  /^(?:chairs?|co-?chairs?|chaired by|chairperson|chairman|moderators?|co-?moderators?|moderated by|hosts?|hosted by|facilitators?|presiding|in the chair|meeting chair)$/i;
const PERSON = String.raw`((?:(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+)?${NAME_RUN.source})`;
const NAMED_FIRST = new RegExp(
  String.raw`${PERSON}\s+(?:\([^)]{1,40}\)\s+)?(?:chaired|moderated|hosted|facilitated|co-chaired)\s+the\s+(?:\w+\s+){0,2}(?:meeting|session|call|webinar)`,
  "u",
);
const AS_CHAIR = new RegExp(
  String.raw`\bAs\s+(?:the\s+)?(?:chair(?:person|man|woman)?|moderator|host|facilitator),\s+${PERSON}\s+(?:conducted|chaired|opened|led|moderated|hosted)`,
  "u",
);
const OPENED = new RegExp(
  String.raw`${PERSON}\s+(?:\([^)]{1,10}\)\s+)?(?:opened|called to order)\s+the\s+(?:\w+\s+){0,3}?(?:meeting|session|call|webinar)\b`,
  "u",
);
const WELCOMED = new RegExp(
  String.raw`${PERSON}\s+(?:\([^)]{1,10}\)\s+)?welcomed\s+(?:everyone|all|the participants|participants|attendees|members|the members|those present|the panel|the group)\b`,
  "u",
);
/** A role that says its holder ran the meeting (not "past Board Chair", "Group's co-chair"). */
const CHAIR_ROLE =
  /^(?:co-?|vice[- ]?)?(?:chair(?:person|man|woman)?|moderator|host|facilitator|convenor|convener|presiding)\b(?!['’]s)/i;

/**
 * Who hosted, moderated or chaired: what the text says of this meeting (an intro "…
 * hosted and moderated by …", "X chaired the meeting", "As chairperson, X conducted …",
 * "X opened the meeting", "X welcomed everyone"), a "Chair:"/"Host:" line; failing
 * those, the chair role of someone present in the attendance list. Named as on the list.
 */
export function moderators(doc: Doc): Doc {
  const found: { name: string; line: number }[] = [];
  const listed = doc.people ?? [];
  const all = [
    ...listed,
    ...(doc.absent ?? []).map((a) => known(a.name, a.nick, a.initials ? [a.initials] : [])),
  ];
  const name = (raw: string) => {
    const clean = splitNickname(
      raw.replace(/\s*\([^)]*\)\s*$/, (m) => (/^\s*\(\p{Lu}\p{Ll}+\)\s*$/u.test(m) ? m : "")),
    ).name.trim();
    return resolveName(clean, all) ?? bySurname(clean, all) ?? clean;
  };
  const intro = introZone(doc);
  for (const n of intro) {
    // "Chair: …" as a line, a bold lead or a definition ("<dt>Chair</dt><dd>…</dd>")
    const lead = n.kind === "def" && n.key ? { lead: n.key, rest: n.text } : leadOf(n);
    if (lead && LABEL.test(lead.lead) && lead.rest) {
      for (const raw of lead.rest.split(/\s*(?:,|;|\band\b|&)\s*/)) {
        const part = raw
          .replace(/^[\p{L} -]{2,20}:\s*/u, "")
          .replace(/\s+[–—-]\s+.*$/, "")
          .trim();
        if (part && /^\p{Lu}/u.test(part) && !isNonNameWord(part.split(/\s+/)[0]!))
          found.push({ name: name(part), line: n.span.line });
      }
      continue;
    }
    for (const s of sentences(n.text.replace(/\n/g, " "))) {
      const by = BY.exec(s.text);
      if (by && !/\bby\s+(?:the\s+)?(?:end|time|way)\b/i.test(by[0]))
        for (const who of namesAfterBy(by[1]!)) found.push({ name: name(who), line: n.span.line });
      const first = NAMED_FIRST.exec(s.text) ?? AS_CHAIR.exec(s.text);
      if (first && !isNonNameWord(first[1]!.split(/\s+/)[0]!))
        found.push({ name: name(first[1]!), line: n.span.line });
    }
  }
  if (!found.length) {
    // "Mr. Gates opened the meeting", "Jo Roe welcomed everyone": the first such sentence
    for (const n of doc.nodes) {
      if (n.kind === "front") continue;
      const flat = n.text.replace(/\n/g, " ");
      const m =
        AS_CHAIR.exec(flat) ?? NAMED_FIRST.exec(flat) ?? OPENED.exec(flat) ?? WELCOMED.exec(flat);
      if (m && !isNonNameWord(m[1]!.replace(/^(?:Mr|Mrs|Ms|Dr|Prof)\.?\s+/, "").split(/\s+/)[0]!)) {
        found.push({ name: name(m[1]!), line: n.span.line });
        break;
      }
    }
  }
  if (!found.length) {
    for (const p of doc.participants ?? []) {
      if (p.roles.some((r) => CHAIR_ROLE.test(r.trim())))
        found.push({ name: p.name, line: p.line });
    }
  }
  const seen = new Set<string>();
  return { ...doc, moderators: found.filter((f) => !seen.has(f.name) && seen.add(f.name)) };
}

// "co-chair Titti Cassa" for the listed "Concettina Cassa": the only listed person of that
// surname, when the first names differ (a nickname the list does not give).
function bySurname(mention: string, all: ReturnType<typeof known>[]): string | null {
  const words = mention.split(/\s+/);
  if (words.length !== 2) return null;
  const last = words[1]!.toLowerCase();
  const hits = all.filter((k) => k.last === last);
  return hits.length === 1 ? hits[0]!.name : null;
}

// The header, the intro paragraphs and the logistics: where a report says who ran it.
function introZone(doc: Doc): Node[] {
  const end = doc.outline!.discussion?.from ?? Math.min(doc.nodes.length, 30);
  return doc.nodes
    .slice(0, Math.max(end, 1) + 1)
    .filter((n) => n.kind !== "front" && n.kind !== "row");
}

// "the Group's co-chair Ada Lovel with the support of …" -> ["Ada Lovel"];
// "Anna Berg and Tom Li." -> both.
function namesAfterBy(rest: string): string[] {
  let t = rest;
  for (let i = 0; i < 3 && TITLE.test(t); i++) t = t.replace(TITLE, "");
  const out: string[] = [];
  while (t) {
    const m = new RegExp(
      `^((?:(?:Mr|Mrs|Ms|Dr|Prof)\\.?\\s+)?${NAME_RUN.source})(\\s*\\(\\p{Lu}\\p{Ll}+\\))?`,
      "u",
    ).exec(t);
    if (!m) break;
    const words = m[1]!.split(/\s+/);
    if (words.every((w) => isNonNameWord(w))) break;
    out.push(splitNickname(m[0]).name);
    t = t.slice(m[0].length);
    const and = /^\s*(?:,\s*(?:(?:and|&)\s+)?|(?:and|&)\s+)(?:the\s+)?(?:(?:co-?)?chair\s+)?/i.exec(
      t,
    );
    if (!and) break;
    t = t.slice(and[0].length);
  }
  return out;
}
