import { createHash } from "node:crypto";
import { distance } from "fastest-levenshtein";
import { doubleMetaphone } from "double-metaphone";
import { norm } from "../extract/text.js";
import { nameCandidates, known, nameKey } from "../extract/names.js";
import { SpellingGraph, scoped, baseKey, isFull } from "./spelling-graph.js";

/** What one meeting says about people: its list, its chairs, its speakers, nicknames it gives. */
export interface MeetingPeople {
  source: string;
  participants: { name: string; nick: string | null }[];
  moderators: string[];
  speakers: string[];
  /** Listed as absent: a spelling of someone, but no attendance. */
  absent?: string[];
  /** Other spellings the report uses for a listed person ("Mr. Gates", a handle). */
  mentions?: { name: string; alias: string }[];
  /** The group that met: a first name alone is read against the people of the same group. */
  group?: string | null;
}

/** A manual decision: merge two spellings into one person, or split a spelling off its person. */
export interface PersonDecision {
  kind: "merge" | "split";
  a: string;
  b: string;
}

import type { AliasEvidence } from "./spelling-graph.js";
export type { AliasEvidence } from "./spelling-graph.js";

/** One real person across meetings (the contract's Person, plus why each alias belongs). */
export interface ResolvedPerson {
  id: string;
  name: string;
  aliases: string[];
  meetings: string[];
  evidence: AliasEvidence[];
}

export { nameKey } from "../extract/names.js";
const phonetic = (w: string) => doubleMetaphone(w)[0];

/**
 * Resolves people across meetings, in small pure phases over one graph of spellings.
 * Spellings are joined when the evidence says so: the same folded spelling; a first name
 * alone beside one full name in the same list; a nickname or other spelling the text
 * gives ("Margaret Okafor (Peggy)", "Mr. Okafor", a handle); a slip of one letter or the
 * same sound in a first name or surname when the other part agrees; a first name alone
 * that only one person of the same group bears (with a lower confidence). One-word
 * spellings are never joined by spelling alone nor across groups, so two people who share
 * a first name stay apart.
 * Manual decisions are applied last and win.
 */
export function resolvePeople(
  meetings: MeetingPeople[],
  decisions: PersonDecision[] = [],
): ResolvedPerson[] {
  const plan = planDecisions(decisions);
  const g = new SpellingGraph(plan.detached);
  for (const m of meetings) joinWithinMeeting(g, m);
  joinNicknames(g);
  joinNearSpellings(g);
  joinFirstNamesInGroup(g, meetings);
  applyMerges(g, plan.merges);
  return namePeople(g);
}

/** Decisions in the order they were made: a later split undoes earlier merges of that spelling. */
export function planDecisions(decisions: readonly PersonDecision[]): {
  detached: Set<string>;
  merges: PersonDecision[];
} {
  const detached = new Set<string>();
  let merges: PersonDecision[] = [];
  for (const d of decisions) {
    if (d.kind === "split") {
      const k = nameKey(d.b);
      detached.add(k);
      merges = merges.filter((m) => nameKey(m.a) !== k && nameKey(m.b) !== k);
    } else {
      detached.delete(nameKey(d.a));
      detached.delete(nameKey(d.b));
      merges.push(d);
    }
  }
  return { detached, merges };
}

/** One meeting: its list, first names beside full names, its other spellings, absentees, chairs and speakers. */
function joinWithinMeeting(g: SpellingGraph, m: MeetingPeople): void {
  const listed = m.participants
    .map((p) => ({ ...p, key: g.see(p.name, m.source, true) }))
    .filter((p): p is typeof p & { key: string } => !!p.key);
  const lexicon = m.participants.map((p) => known(p.name, p.nick));
  for (const p of listed) if (p.nick) g.addNick(p.key, p.nick);
  for (const p of listed) {
    if (isFull(p.key)) continue;
    const full = [
      ...new Set(
        listed
          .filter((q) => isFull(q.key) && q.key.split(" ")[0] === baseKey(p.key))
          .map((q) => q.key),
      ),
    ];
    if (full.length === 1)
      g.join(full[0]!, p.key, `first name listed beside the full name in ${m.source}`, 0.9);
  }
  for (const x of m.mentions ?? []) {
    const to = listed.find((p) => p.name === x.name)?.key;
    const k = to ? g.see(x.alias, m.source, false) : null;
    if (to && k) g.join(to, k, `called "${x.alias}" in ${m.source}`, 0.9);
  }
  for (const a of m.absent ?? []) g.see(a, m.source, false, false);
  for (const other of [...m.moderators, ...m.speakers]) {
    const nick = /\((\p{Lu}\p{Ll}+)\)/u.exec(other)?.[1];
    const plain = other.replace(/\s*\([^)]*\)/, "");
    const k = g.see(plain, m.source, false);
    if (!k) continue;
    const hits = nameCandidates(plain, lexicon);
    if (hits.length === 1)
      g.join(
        scoped(nameKey(hits[0]!), m.source),
        k,
        `refers to ${hits[0]} in the list of ${m.source}`,
        0.85,
      );
    if (nick) g.addNick(k, nick);
  }
}

/** Across meetings: a nickname with the same surname ("Peggy Okafor" for "Margaret Okafor (Peggy)"). */
function joinNicknames(g: SpellingGraph): void {
  const { bySurname } = g.blocks();
  for (const [k, ns] of g.nicks) {
    const surname = k.split(" ").pop()!;
    for (const n of ns) {
      const nk = nameKey(n);
      for (const other of bySurname.get(surname) ?? [])
        if (other.split(" ")[0] === nk)
          g.join(k, other, `nickname "${n}" with the same surname`, 0.9);
    }
  }
}

const closeWord = (a: string, b: string) =>
  a === b ||
  (Math.min(a.length, b.length) >= 4 && distance(a, b) <= 1) ||
  (Math.min(a.length, b.length) >= 4 &&
    (a.startsWith(b) || b.startsWith(a)) &&
    Math.abs(a.length - b.length) <= 3) ||
  (phonetic(a) === phonetic(b) && distance(a, b) <= 2);

/** Across meetings: near spellings of one part when the other part agrees, blocked by name parts. */
function joinNearSpellings(g: SpellingGraph): void {
  const { bySurname, byFirst } = g.blocks();
  for (const group of bySurname.values()) {
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!.split(" "),
          b = group[j]!.split(" ");
        if (a[0] !== b[0] && closeWord(a[0]!, b[0]!))
          g.join(
            group[i]!,
            group[j]!,
            `first names "${a[0]}"/"${b[0]}" differ by a letter or sound or one shortens the other, same surname`,
            0.75,
          );
        else if (a[0] === b[0])
          g.join(group[i]!, group[j]!, "same first name and surname, other middle parts", 0.8);
      }
  }
  for (const group of byFirst.values()) {
    for (let i = 0; i < group.length; i++)
      for (let j = i + 1; j < group.length; j++) {
        const a = group[i]!,
          b = group[j]!;
        const sa = a.split(" ").slice(1).join(" "),
          sb = b.split(" ").slice(1).join(" ");
        if (
          sa.length >= 6 &&
          sb.length >= 6 &&
          (distance(sa, sb) <= 1 ||
            (phonetic(sa.replace(/ /g, "")) === phonetic(sb.replace(/ /g, "")) &&
              distance(sa, sb) <= 2))
        ) {
          g.join(
            a,
            b,
            `surnames "${sa}"/"${sb}" differ by a letter or sound, same first name`,
            0.75,
          );
        }
      }
  }
}

/**
 * Within a group: a first name used alone ("Anna" speaks, no Anna on that day's list) is
 * the one person of the group's meetings with that first name, when there is exactly one.
 * Never across groups, and never when two people of the group share the first name.
 */
function joinFirstNamesInGroup(g: SpellingGraph, meetings: readonly MeetingPeople[]): void {
  const groupOf = new Map(meetings.map((m) => [m.source, m.group ?? null]));
  const clusters = g.clusters();
  // each group's full-name people, by first name: first name -> group -> person roots
  const byFirst = new Map<string, Map<string, Set<string>>>();
  for (const members of clusters)
    for (const k of members) {
      if (!isFull(k)) continue;
      const first = k.split(" ")[0]!;
      for (const src of g.meetingsOf.get(k) ?? []) {
        const grp = groupOf.get(src);
        if (!grp) continue;
        const groups = byFirst.get(first) ?? byFirst.set(first, new Map()).get(first)!;
        (groups.get(grp) ?? groups.set(grp, new Set()).get(grp)!).add(g.rootOf(k));
      }
    }
  for (const members of clusters) {
    if (members.some(isFull)) continue;
    for (const k of members) {
      const src = [...(g.meetingsOf.get(k) ?? [])][0];
      const grp = src ? groupOf.get(src) : null;
      if (!grp) continue;
      const people = byFirst.get(baseKey(k))?.get(grp);
      if (people?.size !== 1) continue;
      const [root] = [...people];
      g.join(root!, k, `the only person named "${baseKey(k)}" in the meetings of ${grp}`, 0.6);
    }
  }
}

/** Manual merges win over everything above (a one-word spelling stands for each report's use of it). */
function applyMerges(g: SpellingGraph, merges: readonly PersonDecision[]): void {
  for (const d of merges) {
    const as = g.nodesOf(d.a),
      bs = g.nodesOf(d.b);
    for (const a of as)
      for (const b of bs) g.force(a, b, { alias: d.b, evidence: "merged by hand", confidence: 1 });
  }
}

/** Each cluster of spellings is a person: the fullest, most listed spelling names it; ids are stable slugs. */
function namePeople(g: SpellingGraph): ResolvedPerson[] {
  const people: ResolvedPerson[] = [];
  for (const members of g.clusters()) {
    const displays: { s: string; n: number; listed: number; key: string; seen: number }[] = [];
    for (const k of members)
      for (const [s, n] of g.spellings.get(k)!)
        displays.push({
          s,
          n,
          listed: g.listedWeight.get(k) ?? 0,
          key: k,
          seen: g.meetingsOf.has(k) ? 1 : 0,
        });
    // a spelling only absentee lists use is never the name shown
    displays.sort(
      (x, y) =>
        y.seen - x.seen ||
        y.s.split(/\s+/).length - x.s.split(/\s+/).length ||
        y.listed - x.listed ||
        y.n - x.n ||
        y.s.length - x.s.length ||
        (x.s < y.s ? -1 : 1),
    );
    const name = displays[0]!.s;
    const aliases = [...new Set(displays.map((d) => d.s).filter((s) => s !== name))];
    for (const k of members)
      for (const n of g.nicks.get(k) ?? []) if (n !== name && !aliases.includes(n)) aliases.push(n);
    const meetingsSet = new Set<string>();
    for (const k of members) for (const s of g.meetingsOf.get(k) ?? []) if (s) meetingsSet.add(s);
    if (!meetingsSet.size) continue;
    const nameK = nameKey(name);
    const keyOf = new Map(displays.map((d) => [d.s, d.key]));
    const ev = aliases.map((a) => {
      if (nameKey(a) === nameK)
        return {
          alias: a,
          evidence: "same name up to case, accents, titles or St/Saint",
          confidence: 0.95,
        };
      const e = g.evidence.get(keyOf.get(a) ?? "") ?? g.evidence.get(keyOf.get(name) ?? "");
      return e
        ? { ...e, alias: a }
        : { alias: a, evidence: "nickname given in the text", confidence: 0.85 };
    });
    people.push({ id: "", name, aliases, meetings: [...meetingsSet].sort(), evidence: ev });
  }
  people.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const used = new Set<string>();
  // where each slug's numbering goes on: thousands of one-word names ("Ana" in reports that
  // never say which Ana) each counting up from 2 made naming quadratic
  const next = new Map<string, number>();
  for (const p of people) {
    let id = slug(p.name) || createHash("sha1").update(p.name).digest("hex").slice(0, 8);
    for (let n = next.get(slug(p.name)) ?? 2; used.has(id); n++) {
      id = `${slug(p.name)}-${n}`;
      next.set(slug(p.name), n + 1);
    }
    used.add(id);
    p.id = id;
  }
  return people;
}

const slug = (s: string) => norm(s).replace(/\s+/g, "-");
