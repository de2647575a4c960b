import { createHash } from "node:crypto";
import { distance } from "fastest-levenshtein";
import { doubleMetaphone } from "double-metaphone";
import { norm } from "../extract/text.js";
import { nameCandidates, known, HONORIFICS } from "../extract/names.js";

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
}

/** A manual decision: merge two spellings into one person, or split a spelling off its person. */
export interface PersonDecision { kind: "merge" | "split"; a: string; b: string }

export interface AliasEvidence { alias: string; evidence: string; confidence: number }

/** One real person across meetings (the contract's Person, plus why each alias belongs). */
export interface ResolvedPerson {
  id: string;
  name: string;
  aliases: string[];
  meetings: string[];
  evidence: AliasEvidence[];
}

/**
 * Folds what differs between spellings of one name: case, accents, titles ("Prof.",
 * "Dr", "Sir"), "St"/"Saint", nicknames in ().
 */
export function nameKey(s: string): string {
  return norm(s.replace(/\([^)]*\)/g, " ").trim().replace(HONORIFICS, "")).replace(/\bst\b/g, "saint");
}

// A one-word spelling ("Carol", "Mr. Gates", "eholk") says who only inside its report: its
// node is the report's own, so two reports' "Carol" are never one person by spelling alone.
const scoped = (key: string, source: string) => (key.includes(" ") ? key : `${key}\u0000${source}`);
const baseKey = (key: string) => key.split("\u0000")[0]!;
const isFull = (key: string) => !key.includes("\u0000") && key.includes(" ");
// words that name a role, not a person: a speaker "Chair" is whoever chaired that day
const ROLE_WORD = /^(?:(?:co|vice) )?(?:chair|chairman|chairwoman|chairperson|moderator|host|facilitator|secretariat|secretary|clerk|all|everyone|members?|participants?|attendees?|panel|board|group|team|staff|officials?)$/;

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) { p = this.find(p); this.parent.set(x, p); }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

const phonetic = (w: string) => doubleMetaphone(w)[0];

/**
 * Resolves people across meetings. Spellings are joined when the evidence says so: the
 * same folded spelling; a first name alone beside one full name in the same list; a
 * nickname the text gives ("Margaret Okafor (Peggy)" then "Peggy Okafor"); a slip of one
 * letter or the same sound in a first name or surname when the other part agrees.
 * First names alone are never joined across meetings, so two people who share one stay
 * apart. Manual decisions are applied last and win.
 */
export function resolvePeople(meetings: MeetingPeople[], decisions: PersonDecision[] = []): ResolvedPerson[] {
  const uf = new UnionFind();
  const spellings = new Map<string, Map<string, number>>(); // key -> display spelling -> count
  const listedWeight = new Map<string, number>();
  const meetingsOf = new Map<string, Set<string>>();
  const evidence = new Map<string, AliasEvidence>(); // key -> why it joined
  const nicks = new Map<string, Set<string>>(); // key of full name -> nicknames
  // Decisions in the order they were made: a later split undoes earlier merges of that spelling.
  const detached = new Set<string>();
  let merges: PersonDecision[] = [];
  for (const d of decisions) {
    if (d.kind === "split") {
      const k = nameKey(d.b);
      detached.add(k);
      merges = merges.filter((m) => nameKey(m.a) !== k && nameKey(m.b) !== k);
    } else {
      detached.delete(nameKey(d.a)); detached.delete(nameKey(d.b));
      merges.push(d);
    }
  }
  const see = (display: string, source: string, listed: boolean, attended = true) => {
    const k0 = nameKey(display);
    if (!k0 || (!listed && ROLE_WORD.test(k0))) return null;
    const k = scoped(k0, source);
    const m = spellings.get(k) ?? new Map<string, number>();
    m.set(display, (m.get(display) ?? 0) + 1);
    spellings.set(k, m);
    if (listed) listedWeight.set(k, (listedWeight.get(k) ?? 0) + 1);
    if (attended) (meetingsOf.get(k) ?? meetingsOf.set(k, new Set()).get(k)!).add(source);
    uf.find(k);
    return k;
  };
  const join = (a: string, b: string, why: string, confidence: number) => {
    if (a === b || detached.has(baseKey(a)) || detached.has(baseKey(b))) return;
    if (uf.find(a) === uf.find(b)) return;
    uf.union(a, b);
    for (const k of [a, b]) if (!evidence.has(k)) evidence.set(k, { alias: k, evidence: why, confidence });
  };

  // Within each meeting: listed names, first names alone, chairs and speakers written differently.
  for (const m of meetings) {
    const listed = m.participants.map((p) => ({ ...p, key: see(p.name, m.source, true) })).filter((p) => p.key);
    const lexicon = m.participants.map((p) => known(p.name, p.nick));
    for (const p of listed) if (p.nick) (nicks.get(p.key!) ?? nicks.set(p.key!, new Set()).get(p.key!)!).add(p.nick);
    for (const p of listed) {
      if (isFull(p.key!)) continue;
      const full = [...new Set(listed.filter((q) => isFull(q.key!) && q.key!.split(" ")[0] === baseKey(p.key!)).map((q) => q.key!))];
      if (full.length === 1) join(full[0]!, p.key!, `first name listed beside the full name in ${m.source}`, 0.9);
    }
    // the report's own other spellings of a listed person, and its absentees
    for (const x of m.mentions ?? []) {
      const to = listed.find((p) => p.name === x.name)?.key;
      const k = to ? see(x.alias, m.source, false) : null;
      if (to && k) join(to, k, `called "${x.alias}" in ${m.source}`, 0.9);
    }
    for (const a of m.absent ?? []) see(a, m.source, false, false);
    for (const other of [...m.moderators, ...m.speakers]) {
      const nick = /\((\p{Lu}\p{Ll}+)\)/u.exec(other)?.[1];
      const k = see(other.replace(/\s*\([^)]*\)/, ""), m.source, false);
      if (!k) continue;
      const hits = nameCandidates(other.replace(/\s*\([^)]*\)/, ""), lexicon);
      if (hits.length === 1) join(scoped(nameKey(hits[0]!), m.source), k, `refers to ${hits[0]} in the list of ${m.source}`, 0.85);
      if (nick) (nicks.get(k) ?? nicks.set(k, new Set()).get(k)!).add(nick);
    }
  }

  // Across meetings: nicknames with the surname, and near spellings, blocked by name parts.
  const keys = [...spellings.keys()].filter(isFull);
  const bySurname = new Map<string, string[]>(), byFirst = new Map<string, string[]>();
  for (const k of keys) {
    const parts = k.split(" ");
    (bySurname.get(parts[parts.length - 1]!) ?? bySurname.set(parts[parts.length - 1]!, []).get(parts[parts.length - 1]!)!).push(k);
    (byFirst.get(parts[0]!) ?? byFirst.set(parts[0]!, []).get(parts[0]!)!).push(k);
  }
  for (const [k, ns] of nicks) {
    const surname = k.split(" ").pop()!;
    for (const n of ns) {
      const nk = nameKey(n);
      for (const other of bySurname.get(surname) ?? []) if (other.split(" ")[0] === nk) join(k, other, `nickname "${n}" with the same surname`, 0.9);
    }
  }
  const closeWord = (a: string, b: string) =>
    a === b || (Math.min(a.length, b.length) >= 4 && distance(a, b) <= 1) || (Math.min(a.length, b.length) >= 4 && (a.startsWith(b) || b.startsWith(a)) && Math.abs(a.length - b.length) <= 3) || (phonetic(a) === phonetic(b) && distance(a, b) <= 2);
  for (const group of bySurname.values()) {
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) {
      const a = group[i]!.split(" "), b = group[j]!.split(" ");
      if (a[0] !== b[0] && closeWord(a[0]!, b[0]!)) join(group[i]!, group[j]!, `first names "${a[0]}"/"${b[0]}" differ by a letter or sound or one shortens the other, same surname`, 0.75);
      else if (a[0] === b[0]) join(group[i]!, group[j]!, "same first name and surname, other middle parts", 0.8);
    }
  }
  for (const group of byFirst.values()) {
    for (let i = 0; i < group.length; i++) for (let j = i + 1; j < group.length; j++) {
      const a = group[i]!, b = group[j]!;
      const sa = a.split(" ").slice(1).join(" "), sb = b.split(" ").slice(1).join(" ");
      if (sa.length >= 6 && sb.length >= 6 && (distance(sa, sb) <= 1 || (phonetic(sa.replace(/ /g, "")) === phonetic(sb.replace(/ /g, "")) && distance(sa, sb) <= 2))) {
        join(a, b, `surnames "${sa}"/"${sb}" differ by a letter or sound, same first name`, 0.75);
      }
    }
  }
  // Manual decisions win over everything above.
  // (a one-word spelling stands for each report's use of it)
  const nodesOf = (name: string) => {
    const k = nameKey(name);
    const all = isFull(k) ? [] : [...spellings.keys()].filter((x) => !isFull(x) && baseKey(x) === k);
    return all.length ? all : [see(name, "", false, false)].filter((x): x is string => !!x);
  };
  for (const d of merges) {
    const as = nodesOf(d.a), bs = nodesOf(d.b);
    for (const a of as) for (const b of bs) { uf.union(a, b); evidence.set(b, { alias: d.b, evidence: "merged by hand", confidence: 1 }); }
  }

  const clusters = new Map<string, string[]>();
  for (const k of spellings.keys()) (clusters.get(uf.find(k)) ?? clusters.set(uf.find(k), []).get(uf.find(k))!).push(k);
  const people: ResolvedPerson[] = [];
  for (const members of clusters.values()) {
    const displays: { s: string; n: number; listed: number; key: string; seen: number }[] = [];
    for (const k of members) for (const [s, n] of spellings.get(k)!) displays.push({ s, n, listed: listedWeight.get(k) ?? 0, key: k, seen: meetingsOf.has(k) ? 1 : 0 });
    // a spelling only absentee lists use is never the name shown
    displays.sort((x, y) => y.seen - x.seen || y.s.split(/\s+/).length - x.s.split(/\s+/).length || y.listed - x.listed || y.n - x.n || y.s.length - x.s.length || (x.s < y.s ? -1 : 1));
    const name = displays[0]!.s;
    const aliases = [...new Set(displays.map((d) => d.s).filter((s) => s !== name))];
    for (const k of members) for (const n of nicks.get(k) ?? []) if (n !== name && !aliases.includes(n)) aliases.push(n);
    const meetingsSet = new Set<string>();
    for (const k of members) for (const s of meetingsOf.get(k) ?? []) if (s) meetingsSet.add(s);
    if (!meetingsSet.size) continue;
    const nameK = nameKey(name);
    const keyOf = new Map(displays.map((d) => [d.s, d.key]));
    const ev = aliases.map((a) => {
      if (nameKey(a) === nameK) return { alias: a, evidence: "same name up to case, accents, titles or St/Saint", confidence: 0.95 };
      const e = evidence.get(keyOf.get(a) ?? "") ?? evidence.get(keyOf.get(name) ?? "");
      return e ? { ...e, alias: a } : { alias: a, evidence: "nickname given in the text", confidence: 0.85 };
    });
    people.push({ id: "", name, aliases, meetings: [...meetingsSet].sort(), evidence: ev });
  }
  people.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const used = new Set<string>();
  for (const p of people) {
    let id = slug(p.name) || createHash("sha1").update(p.name).digest("hex").slice(0, 8);
    for (let n = 2; used.has(id); n++) id = `${slug(p.name)}-${n}`;
    used.add(id);
    p.id = id;
  }
  return people;
}

const slug = (s: string) => norm(s).replace(/\s+/g, "-");
