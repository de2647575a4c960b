import { describe, expect, it } from "vitest";
import { runUntil } from "./run-passes.js";
import { sections } from "./sections.js";

const secs = (text: string) =>
  runUntil(text, sections).sections!.map((s) => [s.title, s.agendaIndex, s.level]);

const AGENDA = `Group\nMeeting 4\n2 May 2024\n\nAgenda\n1. Budget review\n2. Outreach plan\n3. Any other business\n\n`;

describe("sections pass", () => {
  it("maps sections to agenda items by content, not by number", () => {
    expect(secs(AGENDA + `1. Budget review\nText.\n\n2. AOB\nNothing.\n`)).toEqual([
      ["Budget review", 0, 0],
      ["AOB", 2, 0],
    ]);
  });
  it("keeps lettered sub-sections under their parent and ignores restarting lists", () => {
    const t =
      AGENDA +
      `1. Budget review\nThe points were:\n- 1) costs\n- 2) income\n\n2. Outreach plan\na. Schools\nText.\nb. Media\nText.\n1) a list item\n\n3. Any other business\n`;
    expect(secs(t)).toEqual([
      ["Budget review", 0, 0],
      ["Outreach plan", 1, 0],
      ["Schools", 1, 1],
      ["Media", 1, 1],
      ["Any other business", 2, 0],
    ]);
  });
  it("uses the first sentence of a numbered paragraph as its title", () => {
    const t =
      AGENDA +
      `1. Budget review was done by the treasurer. More text follows here.\n\n2. The outreach plan was adopted.\n`;
    expect(secs(t)).toEqual([
      ["Budget review was done by the treasurer.", 0, 0],
      ["The outreach plan was adopted.", 1, 0],
    ]);
  });
  it("uses Markdown headings when the report has them, with deeper levels as sub-sections", () => {
    const t = `# Group\n\n## Agenda\n\n- Budget review\n- Outreach plan\n\n## Discussion\n\n### Budget review\nText with a list:\n1. one\n2. two\n\n#### Details\nMore.\n\n### Outreach plan\nText.\n`;
    expect(secs(t)).toEqual([
      ["Budget review", 0, 0],
      ["Details", 0, 1],
      ["Outreach plan", 1, 0],
    ]);
  });
  it("reads roman numerals as a top-level sequence", () => {
    const t = `G\n\nAgenda\nI. Budget review\nII. Outreach plan\n\nDiscussion\nI. Budget review\nText.\nII. Outreach plan\nText.\n`;
    expect(secs(t)).toEqual([
      ["Budget review", 0, 0],
      ["Outreach plan", 1, 0],
    ]);
  });
});
