/**
 * A report-like vocabulary with realistic term statistics for the benchmarks: words drawn
 * by a Zipf law (the r-th most common word about 1/r^1.07 as often as the first), real
 * report words spread among invented ones, and themes — a few distinctive words each —
 * that a group discusses for a while and then drops.
 */
const REAL =
  "the group discussed proposal secretariat shared responsibilities timeline partners community work forward need clear noted members support process report plan review draft document input feedback session participants agreed important issues policy national regional global access development capacity stakeholders framework implementation budget survey training outreach consultation response communication annual meeting preparation strategy network digital data standards governance inclusion youth gender security privacy infrastructure connectivity research funding evaluation workshop mandate coordination priorities recommendations principles guidance cooperation dialogue public private sector civil society technical academic government experts themes outcomes reporting resources website mailing list calendar mentorship volunteers translation accessibility languages".split(
    " ",
  );
const SYL = [
  "ka",
  "lo",
  "mi",
  "ne",
  "ru",
  "ta",
  "vi",
  "so",
  "pe",
  "da",
  "zu",
  "fi",
  "ga",
  "ho",
  "be",
  "ri",
  "mu",
  "te",
];
const SIZE = 3000;

/** The vocabulary by rank, most common first (deterministic). */
export const VOCAB: readonly string[] = (() => {
  const out: string[] = [];
  let real = 0;
  for (let r = 0; r < SIZE; r++) {
    // real words at every rank band: the first ten, then one in seven, then one in forty
    const take = r < 10 || (r < 400 && r % 7 === 0) || r % 40 === 0;
    if (take && real < REAL.length) out.push(REAL[real++]!);
    else {
      let w = "",
        x = r * 7919 + 13;
      for (let k = 0; k < 3 + (r % 2); k++) {
        w += SYL[x % SYL.length];
        x = Math.floor(x / SYL.length) + k * 31;
      }
      out.push(out.includes(w) ? `${w}${SYL[r % SYL.length]}` : w);
    }
  }
  return out;
})();

const CUMULATIVE = (() => {
  const c: number[] = [];
  let t = 0;
  for (let r = 1; r <= SIZE; r++) c.push((t += 1 / r ** 1.07));
  return c.map((x) => x / t);
})();

/** A word drawn by the Zipf law, from a uniform draw `u` in [0, 1). */
export function zipfWord(u: number): string {
  let lo = 0,
    hi = SIZE - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (CUMULATIVE[mid]! < u) lo = mid + 1;
    else hi = mid;
  }
  return VOCAB[lo]!;
}

/** Eighty themes of three distinctive words each (taken from the rare end of the vocabulary). */
export const THEMES: readonly (readonly string[])[] = Array.from({ length: 80 }, (_, t) => [
  VOCAB[1200 + t * 3]!,
  VOCAB[1201 + t * 3]!,
  VOCAB[1202 + t * 3]!,
]);

/** The themes a group discusses in a period: three, changing every `period` reports. */
export function themesAt(i: number, groups: number, period = 240): (readonly string[])[] {
  const g = i % groups,
    w = Math.floor(i / period);
  return [
    THEMES[(w * 3 + g) % THEMES.length]!,
    THEMES[(w * 5 + g * 7 + 1) % THEMES.length]!,
    THEMES[(w * 11 + g * 13 + 2) % THEMES.length]!,
  ];
}
