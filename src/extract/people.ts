import type { Doc } from "./doc.js";
import { known, resolveName, NAME_RUN, type Known } from "./names.js";

/**
 * The report's lexicon of people: everyone on its list, with nicknames the text itself
 * gives ("Margaret Okafor (Peggy)"), so later mentions of "Peggy" resolve.
 */
export function people(doc: Doc): Doc {
  const list = doc.participants ?? [];
  const byName = new Map<string, Known>();
  for (const p of list) if (!byName.has(p.name)) byName.set(p.name, known(p.name, p.nick));
  const out = [...byName.values()];
  const re = new RegExp(String.raw`(${NAME_RUN.source})\s*\((\p{Lu}\p{Ll}{1,14})\)`, "gu");
  for (const l of doc.lines) {
    if (!l.text.includes("(")) continue;
    for (const m of l.text.matchAll(re)) {
      const who = resolveName(m[1]!, out);
      const k = who ? out.find((x) => x.name === who) : undefined;
      if (k && !k.nick) { k.nick = m[m.length - 1]!.toLowerCase(); k.nickDisplay = m[m.length - 1]!; }
    }
  }
  return { ...doc, people: out };
}
