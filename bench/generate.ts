/**
 * Generates realistic fictional summary reports (~10 KB, ~9 sections) for benchmarks:
 * varied groups, header styles, agendas, speakers, actions and participant lists; the
 * discussion's words follow a Zipf law, with themes that come and go (vocabulary.ts).
 */
import { themesAt, zipfWord } from "./vocabulary.js";

const FIRST = [
  "Ana",
  "Bo",
  "Chiara",
  "Dmitri",
  "Efua",
  "Farid",
  "Greta",
  "Hiro",
  "Ines",
  "Jamal",
  "Kaja",
  "Luis",
  "Mei",
  "Nadia",
  "Omar",
  "Priya",
  "Quentin",
  "Rosa",
  "Sami",
  "Tomas",
  "Uma",
  "Viktor",
  "Wen",
  "Ximena",
  "Yusuf",
  "Zara",
];
const LAST = [
  "Abara",
  "Berglund",
  "Castillo",
  "Dlamini",
  "Eriksen",
  "Fontaine",
  "Gupta",
  "Haddad",
  "Ivanova",
  "Jensen",
  "Kowalczyk",
  "Lindqvist",
  "Mensah",
  "Novak",
  "Okafor",
  "Petrov",
  "Quispe",
  "Rahman",
  "Silva",
  "Tanaka",
  "Uddin",
  "Varga",
  "Wójcik",
  "Xu",
  "Yilmaz",
  "Zeller",
];
const ORGS = [
  "Ministry of Digital Affairs",
  "Open Net Foundation",
  "University of Lakeside",
  "Civic Code Lab",
  "Regional Registry",
  "Telecom Union",
  "Youth Digital Network",
  "Independent expert",
  "Data Rights Institute",
  "Secretariat",
];
const GROUPS = [
  "Working Group on Data Stewardship",
  "Steering Board on Open Standards",
  "Policy Network on Connectivity",
  "Advisory Council on Digital Skills",
  "Caucus on Online Safety",
  "Committee on Accessible Services",
];
const TOPICS = [
  "Budget review",
  "Outreach plan",
  "Work plan for the year",
  "Report of the secretariat",
  "Consultation response",
  "Training programme",
  "Survey results",
  "Annual meeting preparation",
  "Membership renewal",
  "Communications strategy",
  "Any other business",
];
const VERBS = [
  "said",
  "noted",
  "added",
  "suggested",
  "asked",
  "explained",
  "stressed",
  "recalled",
  "replied",
  "highlighted",
];
/** A small seeded random generator, so every run benchmarks the same reports. */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** Report number `i` (deterministic). */
export function generateReport(i: number): { name: string; text: string } {
  const r = rng(i + 1);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const group = GROUPS[i % GROUPS.length]!;
  const number = Math.floor(i / GROUPS.length) + 1;
  const year = 2020 + (Math.floor(i / 40) % 6);
  const month = Math.floor(r() * 12),
    day = 1 + Math.floor(r() * 27),
    hour = 9 + Math.floor(r() * 8);
  const people = Array.from(
    { length: 18 + Math.floor(r() * 12) },
    () => `${pick(FIRST)} ${pick(LAST)}`,
  ).filter((p, k, a) => a.indexOf(p) === k);
  const topics = [...TOPICS]
    .sort(() => r() - 0.5)
    .slice(0, 8)
    .filter((t) => t !== "Any other business");
  topics.push("Any other business");
  const out: string[] = [];
  out.push(
    group,
    "",
    `Online Meeting ${number}`,
    `${day} ${MONTHS[month]} ${year} at ${hour}:00 UTC`,
    "",
    "Summary Report",
    "",
  );
  out.push(
    `The ${number}th meeting of the ${group} was held on ${day} ${MONTHS[month]} ${year} at ${hour}:00 UTC. The meeting was moderated by ${people[0]}. The list of participants is annexed to this report.`,
    "",
  );
  out.push("Agenda", "", ...topics.map((t, k) => `${k + 1}. ${t}`), "");
  const themes = themesAt(i, GROUPS.length);
  // a clause of Zipf-drawn words; now and then two words of a current theme, in a row
  const clause = (n: number) => {
    const ws: string[] = [];
    while (ws.length < n) {
      if (r() < 0.06) {
        const th = pick(themes);
        const k = Math.floor(r() * th.length);
        ws.push(th[k]!, th[(k + 1) % th.length]!);
      } else ws.push(zipfWord(r()));
    }
    return ws.join(" ");
  };
  topics.forEach((t, k) => {
    out.push(`${k + 1}. ${t}`, "");
    for (let p = 0; p < 2; p++) {
      const a = pick(people),
        b = pick(people);
      out.push(
        `${a} ${pick(VERBS)} that ${clause(34)}. ${b.split(" ")[0]} ${pick(VERBS)} that the ${t.toLowerCase()} should be revisited, and ${clause(30)}.`,
        "",
      );
    }
    if (r() < 0.3)
      out.push(
        `It was agreed that ${pick(people)} will circulate a note on the ${t.toLowerCase()} by ${1 + Math.floor(r() * 27)} ${MONTHS[(month + 1) % 12]}.`,
        "",
      );
    if (r() < 0.2)
      out.push(
        `Further reading: https://example.org/${group.split(" ")[0]!.toLowerCase()}/${number}/${k}`,
        "",
      );
  });
  out.push(
    `Next meeting: ${1 + Math.floor(r() * 27)} ${MONTHS[(month + 1) % 12]} ${year + (month === 11 ? 1 : 0)} at ${hour}:00 UTC`,
    "",
    "Annex 1:",
    "",
    "List of participants",
    "",
  );
  people.forEach((p, k) =>
    out.push(`${k + 1}. ${p}, ${pick(ORGS)}${r() < 0.2 ? ", MAG Member" : ""}`),
  );
  return { name: `report-${String(i).padStart(5, "0")}.txt`, text: out.join("\n") + "\n" };
}
