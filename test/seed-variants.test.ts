import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { chromium } from "playwright-core";
import { cli, SHARED } from "./helpers.js";

// The seed reports as other tools would hand them over: each line a paragraph of an
// .html page, of a .docx, of a .pdf printed by a browser; and with every person renamed.
// Each variant must score as the .txt does against the (adjusted) gold.
const MIN_OVERALL = 0.98;
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const seeds = join(SHARED, "corpus/seeds"),
  gold = join(SHARED, "corpus/gold-next");
const files = readdirSync(seeds).sort();

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");
const asHtml = (text: string) =>
  `<!doctype html><html><body>${text
    .split(/\r?\n/)
    .filter((l) => l.trim())
    .map((l) => `<p>${esc(l)}</p>`)
    .join("\n")}</body></html>`;

function score(goldDir: string, predDir: string): number {
  const printed = execFileSync(
    process.execPath,
    [join(SHARED, "eval/score.mjs"), goldDir, predDir],
    { encoding: "utf8" },
  );
  return Number(/overall: ([\d.]+)/.exec(printed)![1]);
}

/** Writes the variants and their gold (the same record under the variant's name) and scores them. */
async function scoreVariant(
  ext: string,
  make: (text: string) => Promise<Uint8Array | string>,
): Promise<number> {
  const tmp = mkdtempSync(join(tmpdir(), `rapporteur-variant-${ext}-`));
  try {
    for (const d of ["in", "gold", "out"]) mkdirSync(join(tmp, d));
    for (const f of files) {
      const name = f.replace(/\.txt$/, `.${ext}`);
      writeFileSync(join(tmp, "in", name), await make(readFileSync(join(seeds, f), "utf8")));
      const record = JSON.parse(readFileSync(join(gold, `${f}.json`), "utf8")) as {
        source: string;
      };
      writeFileSync(join(tmp, "gold", `${name}.json`), JSON.stringify({ ...record, source: name }));
    }
    const run = await cli([
      "extract",
      ...files.map((f) => join(tmp, "in", f.replace(/\.txt$/, `.${ext}`))),
      "--out",
      join(tmp, "out"),
    ]);
    expect(run.code, run.stderr).toBe(0);
    return score(join(tmp, "gold"), join(tmp, "out"));
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

describe("seed reports in other formats", () => {
  it(`score >= ${MIN_OVERALL} as .html and .docx paragraphs`, async () => {
    expect(await scoreVariant("html", async (t) => asHtml(t))).toBeGreaterThanOrEqual(MIN_OVERALL);
    const docx = async (t: string) =>
      new Uint8Array(
        await Packer.toBuffer(
          new Document({
            sections: [
              {
                children: t
                  .split(/\r?\n/)
                  .filter((l) => l.trim())
                  .map((l) => new Paragraph(l)),
              },
            ],
          }),
        ),
      );
    expect(await scoreVariant("docx", docx)).toBeGreaterThanOrEqual(MIN_OVERALL);
  }, 120_000);

  it(`score >= ${MIN_OVERALL} as .pdf printed by a browser`, async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM });
    try {
      const pdf = async (t: string) => {
        const page = await browser.newPage();
        await page.setContent(asHtml(t));
        const bytes = await page.pdf({ format: "A4" });
        await page.close();
        return new Uint8Array(bytes);
      };
      expect(await scoreVariant("pdf", pdf)).toBeGreaterThanOrEqual(MIN_OVERALL);
    } finally {
      await browser.close();
    }
  }, 180_000);

  it(`score >= ${MIN_OVERALL} with every person renamed`, async () => {
    const tmp = mkdtempSync(join(tmpdir(), "rapporteur-renamed-"));
    try {
      for (const d of ["in", "gold", "out"]) mkdirSync(join(tmp, d));
      for (const f of files) {
        const record = JSON.parse(readFileSync(join(gold, `${f}.json`), "utf8")) as {
          group: string | null;
          participants: { name: string }[];
          moderators: string[];
        };
        // each word of a listed name becomes an invented one, everywhere it stands
        const group = new Set((record.group ?? "").split(/\s+/));
        const words = [
          ...new Set(record.participants.flatMap((p) => p.name.match(/\p{Lu}[\p{L}'’-]+/gu) ?? [])),
        ].filter((w) => w.length > 2 && !group.has(w));
        const invented = new Map(words.map((w, i) => [w, invent(i, w)]));
        const rename = (s: string) => s.replace(/\p{Lu}[\p{L}'’-]+/gu, (w) => invented.get(w) ?? w);
        writeFileSync(join(tmp, "in", f), rename(readFileSync(join(seeds, f), "utf8")));
        writeFileSync(
          join(tmp, "gold", `${f}.json`),
          JSON.stringify(
            JSON.parse(JSON.stringify(record), (k, v: unknown) =>
              typeof v === "string" && k !== "source" ? rename(v) : v,
            ),
          ),
        );
      }
      const run = await cli([
        "extract",
        ...files.map((f) => join(tmp, "in", f)),
        "--out",
        join(tmp, "out"),
      ]);
      expect(run.code, run.stderr).toBe(0);
      expect(score(join(tmp, "gold"), join(tmp, "out"))).toBeGreaterThanOrEqual(MIN_OVERALL);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  }, 120_000);
});

// An invented word of about the same length, the same for the same word ("Okafor" -> "Bavelo").
function invent(i: number, w: string): string {
  const syl = ["ba", "ve", "lo", "ri", "su", "ta", "ne", "mi", "ko", "da", "fe", "go", "pa", "zu"];
  let out = "";
  for (let k = 0; out.length < Math.max(4, w.length); k++)
    out += syl[(i * 7 + k * 3 + w.charCodeAt(k % w.length)) % syl.length];
  return out[0]!.toUpperCase() + out.slice(1);
}
