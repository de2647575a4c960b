// Creates an embedded store's data folder (PostgreSQL's initdb), run as a short-lived
// child process: initdb grows the WebAssembly heap to several hundred MB, and a heap
// never shrinks, so doing it in the process that then ingests or serves would keep that
// memory for the rest of its life.
//   node create-data-dir.mjs PARENT_PID DIR [-c setting=value ...]
// The child must not outlive its parent (a killed parent would leave it writing into a
// folder the next run cleans): a watchdog thread, free while initdb keeps the main thread
// busy, ends this process as soon as the parent is gone.
import { Worker } from "node:worker_threads";
import { PGlite } from "@electric-sql/pglite";

const [parent, dir, ...settings] = process.argv.slice(2);
const watchdog = new Worker(
  `const { workerData } = require("node:worker_threads");
   setInterval(() => {
     let gone = process.ppid !== workerData;
     try { process.kill(workerData, 0); } catch { gone = true; }
     if (gone) process.kill(process.pid, "SIGKILL");
   }, 100);`,
  { eval: true, workerData: Number(parent) },
);
watchdog.unref();
const pg = new PGlite({ dataDir: dir, startParams: [...PGlite.defaultStartParams, ...settings] });
await pg.waitReady;
await pg.close();
await watchdog.terminate();
