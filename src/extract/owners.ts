import type { Doc } from "./doc.js";
import { resolveName } from "./names.js";
import { looksLikeName } from "./entry.js";

/** "Jo will …", "The panel should …": the subject of a sentence that gives a task. */
export const OWNER_SUBJECT =
  /^(?:(?:all|the|each|every)\s+)?(\p{L}(?:[^,;:()]|\([^)]*\)){0,80}?)\s+(?:should|must|shall|will|would|is to|are to|agreed to|volunteered to|offered to|to)\s+(?!be\b)(?:also\s+)?[a-z]+/iu;
/** Subjects that never own a task: pronouns, and documents ("the report will …"). */
export const NOT_OWNER =
  /^(?:it|this|that|there|they|we|he|she|which|who|these|those|results?|wording|copy|the (?:document|results?|announcement|report|draft|meeting|information|views?|minutes|proposals?))\b/i;

/** "Jo Roe: send …", "Ann & Bo: …": a label that names who, not what. */
export function isOwnerLabel(lead: string): boolean {
  const parts = lead.split(/\s*(?:\/|&|\+|,|\band\b)\s*/).filter(Boolean);
  return (
    parts.length > 0 &&
    parts.length <= 4 &&
    parts.every(
      (p) =>
        looksLikeName(p) ||
        /^(?:all|everyone|secretariat|the secretariat|chair|co-?chairs?|staff|team)\b/i.test(p),
    )
  );
}

/** Who an action's text names: "[AB] task", "Jo: task", "task (Jo)", "task [Jo to …]", "Jo to send …". */
export function ownerOf(text: string, doc: Doc): string | null {
  const pre = /^\[([\p{Lu}][\p{L}]{0,5})\]\s*/u.exec(text);
  if (pre) return pre[1]!;
  if (/^who\?/i.test(text)) return null;
  const colon = /^([^:]{2,60}?):\s+\S/.exec(text);
  if (colon && isOwnerLabel(colon[1]!)) return colon[1]!;
  const trailing = /[([]\s*([^()[\]]{2,60}?)\s*[)\]]\s*\.?\s*$/.exec(text);
  if (trailing) {
    const inside = trailing[1]!.replace(/\s+to\s+[a-z].*$/, "").trim();
    const parts = inside.split(/\s*(?:\/|&|\+|,|\band\b)\s*/).filter(Boolean);
    if (
      parts.length &&
      parts.every(
        (p) => looksLikeName(p) || /^(?:secretariat|panel|chair|panel chair|all|staff)$/i.test(p),
      ) &&
      !/^(?:done|ongoing|complete|completed|closed|open|tbc|tbd)\b/i.test(inside)
    )
      return inside;
  }
  const body = text.replace(/^(?:upon|on|following|after|if|when|once)\b[^,]{2,80},\s*/i, "");
  // "Kerri, Kim, and Victoria to …", "TV and PS to …": a list of names as the subject
  const name = String.raw`[\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*)?`;
  const many = new RegExp(
    String.raw`^(${name}(?:(?:,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+)${name})+)\s+(?:to|will|should)\s+[a-z]`,
    "u",
  ).exec(body);
  if (many) return many[1]!;
  // "Daniel document (spreadsheet?) …": a listed person opening the line is its owner
  const opener = /^([\p{Lu}][\p{L}'’.-]*(?:\s+[\p{Lu}][\p{L}'’.-]*){0,2})\s+[a-z]/u.exec(body);
  if (opener && resolveName(opener[1]!, doc.people ?? [])) return opener[1]!;
  const who = subjectOwner(OWNER_SUBJECT.exec(body));
  return who && who.split(/\s+/).length <= 8 ? who : null;
}

/** The subject an OWNER_SUBJECT match names, unless it is a pronoun, a document or a clause. */
export function subjectOwner(m: RegExpExecArray | null): string | null {
  if (
    !m ||
    NOT_OWNER.test(m[1]!) ||
    /\b(?:was|were|is|are|has|have|be|been|should|must|shall|will|would|can|could|may)\b/i.test(
      m[1]!,
    )
  )
    return null;
  return m[1]!.trim();
}

/** Each name in an owner ("Dan + Mo", "TE/LG", "Kim, Jo, and Vi") resolved to the list's spelling. */
export function resolveOwner(owner: string, doc: Doc): string {
  const people = doc.people ?? [];
  return owner
    .split(/(\s*(?:\/|&|\+|,\s*and\s+|,|\band\b)\s*)/)
    .map((part, k) => {
      if (k % 2 === 1 || !part.trim()) return part;
      const who = resolveName(part.trim(), people);
      return who ?? part;
    })
    .join("");
}

/** A name resolved to the list's spelling, else as written. */
export const canonical = (name: string, doc: Doc) => resolveName(name, doc.people ?? []) ?? name;
