import type { Doc } from "./doc.js";
type Action = NonNullable<Doc["actions"]>[number];
import { lineIndexAt, sentences } from "./text.js";
import { resolveName } from "./names.js";
import { deadline } from "./deadlines.js";
import { canonical, OWNER_SUBJECT, subjectOwner } from "./owners.js";
import { commitmentIn } from "./commitments.js";

const AGREED =
  /\b(?:it was|was|were|they|participants|members|the (?:group|wg|committee|board|meeting|participants|members)|we|all)\s+(?:(?:also|further|then|unanimously)\s+)?(?:agreed|decided|resolved)\s+(?:to|that|on)\b|\bit was (?:agreed|decided|resolved)\b|\b(?:agreement|decision) was (?:reached|taken|made)\b/i;
const NEXT_STEPS = /^(?:next steps?|action(?: item)?|action point|to do|follow[- ]up)\s*:\s*/i;
const NEXT_MEETING =
  /\bnext\s+(?:\w+['’]?s?\s+){0,3}?(?:meeting|call|session)\b.*\b(?:will|is|planned|scheduled)\b/i;

/** A deadline told to the group that asks nothing of it: another body's date, kept as a note. */
export type DatedNote = NonNullable<Doc["notes"]>[number];

interface Found extends Action {
  kind: "labelled" | "agreed" | "commitment" | "deadline";
}

/**
 * Narrative reports label nothing: their next steps, deadlines, agreed commitments and
 * commitments made in the discussion (see commitments.ts). A deadline that only another
 * body's process sets — its owner is not of the group, or its paragraph names another
 * body acting and no commitment of the group shares its subject — is a dated note.
 */
export function proseActions(
  doc: Doc,
  ref: Date | null,
): { actions: Action[]; notes: DatedNote[] } {
  const range = doc.outline!.discussion;
  if (!range) return { actions: [], notes: [] };
  const actions: Action[] = [];
  const notes: DatedNote[] = [];
  const sectionHeads = new Set((doc.sections ?? []).map((s) => s.line));
  for (const n of doc.nodes.slice(range.from, range.to)) {
    if (n.kind !== "para" && n.kind !== "item") continue;
    if (sectionHeads.has(n.span.line) && n.kind !== "item" && n.text.length < 200) continue;
    const text0 = n.text.replace(/\n/g, " ");
    const found: Found[] = [];
    for (const s of sentences(text0)) {
      const text = s.text.replace(/\s+/g, " ").trim();
      if (/^next (?:\w+ )?(?:meeting|call|session)\b/i.test(text)) continue;
      const labelled = NEXT_STEPS.test(text);
      if (!labelled && NEXT_MEETING.test(text)) continue;
      const due = deadline(text, ref, labelled, doc);
      const agreed = /agree|decided|decision|resolved/i.test(text) && AGREED.test(text);
      const promised = labelled || agreed ? null : commitmentIn(text, doc);
      if (!labelled && !agreed && !promised && (!due.found || due.value === null)) continue;
      const line =
        n.span.line + Math.min(lineIndexAt(n.text, s.start), n.span.endLine - n.span.line);
      found.push({
        text: promised ? text.slice(promised.from) : text,
        owner: promised ? promised.owner : proseOwner(text, doc, labelled),
        due: due.value,
        line,
        endLine: line,
        kind: labelled ? "labelled" : agreed ? "agreed" : promised ? "commitment" : "deadline",
      });
    }
    const others = otherBodyActs(text0, doc);
    for (const f of found) {
      const { kind, ...action } = f;
      const own =
        kind !== "deadline" ||
        (f.owner ? ofTheGroup(f.owner, doc) : !others || sharesSubject(f, found));
      if (own) actions.push(action);
      else notes.push({ text: f.text, date: f.due, line: f.line, endLine: f.endLine });
    }
  }
  return { actions, notes };
}

// A role of the group or its people: "the Secretariat", "co-chairs", "all members", "we".
const ROLE =
  /^(?:all\s+)?(?:the\s+)?(?:[\p{L}'’]+['’]s?\s+)?(?:(?:co-?|vice[- ]?)?chairs?(?:person)?|secretariat|secretary|treasurer|president|staff|board|committee|council|team|group|working group|wg|members?|participants?|everyone|everybody|we|attendees|officers?|directors?|trustees?|all)$/iu;

function ofTheGroup(owner: string, doc: Doc): boolean {
  if (ROLE.test(owner.trim())) return true;
  const parts = owner.split(/\s*(?:\/|&|\+|,\s*and\s+|,|\band\b)\s*/).filter(Boolean);
  if (parts.length && parts.every((p) => resolveName(p, doc.people ?? []))) return true;
  const g = doc.header?.group;
  return !!g && owner.toLowerCase().includes(g.toLowerCase());
}

// "the SG's office will review them": someone outside the group acts in the paragraph.
const OTHER_ACTS =
  /\b((?:[\p{Lu}][\p{L}]*['’]s\s+)?(?:[\p{Lu}][\p{L}]*\s+){0,3}(?:office|[\p{Lu}][\p{L}]+))\s+will\s+(?:review|decide|select|appoint|announce|publish|evaluate|consider|choose|approve|assess)\b/u;

function otherBodyActs(text: string, doc: Doc): boolean {
  const m = OTHER_ACTS.exec(text);
  return !!m && !ofTheGroup(m[1]!, doc);
}

// Does a commitment of the group in the same paragraph speak of this deadline's subject?
function sharesSubject(f: Found, found: readonly Found[]): boolean {
  const words = (t: string) =>
    new Set(
      t
        .toLowerCase()
        .match(/\p{L}{5,}/gu)
        ?.filter((w) => !DEADLINE_WORDS.has(w)) ?? [],
    );
  const mine = words(f.text);
  return found.some((o) => o.kind !== "deadline" && [...words(o.text)].some((w) => mine.has(w)));
}

const DEADLINE_WORDS = new Set(["deadline", "before", "until", "should", "submit", "later"]);

function proseOwner(text: string, doc: Doc, item: boolean): string | null {
  const body = text.replace(NEXT_STEPS, "");
  const clause = /\b(?:agreed|decided|resolved) that\s+(.*)$/i.exec(body)?.[1] ?? body;
  const deciders =
    /^(?:the\s+)?([\p{L}][\p{L} '’-]{1,40}?)\s+(?:(?:also|further|unanimously)\s+)?(?:agreed|decided|resolved)\s+to\b/iu.exec(
      clause,
    );
  if (deciders)
    return /^(?:it|we|they|it was)$/i.test(deciders[1]!) || /\b(?:was|were)\b/i.test(deciders[1]!)
      ? null
      : canonical(deciders[1]!, doc);
  const m = OWNER_SUBJECT.exec(clause);
  if (
    m &&
    / to\s+\S+$/.test(m[0]) &&
    !/(?:should|must|shall|will|would|is to|are to|agreed to|volunteered to|offered to) \S+$/.test(
      m[0],
    ) &&
    !item &&
    !resolveName(m[1]!, doc.people ?? [])
  )
    return null;
  const who = subjectOwner(m);
  return who ? canonical(who, doc) : null;
}
