/** The stakeholder groups an affiliation can fall into. */
export const STAKEHOLDER_GROUPS = [
  "Government",
  "Intergovernmental organisation",
  "Private sector",
  "Civil society",
  "Technical community",
  "Academia",
  "Secretariat/UN",
  "Independent",
] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];

/** One rule: an affiliation matching `pattern` (case-insensitive) belongs to `group`. */
export interface StakeholderRule {
  pattern: string;
  group: StakeholderGroup;
}

/**
 * The built-in rules, checked in order; the first match wins. Users put their own rules
 * (checked before these) in rapporteur.config.json under "stakeholderRules".
 */
export const DEFAULT_RULES: readonly StakeholderRule[] = [
  {
    pattern: String.raw`\bsecretariat\b|\bUN ?DESA\b|\boffice of the (?:secretary[- ]general|envoy)\b|\bunited nations\b.*\b(?:office|department)\b`,
    group: "Secretariat/UN",
  },
  {
    pattern: String.raw`\b(?:european commission|european union|council of europe|itu|unesco|oecd|wipo|unctad|undp|unicef|world bank|african union|asean|commonwealth|intergovernmental)\b`,
    group: "Intergovernmental organisation",
  },
  {
    pattern: String.raw`\b(?:government|ministry|minister|ministerio|ministère|embassy|permanent mission|parliament|regulator|regulatory authority|federal office|department of|state secretariat|national (?:agency|authority))\b`,
    group: "Government",
  },
  {
    pattern: String.raw`\b(?:icann|ietf|w3c|iab|isoc|internet society|ripe ncc|apnic|arin|lacnic|afrinic|registry|registrar|nic\.|\.br\b|network operators?|technical community|cert\b|csirt)\b`,
    group: "Technical community",
  },
  {
    pattern: String.raw`\b(?:universit\w*|universidad|université|college|school of|academy|academic|institute of technology|research (?:centre|center|institute))\b`,
    group: "Academia",
  },
  {
    pattern: String.raw`\b(?:inc|ltd|llc|gmbh|plc|s\.a\.|corp(?:oration)?|company|chamber of commerce|business|industry|telecom\w*|consulting)\b`,
    group: "Private sector",
  },
  {
    pattern: String.raw`\b(?:foundation|ngo|association|society|coalition|civil society|youth|rights|network|alliance|trust|caucus|forum|collective|council)\b`,
    group: "Civil society",
  },
  { pattern: String.raw`\bindependent\b`, group: "Independent" },
];

/** Compiles rules once: user rules first, then the built-in ones. */
export function stakeholderClassifier(
  userRules: readonly StakeholderRule[] = [],
): (affiliation: string | null) => StakeholderGroup | null {
  const compiled = [...userRules, ...DEFAULT_RULES].map((r) => ({
    re: new RegExp(r.pattern, "i"),
    group: r.group,
  }));
  return (affiliation) => {
    if (!affiliation) return null;
    return compiled.find((r) => r.re.test(affiliation))?.group ?? null;
  };
}
