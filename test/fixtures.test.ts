import { describe, expect, it } from "vitest";
import { readFile, readdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { exampleReports } from "../src/commands/demo.js";
import { extractReport } from "../src/runtime/prepare-report.js";
import { printable } from "../src/extract/pipeline.js";
import { MeetingRecord } from "../src/model/record.js";

// Each fixtures/reports/<name>/ (the demo's example reports) and fixtures/layouts/<name>/
// (one fictional report per layout cue: front matter, roll calls, class lists, dialogue
// and IRC speakers, labelled and owner-grouped actions, zones, PDF tables, .docx page
// headers) holds input.<ext> and the hand-checked expected.json.
// UPDATE=1 rewrites expected.json from the current extractor (then review the diff).
const layoutsDir = join(process.cwd(), "fixtures/layouts");
const layouts = await Promise.all(
  (await readdir(layoutsDir)).sort().map(async (d) => {
    const input = (await readdir(join(layoutsDir, d))).find((f) => f.startsWith("input."))!;
    return { path: join(layoutsDir, d, input), source: `${d}.${input.split(".").pop()}` };
  }),
);
const examples = [
  ...(await exampleReports()).filter((e) => e.path.includes("/fixtures/reports/")),
  ...layouts,
];

describe("example reports", () => {
  it("covers every supported format", () => {
    expect(new Set(examples.map((e) => e.source.split(".").pop()))).toEqual(
      new Set(["txt", "md", "html", "docx", "pdf"]),
    );
    expect(new Set(layouts.map((e) => e.source.split(".").pop()))).toEqual(
      new Set(["txt", "md", "html", "docx", "pdf"]),
    );
  });
  for (const ex of examples) {
    it(`extracts ${ex.source} as expected`, async () => {
      const record = printable(
        await extractReport({ bytes: await readFile(ex.path), source: ex.source }),
      );
      expect(MeetingRecord.safeParse(record).success).toBe(true);
      const expectedPath = join(dirname(ex.path), "expected.json");
      if (process.env.UPDATE) await writeFile(expectedPath, JSON.stringify(record, null, 2) + "\n");
      expect(record).toEqual(JSON.parse(await readFile(expectedPath, "utf8")));
    });
  }
});
