import type { AgendaNode, Doc } from "./doc.js";
import type { Line } from "./lines.js";

const TABLE_HEAD = /^(?:no\.?|#|n°|item|items|agenda item|topic|time|lead|presenter|speaker|duration|owner|responsible|title)$/i;

/** The announced agenda, with sub-items nested under their item. */
export function agenda(doc: Doc): Doc {
  const range = doc.outline!.agenda;
  if (!range) return { ...doc, agenda: [] };
  const lines = doc.lines.slice(range.from, range.to).filter((l) => !l.blank);
  const items: AgendaNode[] = [];
  let topIndent = -1, topMarked = false, topKind: string | null = null;
  for (const l of lines) {
    const title = itemTitle(l);
    if (!title) continue;
    const node: AgendaNode = { title, items: [], line: l.n };
    if (!items.length) {
      items.push(node);
      topIndent = l.indent; topMarked = !!l.marker; topKind = l.marker?.kind ?? null;
      continue;
    }
    const parent = items[items.length - 1]!;
    const sub =
      l.indent > topIndent ||
      (topMarked && !!l.marker && l.marker.kind !== topKind && l.marker.kind === "alpha" && !l.marker.upper) ||
      (topMarked && !l.marker && l.bullet);
    if (sub) parent.items.push(node);
    else items.push(node);
  }
  return { ...doc, agenda: items };
}

function itemTitle(l: Line): string | null {
  if (l.cells) {
    const cell = l.cells.find((c) => /\p{L}{2,}/u.test(c) && !TABLE_HEAD.test(c) && !/^\d{1,2}[:.]\d{2}/.test(c));
    return cell && !l.cells.every((c) => TABLE_HEAD.test(c) || !c) ? cell : null;
  }
  const t = (l.marker || l.bullet ? l.body : l.text).replace(/^[*_]+|[*_]+$/g, "").trim();
  return t && /\p{L}/u.test(t) ? t : null;
}
