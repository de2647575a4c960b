import { readdir } from "node:fs/promises";
import { join, extname } from "node:path";
import { fileURLToPath } from "node:url";
import { loadFile, withReader, describe, type Io } from "../runtime/io.js";
import { renderDigest } from "../render/digest-md.js";

/** The bundled example reports: fixtures/reports/<name>/input.<ext>, one per style and format. */
export const EXAMPLES_DIR = fileURLToPath(new URL("../../fixtures/reports/", import.meta.url));

/** Reports of the project's own example group, several meetings of one board. */
export const EXAMPLE_GROUP_DIR = fileURLToPath(new URL("../../examples/odsb/", import.meta.url));

/** Lists the example reports as paths with the name each is known by ("<folder>.<ext>"). */
export async function exampleReports(): Promise<{ path: string; source: string }[]> {
  const out: { path: string; source: string }[] = [];
  for (const f of (await readdir(EXAMPLE_GROUP_DIR).catch(() => [] as string[])).sort())
    out.push({ path: join(EXAMPLE_GROUP_DIR, f), source: f });
  for (const dir of (await readdir(EXAMPLES_DIR)).sort()) {
    const input = (await readdir(join(EXAMPLES_DIR, dir)).catch(() => [])).find((f) =>
      f.startsWith("input."),
    );
    if (input)
      out.push({ path: join(EXAMPLES_DIR, dir, input), source: `${dir}${extname(input)}` });
  }
  return out;
}

/** `rapporteur demo`: extracts the example reports and prints their digests. */
export async function demoCommand(_cwd: string, _options: object, io: Io): Promise<number> {
  let failed = 0;
  await withReader(async (read) => {
    for (const ex of await exampleReports()) {
      try {
        const { bytes } = await loadFile("/", ex.path);
        io.out(renderDigest(await read(bytes, ex.source)));
      } catch (e) {
        failed++;
        io.err(`rapporteur: ${describe(e, ex.source)}`);
      }
    }
  });
  return failed ? 2 : 0;
}
