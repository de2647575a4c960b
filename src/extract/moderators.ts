import type { Doc } from "./doc.js";
import { NAME_RUN, splitNickname, isNonNameWord } from "./names.js";

const BY = /\b(?:(?:co-?)?hosted|moderated|(?:co-?)?chaired|facilitated|convened|presided(?: over)?|called to order|opened|led)(?:\s*(?:and|&|,)\s*(?:(?:co-?)?hosted|moderated|(?:co-?)?chaired|facilitated|opened|led))*\s+by\s+(.+)/i;
const TITLE = /^(?:(?:the|its|our|their)\s+)?(?:[\p{L}'’-]+['’]s?\s+)?(?:(?:co-?|vice-?)?(?:chair|chairperson|chairman|chairwoman|moderator|host|president|convenor|convener|facilitator|coordinator|lead|rapporteur)s?|secretariat|dr\.?|mr\.?|mrs\.?|ms\.?|prof\.?)(?![\p{L}-])[,:]?\s+/iu;
const LABEL = /^(?:chairs?|co-?chairs?|chaired by|chairperson|moderators?|moderated by|hosts?|hosted by|facilitators?|presiding|in the chair)\s*:\s*(.+)$/i;
const NAMED_FIRST = new RegExp(String.raw`(${NAME_RUN.source})\s+(?:chaired|moderated|hosted|facilitated)\s+the\s+(?:meeting|session|call)`, "u");

/** Who hosted, moderated or chaired, as the intro or a "Chair:" line names them. */
export function moderators(doc: Doc): Doc {
  const { header, agenda, discussion } = doc.outline!;
  const end = Math.max(header.to, agenda ? agenda.from - 1 : 0, discussion ? Math.min(discussion.from, header.to + 40) : header.to);
  const found: { name: string; line: number }[] = [];
  for (const l of doc.lines.slice(0, end)) {
    const labelled = LABEL.exec(l.text);
    if (labelled) {
      for (const raw of labelled[1]!.split(/\s*(?:,|;|\band\b|&)\s*/)) {
        const part = raw.replace(/^[\p{L} -]{2,20}:\s*/u, "");
        const n = splitNickname(part.replace(/\s*\([^)]*\)\s*$/, (m) => (/^\s*\(\p{Lu}\p{Ll}+\)\s*$/u.test(m) ? m : ""))).name;
        if (n && /^\p{Lu}/u.test(n)) found.push({ name: n, line: l.n });
      }
      continue;
    }
    const by = BY.exec(l.text);
    if (by) {
      for (const name of namesAfterBy(by[1]!)) found.push({ name, line: l.n });
      continue;
    }
    const first = NAMED_FIRST.exec(l.text);
    if (first) found.push({ name: first[1]!, line: l.n });
  }
  const seen = new Set<string>();
  return { ...doc, moderators: found.filter((f) => !seen.has(f.name) && seen.add(f.name)) };
}

// "the Group's co-chair Ada Lovel with the support of …" -> ["Ada Lovel"];
// "Anna Berg and Tom Li." -> both.
function namesAfterBy(rest: string): string[] {
  let t = rest;
  for (let i = 0; i < 3 && TITLE.test(t); i++) t = t.replace(TITLE, "");
  const out: string[] = [];
  while (t) {
    const m = new RegExp(`^(${NAME_RUN.source})(\\s*\\(\\p{Lu}\\p{Ll}+\\))?`, "u").exec(t);
    if (!m) break;
    const words = m[1]!.split(/\s+/);
    if (words.every((w) => isNonNameWord(w))) break;
    out.push(splitNickname(m[0]).name);
    t = t.slice(m[0].length);
    const and = /^\s*(?:,\s*(?:(?:and|&)\s+)?|(?:and|&)\s+)(?:the\s+)?(?:(?:co-?)?chair\s+)?/i.exec(t);
    if (!and) break;
    t = t.slice(and[0].length);
  }
  return out;
}
