import { loadFile, withReader, describe, type Io } from "../runtime/io.js";
import { RapporteurError } from "../model/errors.js";

/**
 * `rapporteur check FILE...`: lint output `FILE:LINE: CODE message`.
 * Exit 0 when clean, 1 when there are findings, 2 when an input could not be read.
 */
export async function checkCommand(
  cwd: string,
  options: { files: string[] },
  io: Io,
): Promise<number> {
  if (!options.files.length)
    throw new RapporteurError("bad-argument", "no report given; name one or more files to check");
  let findings = 0,
    failed = 0;
  await withReader(async (read) => {
    for (const file of options.files) {
      try {
        const { bytes, source } = await loadFile(cwd, file);
        const record = await read(bytes, source);
        for (const i of record.issues) {
          findings++;
          io.out(`${file}:${i.line ?? 1}: ${i.code} ${i.message}`);
        }
      } catch (e) {
        failed++;
        io.err(`rapporteur: ${describe(e, file)}`);
      }
    }
  });
  if (failed) return 2;
  return findings ? 1 : 0;
}
