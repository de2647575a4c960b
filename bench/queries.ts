import { THEMES, VOCAB } from "./vocabulary.js";

/**
 * The query set, from the generated vocabulary: words in most sections, middling and rare
 * ones, two words, a theme's phrase, OR, exclusion, a prefix, a word that is nowhere.
 */
export const QUERIES = [
  "group",
  VOCAB[3]!,
  VOCAB[150]!,
  VOCAB[2500]!,
  "secretariat proposal",
  `${VOCAB[5]} ${VOCAB[40]}`,
  `"${THEMES[0]![0]} ${THEMES[0]![1]}"`,
  `"shared responsibilities"`,
  `${VOCAB[300]} OR ${VOCAB[700]}`,
  `${VOCAB[60]} -${VOCAB[2]}`,
  `${VOCAB[20]!.slice(0, 4)}*`,
  "budget",
  "zorblax",
];
