import type { Doc } from "./doc.js";
import { known, resolveName, NAME_RUN, HONORIFICS, type Known } from "./names.js";
import { norm } from "./text.js";

/**
 * The report's lexicon of people: everyone on its list, with the nicknames, initials
 * and handles the report itself gives ("Margaret Okafor (Peggy)", "Matthew Brown (MB)
 * explained", "[DC] Daniel Collins", "Jo Roe @jroe", "<kimhd>"), so later mentions of
 * them resolve; and the other spellings the text uses for them ("Mr. Gates"), which
 * the people index keeps as aliases.
 */
export function people(doc: Doc): Doc {
  const byName = new Map<string, Known>();
  for (const p of doc.participants ?? []) {
    const k =
      byName.get(p.name) ??
      byName.set(p.name, known(p.name, p.nick, p.initials ? [p.initials] : [])).get(p.name)!;
    if (p.initials && !k.initials.includes(p.initials.toLowerCase()))
      k.initials.unshift(p.initials.toLowerCase());
    for (const h of p.handles ?? [])
      if (!k.handles.includes(h.toLowerCase())) k.handles.push(h.toLowerCase());
  }
  const out = [...byName.values()];
  const text = doc.nodes.map((n) => n.text).join("\n");
  // "Name (Nick)" and "Name (AB)" in the text itself
  const re = new RegExp(
    String.raw`(${NAME_RUN.source})\s*\((\p{Lu}[\p{Ll}]{1,14}|\p{Lu}[\p{Lu}\p{Ll}]?\p{Lu}{0,3})\)`,
    "gu",
  );
  for (const m of text.matchAll(re)) {
    const inside = m[m.length - 1]!;
    const who = resolveName(m[1]!, out);
    const k = who ? out.find((x) => x.name === who) : undefined;
    if (!k) continue;
    if (/^\p{Lu}[\p{Ll}]+$/u.test(inside)) {
      if (!k.nick && inside.toLowerCase() !== k.first) {
        k.nick = inside.toLowerCase();
        k.nickDisplay = inside;
      }
    } else if (!k.initials.includes(inside.toLowerCase())) k.initials.unshift(inside.toLowerCase());
  }
  // handles written as IRC speakers ("<kimhd>"), in brackets ("(eholk)", "(*ehuss*)") or
  // with "@": a person's when it is built from one listed name only (first initial and
  // surname, first name and initials, ...)
  for (const m of text.matchAll(
    /<([a-z][\w-]{2,15})>|\(\*?([a-z][a-z0-9_-]{3,15})\*?\)|(?:^|\s)@([a-z][\w.-]{2,20})\b/gm,
  )) {
    const h = (m[1] ?? m[2] ?? m[3])!;
    const hits = out.filter((p) => handleForms(p).includes(h));
    if (hits.length === 1 && !hits[0]!.handles.includes(h)) hits[0]!.handles.push(h);
  }
  return { ...doc, people: out, mentions: mentionsOf(out, text) };
}

/** Handles a person's name may give: "eholk", "kimhd", "kimh", "erichuss", "eric.huss". */
function handleForms(p: Known): string[] {
  const parts = p.key
    .split(" ")
    .map((w) => w.replace(/[^a-z0-9]/g, ""))
    .filter(Boolean);
  if (parts.length < 2) return [];
  const first = parts[0]!,
    last = parts[parts.length - 1]!;
  return [
    first[0]! + last,
    first +
      parts
        .slice(1)
        .map((w) => w[0])
        .join(""),
    first + last,
    `${first}.${last}`,
    `${first}_${last}`,
    `${first}-${last}`,
  ];
}

const TITLE_WORD = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Cllr|Councillor)\.?`;

/** Spellings the text uses for a listed person besides the listed one. */
function mentionsOf(list: readonly Known[], text: string): { name: string; alias: string }[] {
  const out: { name: string; alias: string }[] = [];
  const add = (name: string, alias: string) => {
    if (norm(alias) !== norm(name) && !out.some((m) => m.name === name && m.alias === alias))
      out.push({ name, alias });
  };
  for (const k of list) for (const h of k.handles) add(k.name, h);
  // "Mr. Gates" for the only listed person of that surname
  for (const m of text.matchAll(
    new RegExp(String.raw`\b${TITLE_WORD}\s+(\p{Lu}[\p{L}'’-]+)`, "gu"),
  )) {
    const hits = list.filter((p) => p.last && p.last === norm(m[1]));
    if (hits.length === 1) add(hits[0]!.name, m[0]);
  }
  // "Nigel Doe" in the text for the listed "Professor Nigel Doe"
  for (const k of list) {
    const bare = k.name.replace(HONORIFICS, "").trim();
    if (bare === k.name || !bare.includes(" ")) continue;
    const esc = bare.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const seen = [
      ...text.matchAll(
        new RegExp(String.raw`(?<![\p{L}.])(${TITLE_WORD}\s+)*${esc}(?![\p{L}])`, "gu"),
      ),
    ];
    if (seen.some((m) => !m[1])) add(k.name, bare);
  }
  return out;
}
