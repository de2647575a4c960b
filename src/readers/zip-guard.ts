import { Unzip, UnzipInflate, unzipSync } from "fflate";
import { RapporteurError } from "../model/errors.js";

// The parts a word processor's reader inflates: XML and relationships (images and
// other media are never inflated: the readers drop them).
const READ = /\.(xml|rels)$/i;
const PIECE = 16 * 1024;

/**
 * Refuses an Office file whose XML would inflate past `limit` bytes, before any reader
 * inflates it: the sizes its directory declares are checked first, then the real ones
 * while inflating (a file may lie about them), a small piece at a time, so checking
 * costs no more memory than a piece's output.
 */
export function checkInflatedSize(bytes: Uint8Array, source: string, limit: number): void {
  const tooBig = (n: number) =>
    new RapporteurError(
      "unreadable-file",
      `${source}: its text would inflate to more than ${limit / 1048576} MB (${n > limit * 10 ? "a zip bomb?" : "far more than a report"}); the limit is ${limit / 1048576} MB`,
    );
  let declared = 0;
  try {
    unzipSync(bytes, {
      filter: (f) => {
        if (READ.test(f.name)) declared += f.originalSize;
        return false;
      },
    });
  } catch (e) {
    throw new RapporteurError(
      "unreadable-file",
      `${source}: not a readable .docx (${String((e as Error)?.message ?? e).slice(0, 120)}); re-save it from your word processor`,
    );
  }
  if (declared > limit) throw tooBig(declared);
  let actual = 0;
  let over = false;
  const unzip = new Unzip((file) => {
    if (!READ.test(file.name)) return;
    file.ondata = (err, chunk) => {
      if (err || over) return;
      actual += chunk.length;
      if (actual > limit) {
        over = true;
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && !over; at += PIECE)
      unzip.push(bytes.subarray(at, at + PIECE), at + PIECE >= bytes.length);
  } catch {
    return; // the reader itself will say what is wrong with a damaged file
  }
  if (over) throw tooBig(actual);
}
