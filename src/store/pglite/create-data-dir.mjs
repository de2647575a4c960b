// Creates an embedded store's data folder (PostgreSQL's initdb), run as a short-lived
// child process: initdb grows the WebAssembly heap to several hundred MB, and a heap
// never shrinks, so doing it in the process that then ingests or serves would keep that
// memory for the rest of its life.
//   node create-data-dir.mjs DIR [-c setting=value ...]
import { PGlite } from "@electric-sql/pglite";

const [dir, ...settings] = process.argv.slice(2);
const pg = new PGlite({ dataDir: dir, startParams: [...PGlite.defaultStartParams, ...settings] });
await pg.waitReady;
await pg.close();
