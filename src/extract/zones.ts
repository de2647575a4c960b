/**
 * Time zones as reports name them, resolved through the IANA database that Intl
 * carries (so each date gets its own daylight-saving rule): "UTC", "GMT+1", "4:00pm
 * Eastern Time", "16:00 CET", "9AM Pacific", "(Europe/London)", "Brussels time". A
 * city that is not an IANA zone ("Lausanne time") is left unconverted.
 */
export type Zone = { kind: "offset"; minutes: number } | { kind: "iana"; id: string };

// Names and abbreviations to IANA ids (not to offsets: the rule of the date decides).
const NAMES: Record<string, string> = {
  eastern: "America/New_York",
  et: "America/New_York",
  est: "America/New_York",
  edt: "America/New_York",
  central: "America/Chicago",
  ct: "America/Chicago",
  cst: "America/Chicago",
  cdt: "America/Chicago",
  mountain: "America/Denver",
  mt: "America/Denver",
  mst: "America/Denver",
  mdt: "America/Denver",
  pacific: "America/Los_Angeles",
  pt: "America/Los_Angeles",
  pst: "America/Los_Angeles",
  pdt: "America/Los_Angeles",
  cet: "Europe/Berlin",
  cest: "Europe/Berlin",
  "central european": "Europe/Berlin",
  "central europe": "Europe/Berlin",
  eet: "Europe/Athens",
  eest: "Europe/Athens",
  "eastern european": "Europe/Athens",
  wet: "Europe/Lisbon",
  west: "Europe/Lisbon",
  "western european": "Europe/Lisbon",
  bst: "Europe/London",
  british: "Europe/London",
  uk: "Europe/London",
  london: "Europe/London",
  jst: "Asia/Tokyo",
  kst: "Asia/Seoul",
  sgt: "Asia/Singapore",
  hkt: "Asia/Hong_Kong",
  aest: "Australia/Sydney",
  aedt: "Australia/Sydney",
  acst: "Australia/Adelaide",
  awst: "Australia/Perth",
  nzst: "Pacific/Auckland",
  nzdt: "Pacific/Auckland",
  "ist india": "Asia/Kolkata",
};

let cities: Map<string, string> | null = null;
/** IANA zones by their city ("new york" → America/New_York), from the runtime's own list. */
function cityZones(): Map<string, string> {
  if (cities) return cities;
  cities = new Map();
  for (const id of Intl.supportedValuesOf("timeZone")) {
    const city = id.split("/").pop()!.replace(/_/g, " ").toLowerCase();
    if (!cities.has(city)) cities.set(city, id);
  }
  return cities;
}

const ABBREV = Object.keys(NAMES)
  .filter((k) => /^[a-z]{2,4}$/.test(k))
  .join("|");

/**
 * A zone written right after a time (optionally in brackets or after "/"), and where
 * it ends: "UTC", "GMT+1", "Eastern Time", "CET", "Brussels time", "America/New_York".
 */
export const ZONE_AFTER = new RegExp(
  String.raw`^\s*[(\[]?\s*(?:` +
    String.raw`(?<off>(?:UTC|GMT)\s*[+\-−–]\s*\d{1,2}(?::?\d{2})?)` +
    String.raw`|(?<utc>UTC|GMT|Z\b|Zulu)` +
    String.raw`|(?<iana>[A-Z][A-Za-z]+\/[A-Za-z_]+(?:\/[A-Za-z_]+)?)` +
    String.raw`|(?<named>(?:Central European|Eastern European|Western European|Eastern|Central|Mountain|Pacific|British)(?:\s+(?:Standard|Daylight|Summer))?(?:\s+Time)?)\b` +
    String.raw`|(?<abbr>(?:${ABBREV.toUpperCase()}))\b` +
    String.raw`|(?<city>[A-Z][a-zà-ÿ]+(?:[ -][A-Z][a-zà-ÿ]+)?)\s+time\b` +
    String.raw`)\s*[)\]]?`,
  "u",
);

/** The zone a ZONE_AFTER match names, or null when it names none that is known. */
export function zoneOf(m: RegExpExecArray): Zone | null {
  const g = m.groups ?? {};
  if (g.utc) return { kind: "offset", minutes: 0 };
  if (g.off) {
    const o = /([+\-−–])\s*(\d{1,2})(?::?(\d{2}))?/.exec(g.off)!;
    const minutes = Number(o[2]) * 60 + Number(o[3] ?? 0);
    return { kind: "offset", minutes: o[1] === "+" ? minutes : -minutes };
  }
  if (g.iana)
    return Intl.supportedValuesOf("timeZone").includes(g.iana)
      ? { kind: "iana", id: g.iana }
      : null;
  if (g.named) {
    const key = g.named
      .toLowerCase()
      .replace(/\s+(?:standard|daylight|summer)/, "")
      .replace(/\s+time$/, "");
    return NAMES[key] ? { kind: "iana", id: NAMES[key] } : null;
  }
  if (g.abbr)
    return NAMES[g.abbr.toLowerCase()] ? { kind: "iana", id: NAMES[g.abbr.toLowerCase()]! } : null;
  if (g.city) {
    const key = g.city.toLowerCase();
    const id = NAMES[key] ?? cityZones().get(key.replace(/-/g, " "));
    return id ? { kind: "iana", id } : null;
  }
  return null;
}

/** The offset of `zone` (minutes east of UTC) at a UTC instant. */
function offsetAt(zone: Zone, instant: number): number {
  if (zone.kind === "offset") return zone.minutes;
  const name =
    new Intl.DateTimeFormat("en-US", { timeZone: zone.id, timeZoneName: "longOffset" })
      .formatToParts(new Date(instant))
      .find((p) => p.type === "timeZoneName")?.value ?? "GMT";
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === "+" ? minutes : -minutes;
}

/** A local date and time in `zone` as a UTC instant (the offset of that very moment). */
export function localToUtc(date: string, hour: number, minute: number, zone: Zone): Date {
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const asUtc = Date.UTC(y, mo - 1, d, hour, minute);
  let guess = asUtc - offsetAt(zone, asUtc) * 60_000;
  guess = asUtc - offsetAt(zone, guess) * 60_000;
  return new Date(guess);
}
