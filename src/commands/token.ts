import { createToken } from "../store/tokens.js";
import { RapporteurError } from "../model/errors.js";
import { withStore, type StoreOptions } from "../runtime/store-access.js";
import type { Io } from "../runtime/io.js";

/** `rapporteur token create NAME`: prints a new editor token (shown once). */
export async function tokenCommand(
  cwd: string,
  options: StoreOptions & { name: string },
  io: Io,
): Promise<number> {
  if (!/^[\p{L}\p{N} ._@-]{1,80}$/u.test(options.name))
    throw new RapporteurError(
      "bad-argument",
      `token name "${options.name}": use letters, digits, spaces, . _ @ - (up to 80)`,
    );
  const token = await withStore(cwd, options, io, (db) => createToken(db, options.name));
  io.out(token);
  io.err(
    `rapporteur: editor token for ${options.name} created; it is shown only now, keep it safe`,
  );
  return 0;
}
