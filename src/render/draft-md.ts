import type { DraftFacts } from "../store/draft.js";
import { blocksToMd, mdText } from "./report-md.js";
import { ordinal, when, type Block } from "./report-blocks.js";

/** The next meeting's report skeleton: header, agenda with open actions carried over, regulars to tick. */
export function renderDraft(d: DraftFacts): string {
  const blocks: Block[] = [
    { kind: "heading", level: 1, text: `${d.group}${d.acronym ? ` (${d.acronym})` : ""}` },
    ...(d.number !== null ? [{ kind: "strong", text: `Online Meeting ${d.number}` } as Block] : []),
    { kind: "strong", text: d.start ? when(d.start) : "Date and time to be confirmed" },
    { kind: "para", text: "Summary Report (draft)" },
    {
      kind: "para",
      text: `The ${d.number !== null ? `${ordinal(d.number)} ` : ""}meeting of the ${d.group} was held on ${d.start ? when(d.start, " at ") : "[date]"}. The meeting was moderated by [moderator].`,
    },
    { kind: "heading", level: 2, text: "Agenda" },
    { kind: "item", marker: "1.", text: "Adoption of the agenda", depth: 0 },
  ];
  let n = 2;
  for (const title of d.standing)
    blocks.push({ kind: "item", marker: `${n++}.`, text: `${title} (standing item)`, depth: 0 });
  if (d.openActions.length) {
    blocks.push({ kind: "item", marker: `${n++}.`, text: "Follow-up of open actions", depth: 0 });
    d.openActions.forEach((a, i) =>
      blocks.push({
        kind: "item",
        marker: `${String.fromCharCode(97 + (i % 26))}.`,
        text: `${a.text}${a.owner ? ` (${a.owner})` : ""}${a.due ? ` — due ${when(a.due)}` : ""} — taken ${age(d.ageOf[a.key] ?? 0)}`,
        depth: 1,
      }),
    );
  }
  for (const title of d.notReached)
    blocks.push({
      kind: "item",
      marker: `${n++}.`,
      text: `${title} (carried over: not reached at meeting ${d.previous.number ?? "before"})`,
      depth: 0,
    });
  blocks.push({ kind: "item", marker: `${n}.`, text: "Any other business", depth: 0 });
  if (d.olderOpen)
    blocks.push({
      kind: "note",
      text: `${d.olderOpen} open action${d.olderOpen === 1 ? "" : "s"} of older meetings ${d.olderOpen === 1 ? "is" : "are"} not carried over; see the actions board.`,
    });
  blocks.push(
    { kind: "heading", level: 2, text: "Discussion" },
    { kind: "heading", level: 3, text: "Adoption of the agenda" },
    { kind: "para", text: "[summary]" },
  );
  if (d.openActions.length)
    blocks.push(
      { kind: "heading", level: 3, text: "Follow-up of open actions" },
      { kind: "para", text: "[status of each action]" },
    );
  blocks.push(
    { kind: "heading", level: 3, text: "Any other business" },
    { kind: "para", text: "[summary]" },
    { kind: "heading", level: 2, text: "Next steps" },
    { kind: "para", text: "[actions, owners, deadlines]" },
    { kind: "para", text: "Next meeting: [date and time UTC]" },
  );
  const md = blocksToMd(blocks);
  const previous = `Drafted from ${d.previous.source}${d.previous.number !== null ? ` (meeting ${d.previous.number}` : " ("}${d.previous.start ? `, ${when(d.previous.start)}` : ""}).`;
  const list = d.usual.map(
    (p) => `- [ ] ${mdText(p.name)}${p.affiliation ? `, ${mdText(p.affiliation)}` : ""}`,
  );
  return `${md}\n## Annex 1: List of participants\n\n_Tick those present; the last meeting's moderators, then the usual participants, most recent first._\n\n${list.join("\n")}\n\n_${mdText(previous)}_\n`;
}

const age = (n: number) => (n === 0 ? "at the last meeting" : `${n + 1} meetings ago`);
