/**
 * Fault injection for the crash tests: `RAPPORTEUR_FAULT=point[:n]` makes this process
 * kill itself with SIGKILL (no clean-up at all, as a power cut or the OOM killer would)
 * the n-th time it reaches `point` (default the first). The points are named where they
 * are called: `create` (while a new embedded store is being made), `save` (after a
 * meeting is saved), `rebuild-people` and `rebuild-glossary` (half-way through).
 * Without the variable this costs one property read.
 */
const counts = new Map<string, number>();

export function faultPoint(point: string): void {
  const spec = process.env.RAPPORTEUR_FAULT;
  if (!spec) return;
  const [name, n] = spec.split(":");
  if (name !== point) return;
  const seen = (counts.get(point) ?? 0) + 1;
  counts.set(point, seen);
  if (seen >= Number(n ?? 1)) process.kill(process.pid, "SIGKILL");
}

/** Like `faultPoint`, but `n` is milliseconds from now (for work that runs elsewhere). */
export function faultAfter(point: string): void {
  const spec = process.env.RAPPORTEUR_FAULT;
  if (!spec) return;
  const [name, ms] = spec.split(":");
  if (name === point)
    setTimeout(() => process.kill(process.pid, "SIGKILL"), Number(ms ?? 0)).unref();
}

/**
 * For the disk-full test where no small file system can be mounted: with
 * `RAPPORTEUR_FAULT=enospc:n`, every write statement from the n-th on fails as a full
 * disk makes PostgreSQL fail.
 */
export function faultDiskFull(sql: string): void {
  const spec = process.env.RAPPORTEUR_FAULT;
  if (
    !spec?.startsWith("enospc") ||
    !/^\s*(INSERT|UPDATE|DELETE|SELECT save_meeting|CREATE|VACUUM)/i.test(sql)
  )
    return;
  const seen = (counts.get("enospc") ?? 0) + 1;
  counts.set("enospc", seen);
  if (seen >= Number(spec.split(":")[1] ?? 1))
    throw Object.assign(
      new Error('could not extend file "base/5/16384": No space left on device'),
      { code: "53100" },
    );
}
