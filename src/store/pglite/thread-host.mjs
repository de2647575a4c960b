// The embedded server in a worker thread (thread.ts is the other side): a serving process
// then runs the WebAssembly server on one core and its own JavaScript (ranking, snippets,
// HTTP) on another. Plain JavaScript, so that built and source runs load the same file.
// PGlite's own PGliteWorker needs the browser's navigator.locks, which Node 20 lacks.
//
// Messages in: {id, op: "query", sql, params, tx?} | {id, op: "begin", tx} |
// {id, op: "end", tx, commit} | {id, op: "close"}. Out: {id, rows} | {id, error} | {ready}.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const { dataDir, settings } = workerData;
const pg = new PGlite({ dataDir, startParams: [...PGlite.defaultStartParams, ...settings] });
/** Open transactions by id: the handle, how to end it, and the promise of its end. */
const open = new Map();

// An error as plain data (PostgreSQL's fields included: code, detail, …) that the other
// side turns back into an Error.
const plain = (e) => ({
  ...(e && typeof e === "object" ? { ...e } : {}),
  name: e?.name ?? "Error",
  message: String(e?.message ?? e),
});

const reply = (id, fn) =>
  fn().then(
    (rows) => parentPort.postMessage({ id, rows }),
    (e) => parentPort.postMessage({ id, error: plain(e) }),
  );

const ROLLBACK = Symbol("rollback");

parentPort.on("message", (m) => {
  if (m.op === "query") {
    const on = m.tx ? open.get(m.tx)?.tx : pg;
    if (!on)
      return parentPort.postMessage({ id: m.id, error: plain(new Error("no such transaction")) });
    return reply(m.id, async () => (await on.query(m.sql, m.params)).rows);
  }
  if (m.op === "begin") {
    const t = { tx: null, end: null, done: null };
    open.set(m.tx, t);
    let begun;
    const started = new Promise((r) => (begun = r));
    t.done = pg
      .transaction(async (tx) => {
        const commit = await new Promise((end) => {
          Object.assign(t, { tx, end });
          begun();
        });
        if (!commit) throw ROLLBACK;
      })
      .catch((e) => {
        if (e !== ROLLBACK) throw e;
      })
      .finally(() => open.delete(m.tx));
    // a transaction that cannot begin answers its begin with the error
    return reply(m.id, () => Promise.race([started, t.done]).then(() => []));
  }
  if (m.op === "end") {
    const t = open.get(m.tx);
    if (!t?.end)
      return parentPort.postMessage({ id: m.id, error: plain(new Error("no such transaction")) });
    t.end(m.commit);
    return reply(m.id, async () => {
      await t.done;
      return [];
    });
  }
  if (m.op === "close") return reply(m.id, async () => (await pg.close(), []));
});

pg.waitReady.then(
  () => parentPort.postMessage({ ready: true }),
  (e) => parentPort.postMessage({ ready: false, error: plain(e) }),
);
