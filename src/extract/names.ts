import { distance } from "fastest-levenshtein";
import { norm } from "./text.js";

/** Lower-case particles that may sit inside a personal name ("Wout de Natris"). */
const PARTICLES =
  "de|da|do|dos|das|van|von|der|den|del|della|di|du|le|la|al|el|bin|ben|ibn|y|zu|ter|ten";
const CAP = String.raw`(?:St\.|\p{Lu}\.(?=\s\p{Lu}\p{Ll})|[\p{Lu}][\p{L}\p{M}'’-]*|(?:dell|d|l|O)['’][\p{Lu}][\p{L}\p{M}'’-]*)`;

/** Capitalised word runs that may be names, allowing particles ("Piero dell'Orto"). */
export const NAME_RUN = new RegExp(
  String.raw`(?<![\p{L}\p{M}'’.])${CAP}(?:\s+(?:(?:${PARTICLES})\s+)*${CAP})*`,
  "gu",
);

/** Words that are capitalised in reports but are not (parts of) personal names. */
export const NOT_NAME = new Set(
  `the a an and or but if in on at of for to from by with as this that these those it its there here he she they we i you
   his her their our my your one all some many several most each both other others another also however finally then
   moreover furthermore further additionally meanwhile nothing everyone everybody someone somebody anyone nobody
   participants participant members member chair chairs co-chair cochair vice-chair moderator moderators host hosts rapporteur
   secretariat secretary group groups meeting meetings committee panel board office council forum commission union bank
   summit project initiative network coalition track programme program assembly team agency department organisation organization
   university institute foundation association society centre center government ministry minister mission embassy delegation
   envoy leadership youth internet digital policy question questions answer note notes statement report link links agenda
   action actions item items update updates next previous last first second third discussion session sessions working
   mr mrs ms dr prof sir madam ambassador president director excellency un unesco dear thanks thank please regarding
   january february march april may june july august september october november december
   monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
   north south east west african european asian american global international national regional local public private
   new old after before during while when where why how what which who whom whose since until although though so yes no not
   according following based given considering regarding concerning`.split(/\s+/),
);

/** True when a single capitalised word cannot be a personal name. */
export function isNonNameWord(word: string, lowercaseWords?: ReadonlySet<string>): boolean {
  const w = word.replace(/['’]s$/, "");
  const lower = w.toLowerCase();
  if (NOT_NAME.has(lower)) return true;
  if (w.length > 1 && (w === w.toUpperCase() || /^\p{Lu}{2,}s$/u.test(w))) return true; // acronyms: ITU, UNESCO, NGOs
  if (/\d/.test(w)) return true;
  return !!lowercaseWords?.has(lower);
}

/**
 * One known person of a report: the listed spelling and the forms that may refer to it
 * (first name, surname, a nickname the report gives, initials the list or the text
 * gives, a handle).
 */
export interface Known {
  name: string;
  key: string;
  first: string;
  last: string;
  nick: string | null;
  nickDisplay?: string;
  initials: string[];
  handles: string[];
}

/** Titles written before a name, never part of matching it ("Professor Sir Nigel Doe", "Mr. Gates"). */
export const HONORIFICS =
  /^(?:(?:professor|prof|dr|sir|dame|lord|lady|baroness|baron|cllr|councillor|mr|mrs|ms|mx|rev|hon|amb|ambassador|judge|justice)\.?\s+)+/i;

/** Splits a listed name into its first and last word (particles stay with the surname). */
export function known(
  name: string,
  nick: string | null = null,
  initials: readonly string[] = [],
): Known {
  const parts = norm(name.replace(HONORIFICS, "")).split(" ").filter(Boolean);
  const auto =
    parts.length >= 2
      ? [parts.map((p) => p[0]).join(""), parts[0]![0]! + parts[parts.length - 1]![0]!]
      : [];
  return {
    name,
    key: parts.join(" "),
    first: parts[0] ?? "",
    last: parts.length > 1 ? parts[parts.length - 1]! : "",
    nick: nick ? norm(nick) : null,
    ...(nick ? { nickDisplay: nick } : {}),
    initials: [...new Set([...initials.map((i) => i.toLowerCase()), ...auto])],
    handles: [],
  };
}

/**
 * Finds which listed person a mention refers to: the exact name, a nickname the report
 * gives, a unique first name or surname, or a close spelling ("Justin Fair" for
 * "Justine Fairweather", "Okafour" for "Okafor"). Null when nobody or several match.
 */
export function resolveName(mention: string, people: readonly Known[]): string | null {
  const names = nameCandidates(mention, people);
  return names.length === 1 ? names[0]! : null;
}

/** Every listed person a mention may refer to, by the first rule that finds any. */
export function nameCandidates(mention: string, people: readonly Known[]): string[] {
  const m = norm(mention.replace(HONORIFICS, ""));
  if (!m) return [];
  const exact = people.find((p) => p.key === m || norm(p.name) === norm(mention));
  if (exact) return [exact.name];
  // initials ("APP", "KO") and handles ("kimhd", "@ehuss") the report ties to a listed person
  const compact = mention.replace(/^[@(<[]+|[)>\]:]+$/g, "").trim();
  if (
    /^[\p{Lu}][\p{Lu}\p{Ll}]{1,4}$/u.test(compact) &&
    compact.length <= 5 &&
    /\p{Lu}.*\p{Lu}/u.test(compact)
  ) {
    const byInitials = people.filter((p) => p.initials.includes(compact.toLowerCase()));
    // initials the list gives win over initials read off the names
    const given = byInitials.filter((p) => p.initials[0] === compact.toLowerCase());
    if (given.length === 1) return [given[0]!.name];
    if (byInitials.length === 1) return [byInitials[0]!.name];
    if (byInitials.length > 1) return [];
  }
  const handle = people.filter((p) => p.handles.includes(compact.toLowerCase()));
  if (handle.length === 1) return [handle[0]!.name];
  const words = m.split(" ");
  const names = (hits: Known[]) => [...new Set(hits.map((h) => h.name))];
  const firstHit = (...rules: (() => Known[])[]) => {
    for (const rule of rules) {
      const hits = rule();
      if (hits.length) return names(hits);
    }
    return [];
  };
  if (words.length === 1) {
    const w = words[0]!;
    return firstHit(
      () => people.filter((p) => p.first === w),
      () => people.filter((p) => p.nick === w),
      () => people.filter((p) => p.last === w),
      () =>
        w.length >= 5
          ? people.filter((p) => p.first.length >= 5 && distance(p.first, w) === 1)
          : [],
    );
  }
  const first = words[0]!,
    last = words[words.length - 1]!;
  return firstHit(
    () =>
      people.filter(
        (p) =>
          p.last &&
          (p.last === last || (last.length >= 6 && distance(p.last, last) <= 1)) &&
          (p.first === first || p.nick === first || closeFirst(p.first, first)),
      ),
    () =>
      people.filter(
        (p) =>
          p.key.length >= 8 &&
          Math.abs(p.key.length - m.length) <= 2 &&
          distance(p.key, m) <= (p.key.length >= 14 ? 2 : 1),
      ),
  );
}

// "Justin"/"Justine", "Marta"/"Martta": one edit, or one a prefix of the other.
function closeFirst(a: string, b: string): boolean {
  if (a.length < 3 || b.length < 3) return false;
  return (
    distance(a, b) <= 1 ||
    ((a.startsWith(b) || b.startsWith(a)) && Math.min(a.length, b.length) >= 4)
  );
}

/** Removes a trailing parenthesised nickname: "Margaret Okafor (Peggy)" -> name + nick. */
export function splitNickname(s: string): { name: string; nick: string | null } {
  const m = /^(.*?)\s*\(([\p{Lu}][\p{Ll}\p{M}'’-]{1,15})\)\s*$/u.exec(s.trim());
  return m ? { name: m[1]!.trim(), nick: m[2]! } : { name: s.trim(), nick: null };
}

/**
 * Folds what differs between spellings of one name: case, accents, titles ("Prof.",
 * "Dr", "Sir"), "St"/"Saint", nicknames in (). Two spellings with one key are one person
 * for the linter (a duplicate in a list) and for the people index alike.
 */
export function nameKey(s: string): string {
  return norm(
    s
      .replace(/\([^)]*\)/g, " ")
      .trim()
      .replace(HONORIFICS, ""),
  ).replace(/\bst\b/g, "saint");
}
