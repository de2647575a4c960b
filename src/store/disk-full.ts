import { RapporteurError } from "../model/errors.js";

/** The one line for a full disk, naming where the store is (a folder, or the database server). */
export const diskFull = (where: string): RapporteurError =>
  new RapporteurError(
    "disk-full",
    `no space left on device (${where}); make room there and run the command again: every meeting saved before is kept`,
  );

/** Whether an error from a driver or the file system means the disk is full. */
export const isDiskFullError = (e: unknown): boolean =>
  (e as NodeJS.ErrnoException)?.code === "ENOSPC" ||
  (e as { code?: string })?.code === "53100" ||
  /No space left on device/i.test(String((e as Error)?.message));
