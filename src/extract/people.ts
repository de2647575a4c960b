import type { Doc } from "./doc.js";
import { known, resolveName, NAME_RUN, type Known } from "./names.js";

/**
 * The report's lexicon of people: everyone on its list, with the nicknames, initials
 * and handles the report itself gives ("Margaret Okafor (Peggy)", "Matthew Brown (MB)
 * explained", "[DC] Daniel Collins", "<kimhd>"), so later mentions of them resolve.
 */
export function people(doc: Doc): Doc {
  const byName = new Map<string, Known>();
  for (const p of doc.participants ?? []) {
    const k = byName.get(p.name);
    if (!k) byName.set(p.name, known(p.name, p.nick, p.initials ? [p.initials] : []));
    else if (p.initials && !k.initials.includes(p.initials.toLowerCase())) k.initials.unshift(p.initials.toLowerCase());
  }
  const out = [...byName.values()];
  const text = doc.nodes.map((n) => n.text).join("\n");
  // "Name (Nick)" and "Name (AB)" in the text itself
  const re = new RegExp(String.raw`(${NAME_RUN.source})\s*\((\p{Lu}[\p{Ll}]{1,14}|\p{Lu}[\p{Lu}\p{Ll}]?\p{Lu}{0,3})\)`, "gu");
  for (const m of text.matchAll(re)) {
    const inside = m[m.length - 1]!;
    const who = resolveName(m[1]!, out);
    const k = who ? out.find((x) => x.name === who) : undefined;
    if (!k) continue;
    if (/^\p{Lu}[\p{Ll}]+$/u.test(inside)) {
      if (!k.nick && inside.toLowerCase() !== k.first) { k.nick = inside.toLowerCase(); k.nickDisplay = inside; }
    } else if (!k.initials.includes(inside.toLowerCase())) k.initials.unshift(inside.toLowerCase());
  }
  // IRC-style handles: "<kimhd> …" next to the person's own lines
  for (const m of text.matchAll(/<([a-z][\w-]{2,15})>/g)) {
    const h = m[1]!;
    const k = out.find((p) => h.startsWith(p.first.slice(0, 3)) && h.includes(p.last.slice(0, 1)) && p.first.length >= 3);
    if (k && !k.handles.includes(h)) k.handles.push(h);
  }
  return { ...doc, people: out };
}
