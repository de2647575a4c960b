/**
 * One attendance entry as written, to name, affiliation, roles, nickname and initials:
 * "Name, Org, Role", "Name - Org (INI) - chair", "Name – Org *", "Name (Org)",
 * "[DC] Name", "Name (Skype: handle)", "Name for Other, Org", "Terence ‘Tex’ Doe".
 */

/** Words that make a segment a role rather than an affiliation. */
export const ROLE =
  /\b(?:member|members|chair|chairs|co-?chair|chairperson|chairman|chairwoman|vice[- ]?chair|intern|rapporteur|moderator|co-?moderator|facilitator|secretary|president|vice[- ]president|director|officer|head|lead|leader|representative|rep|observer|observers|convenor|convener|coordinator|co-?coordinator|focal point|advis[oe]r|manager|fellow|ambassador|minister|delegate|ceo|cto|coo|cfo|founder|co-?founder|professor|researcher|editor|liaison|staff|host|speaker|panellist|panelist|consultant|counsel(?:l?or)?|deputy|assistant|analyst|expert member|trustee|treasurer|envoy|special adviser|trainer|mentor|tutor|volunteer|scribe|note[- ]?taker|minute[- ]?taker|sme|ex officio|sos|secretary of state|guest|invitee|alternate|proxy|clerk|registrar|chief|principal|architect|engineer|maintainer|committer|steward|champion|sponsor)\b/i;

/** Titles that belong to a written name ("Professor Sir Nigel Doe", "Dr Jo Roe"). */
const HONORIFIC =
  /^(?:(?:professor|prof\.?|dr\.?|sir|dame|lord|lady|baroness|baron|cllr\.?|councillor|mr\.?|mrs\.?|ms\.?|mx\.?|rev\.?|hon\.?|amb\.?|ambassador|judge|justice)\s+)+/i;

/** Words that start an organisation when an entry has no separator ("Jo Doe Government of X"). */
const ORG_START =
  /^(?:government|ministry|university|department|council|commission|office|secretariat|foundation|institute|association|agency|embassy|permanent|mission|federal|national|european|international|centre|center|bank|unesco|itu|icann|isoc|un|world)$/i;

const PROXY =
  /^(?:for|deputising for|deputizing for|on behalf of|representing|standing in for|substituting for|proxy for|in place of)\s+/i;
const INITIALS = /^(?:[\p{Lu}][\p{Lu}\p{Ll}]?[\p{Lu}]{0,3}[\p{Ll}]?|[\p{Lu}]{2,5})$/u;
const NOT_NAME =
  /^(?:n\/?a|none|tbd|tbc|vacant|empty seat|various|all|everyone|nobody|name|names|attendee|attendees|participant|participants|present|absent|apologies|regrets|yes|no|total|quorum.*|other|others|guests?|staff|members?)$/i;

export interface Entry {
  name: string;
  affiliation: string | null;
  roles: string[];
  nick: string | null;
  initials: string | null;
  handles?: string[];
}

/** Splits on `sep` outside parentheses and brackets. */
export function splitOutside(s: string, sep: string | RegExp): string[] {
  const out: string[] = [];
  let depth = 0,
    cur = "";
  const re =
    typeof sep === "string" ? null : new RegExp(`^(?:${sep.source})`, sep.flags.replace("g", ""));
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (ch === "(" || ch === "[") depth++;
    if ((ch === ")" || ch === "]") && depth > 0) depth--;
    if (depth === 0) {
      if (typeof sep === "string" && ch === sep) {
        out.push(cur);
        cur = "";
        continue;
      }
      if (re) {
        const m = re.exec(s.slice(i));
        if (m && m[0].length) {
          out.push(cur);
          cur = "";
          i += m[0].length - 1;
          continue;
        }
      }
    }
    cur += ch;
  }
  out.push(cur);
  return out.map((x) => x.trim()).filter(Boolean);
}

/** Whether a string may be a personal name as a list writes it. */
export function looksLikeName(s: string): boolean {
  const t = s.replace(HONORIFIC, "").trim();
  if (t.length < 2 || t.length > 60 || NOT_NAME.test(t) || NOT_NAME.test(s.trim())) return false;
  if (
    !/^[\p{Lu}\p{Ll}]/u.test(t) ||
    (/^\p{Ll}/u.test(t) &&
      !/^(?:de|van|von|da|di|le|la|el|al|ten|ter)\s/.test(t) &&
      !/^[a-z][a-z0-9_-]{2,}$/.test(t))
  )
    return false;
  if (/[:;?!@=<>{}/\\]|https?:|www\.|\d/.test(t)) return false;
  const words = t.split(/\s+/);
  if (words.length > 6) return false;
  if (!words.some((w) => /^\p{Lu}/u.test(w)) && words.length > 1) return false;
  // lower-case function words make a phrase, not a name ("to be confirmed", "all members")
  return !words.some(
    (w) =>
      /^(?:the|and|of|to|for|with|is|are|was|be|will|by|in|on|at|not|meeting|minutes)$/.test(w) &&
      words.length > 1 &&
      w !== "of",
  );
}

/**
 * Parses one entry. Null when the text is not a person ("N/A – Meeting not public",
 * "Quorum achieved").
 */
export function parseEntry(raw: string): Entry | null {
  let t = raw
    .replace(/[*_]/g, "")
    .replace(/\s+/g, " ")
    .replace(/^[\s,;.–—-]+|[\s,;.*]+$/g, "")
    .trim();
  if (!t || t.length > 240 || !/\p{L}/u.test(t)) return null;
  let initials: string | null = null,
    nick: string | null = null;
  const extra: string[] = [];
  // "[DC] Daniel Collins": initials first, in brackets
  const pre = /^\[([\p{Lu}][\p{L}]{0,4})\]\s+/u.exec(t);
  if (pre) {
    initials = pre[1]!;
    t = t.slice(pre[0].length);
  }
  // quoted nicknames: "Terence ‘Tex’ McCutcheon", 'Jo "JJ" Roe'
  t = t.replace(/\s+[‘'"“]([\p{L}.-]{1,15})[’'"”]\s+/u, (_m, n: string) => {
    nick = n;
    return " ";
  });
  // handles and contact details are neither name nor role
  // (kept aside: a handle is how the text may name the person later)
  const handles: string[] = [];
  const keep = (h: string) => {
    const v = h.trim().replace(/^@/, "");
    if (/^[\w.-]{2,30}$/.test(v) && !handles.includes(v)) handles.push(v);
    return "";
  };
  t = t
    .replace(/\s*\((?:skype|irc|github|slack|twitter|matrix)\s*:?\s*([^)]*)\)/gi, (_m, h: string) =>
      keep(h),
    )
    .replace(/\s*\((?:email|e-mail|zoom)\s*:?[^)]*\)/gi, "")
    .replace(/\s+@([\w.-]+)\b/g, (_m, h: string) => keep(h))
    .replace(/\s*<[^>]+@[^>]+>/g, "");
  // segments: "Name - Org (INI) - role", "Name, Org, Role", "Name – Org *"
  const segments = splitOutside(t, /\s+[–—-]\s+|\s*,\s*|\s*\|\s*|\t+/);
  let head = segments.shift() ?? "";
  // parentheses right after the name: initials, a nickname, roles or an organisation
  for (let guard = 0; guard < 4; guard++) {
    const paren = /^(.*?)\s*\(\s*([^()]*)\s*\)\s*(.*)$/.exec(head);
    if (!paren || !paren[1]) break;
    head = (paren[1] + (paren[3] ? ` ${paren[3]}` : "")).trim();
    const inside = paren[2]!.trim();
    if (!inside) continue;
    if (
      INITIALS.test(inside) &&
      inside.length <= 5 &&
      !ROLE.test(inside) &&
      initialOf(head) === inside[0]
    ) {
      initials ??= inside;
      continue;
    }
    if (PROXY.test(inside)) {
      // "(for Jos Creese - Hampshire County Council)": the proxy goes, the organisation stays
      const org = inside
        .split(/\s+[–—-]\s+/)
        .slice(1)
        .join(" - ");
      if (org) extra.push(org);
      continue;
    }
    // one given name in brackets is a nickname when more follows ("Jo Roe (Jojo), Org");
    // alone it may be an organisation ("(Wipro)"): the participants pass decides from the text
    if (
      /^[\p{Lu}][\p{Ll}'’-]{1,14}$/u.test(inside) &&
      !ROLE.test(inside) &&
      segments.length &&
      !extra.length &&
      isLikelyNick(inside, head)
    ) {
      nick = inside;
      continue;
    }
    if (/^(?:ok|tbc|tbd|\?|x)$/i.test(inside)) continue;
    extra.push(...splitOutside(inside, ","));
  }
  // "Graham Jack for Henry Vera": the proxy note goes
  head = head
    .replace(
      /\s+(?:for|deputising for|on behalf of|standing in for)\s+[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,3}$/u,
      "",
    )
    .trim();
  head = head.replace(/\s*\*+$/, "").trim();
  // no separator at all: "Jo Doe Government of X"
  const words = head.split(/\s+/);
  if (words.length > 3) {
    const at = words.findIndex((w, i) => i >= 2 && ORG_START.test(w) && /^\p{Lu}/u.test(w));
    if (at > 0) {
      extra.unshift(words.slice(at).join(" "));
      head = words.slice(0, at).join(" ");
    }
  }
  // a role after the name without a separator: "Kieron O'Hara CHAIR"
  const shout = /^(.*\S)\s+(CHAIR|CO-CHAIR|SECRETARY|HOST|MODERATOR)$/.exec(head);
  if (shout) {
    head = shout[1]!;
    extra.unshift(shout[2]!);
  }
  if (!looksLikeName(head)) return null;
  const roles: string[] = [],
    affiliation: string[] = [];
  for (const raw of [...extra, ...segments]) {
    const s = raw
      .replace(/\s*\*+$/, "")
      .replace(/\s*\(\s*([\p{Lu}][\p{L}]{0,4})\s*\)\s*$/u, (m, i: string) => {
        if (i[0] !== initialOf(head)) return m;
        initials ??= i;
        return "";
      })
      .trim();
    if (!s || /^[*✓✔x]$/i.test(s)) continue;
    if (PROXY.test(s)) continue;
    // a role in parentheses after the organisation ("IBM ( ADE )") stays a role
    const tail = /^(.*?)\s*\(\s*([^()]+?)\s*\)$/.exec(s);
    if (tail && tail[1] && !ROLE.test(tail[1])) {
      affiliation.push(tail[1]);
      roles.push(tail[2]!);
      continue;
    }
    (ROLE.test(s) && !/\//.test(s) ? roles : affiliation).push(s);
  }
  const name = head.replace(/\s+/g, " ").trim();
  return {
    name,
    affiliation: affiliation.length ? affiliation.join(", ") : null,
    roles,
    nick,
    initials,
    ...(handles.length ? { handles } : {}),
  };
}

// The first letter of a name's first word (after titles): initials in brackets start with it.
const initialOf = (name: string) => name.replace(HONORIFIC, "").trim()[0]?.toUpperCase() ?? "";

// One capitalised word in brackets after a full name is a nickname ("Margaret Okafor
// (Peggy)") when it is not the name's own first word and looks like a given name.
function isLikelyNick(inside: string, name: string): boolean {
  const words = name.split(/\s+/);
  return (
    words.length >= 2 &&
    !words.includes(inside) &&
    !/^(?:Chair|Secretary|Host|Secretariat|Observer|Guest)$/i.test(inside) &&
    inside.length <= 10
  );
}

/**
 * An inline list ("Council: Ann, Bo Li and Cy Ng (Org)") to its entries. A trailing
 * organisation in brackets after a list joined by "and" covers every name before it
 * that has none of its own.
 */
export function splitList(text: string): string[] {
  const flat = text.replace(/\s*\n\s*/g, " ").replace(/\.\s*$/, "");
  const sep = flat.includes(";") && splitOutside(flat, ";").length >= 2 ? /\s*[;,]\s*/ : /\s*,\s*/;
  const out: string[] = [];
  for (const piece of splitOutside(flat, sep)) {
    // "A and B (Org)" / "A & B": split when both sides read as names
    const parts = splitOutside(piece, /\s+(?:and|&)\s+/);
    if (parts.length > 1 && parts.every((p) => looksLikeName(p.replace(/\s*\([^)]*\)\s*$/, ""))))
      out.push(...parts);
    else out.push(piece.replace(/^(?:and|&)\s+/i, ""));
  }
  return out;
}

/** Distributes a trailing bracketed organisation over a list's bare names before it. */
export function shareTrailingAffiliation(entries: Entry[], pieces: string[]): void {
  if (entries.length < 2) return;
  const last = entries[entries.length - 1]!;
  const lastPiece = pieces[pieces.length - 1] ?? "";
  if (!last.affiliation || !/\)\s*\.?$/.test(lastPiece)) return;
  if (entries.slice(0, -1).some((e) => e.affiliation || e.roles.length)) return;
  for (const e of entries.slice(0, -1)) e.affiliation = last.affiliation;
}

/** Strips honorifics for matching ("Professor Sir Nigel Doe" → "Nigel Doe"). */
export const bareName = (name: string) => name.replace(HONORIFIC, "").trim();
