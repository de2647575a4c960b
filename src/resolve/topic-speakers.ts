/** A statement as the store keeps it: who spoke, on which source lines. */
export interface SpokenLines {
  speaker: string;
  line: number;
  endLine: number;
}

/**
 * A matcher for a topic's words in text: each form (the term, its acronym, its expansion)
 * as a whole word or phrase, any case, a plural allowed; symbols kept ("Plan+10", "C++").
 */
export function termMatcher(forms: readonly string[]): (text: string) => boolean {
  const esc = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const parts = forms
    .map((f) => f.trim())
    .filter(Boolean)
    .map((f) => esc(f).replace(/\s+/g, "\\s+"));
  if (!parts.length) return () => false;
  const re = new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${parts.join("|")})(?:s|es)?(?![\\p{L}\\p{N}])`,
    "iu",
  );
  return (text) => re.test(text);
}

/**
 * Who spoke on a topic in one section. When the section's title names the topic, the whole
 * section is on it and each of its speakers counts. Otherwise only the paragraphs that
 * mention it do: a speaker counts when one of their statements falls in such a paragraph,
 * not for having spoken on another item of the same section. `lines` is the report's
 * text (line 1 first); a paragraph is a run of non-blank lines up to one that ends a
 * sentence (reports written a paragraph a line give one line each).
 */
export function speakersOnTopic(
  lines: readonly string[],
  section: { title: string; line: number | null; endLine: number | null; speakers: string[] },
  statements: readonly SpokenLines[],
  mentions: (text: string) => boolean,
): string[] {
  if (mentions(section.title) || section.line === null || section.endLine === null)
    return section.speakers;
  const on = new Set<string>();
  let from = section.line;
  const flush = (to: number) => {
    if (to < from) return;
    if (mentions(lines.slice(from - 1, to).join(" ")))
      for (const s of statements) if (s.line <= to && s.endLine >= from) on.add(s.speaker);
  };
  for (let l = section.line; l <= section.endLine; l++) {
    const text = lines[l - 1]?.trim() ?? "";
    if (!text) {
      flush(l - 1);
      from = l + 1;
    } else if (/[.!?:)]["”’]?$/.test(text)) {
      // a line that ends a sentence ends its paragraph in reports written a paragraph a line
      flush(l);
      from = l + 1;
    }
  }
  flush(section.endLine);
  return section.speakers.filter((s) => on.has(s));
}
