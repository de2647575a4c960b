/** Numbers as reports write them: arabic, roman, ordinal words, "33nd"-style ordinals. */

const ROMAN: Record<string, number> = { i: 1, v: 5, x: 10, l: 50, c: 100, d: 500, m: 1000 };

/** "XIV" -> 14; null when the string is not a well-formed roman numeral. */
export function romanToInt(s: string): number | null {
  const t = s.toLowerCase();
  if (!/^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$/.test(t) || !t) return null;
  let total = 0;
  for (let i = 0; i < t.length; i++) {
    const v = ROMAN[t[i]!]!,
      next = ROMAN[t[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total;
}

const UNITS = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
  "thirteen",
  "fourteen",
  "fifteen",
  "sixteen",
  "seventeen",
  "eighteen",
  "nineteen",
];
const UNIT_ORD = [
  "zeroth",
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
  "eleventh",
  "twelfth",
  "thirteenth",
  "fourteenth",
  "fifteenth",
  "sixteenth",
  "seventeenth",
  "eighteenth",
  "nineteenth",
];
const TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
const TENS_ORD = [
  "",
  "",
  "twentieth",
  "thirtieth",
  "fortieth",
  "fiftieth",
  "sixtieth",
  "seventieth",
  "eightieth",
  "ninetieth",
];

/** "fourteenth" / "twenty-first" / "one hundred and second" -> number; null otherwise. */
export function wordsToInt(s: string): number | null {
  const words = s
    .toLowerCase()
    .replace(/-/g, " ")
    .split(/\s+/)
    .filter((w) => w && w !== "and");
  if (!words.length) return null;
  let total = 0,
    current = 0;
  for (const w of words) {
    let v = UNITS.indexOf(w);
    if (v < 0) v = UNIT_ORD.indexOf(w);
    if (v >= 0) {
      current += v;
      continue;
    }
    v = TENS.indexOf(w);
    if (v < 2) v = TENS_ORD.indexOf(w);
    if (v >= 2) {
      current += v * 10;
      continue;
    }
    if (w === "hundred" || w === "hundredth") {
      current = (current || 1) * 100;
      continue;
    }
    return null;
  }
  total += current;
  return total || null;
}

/** Any written number: "14", "14th", "33nd", "XIV", "fourteenth". */
export function parseNumber(s: string): number | null {
  const t = s.trim().replace(/[.,:;]$/, "");
  const digits = /^#?(\d{1,4})(?:st|nd|rd|th|d)?$/i.exec(t);
  if (digits) return Number(digits[1]);
  const roman = romanToInt(t);
  if (roman !== null && /^[IVXLCDM]+$/.test(t)) return roman;
  return wordsToInt(t);
}
