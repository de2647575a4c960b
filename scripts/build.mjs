// `npm run build`: compiles src/ to dist/ with tsc, then copies what tsc does not emit
// (the SQL migrations, the store-creation script). Plain Node, so it needs no build itself.
import { execFileSync } from "node:child_process";
import { cpSync, rmSync } from "node:fs";
import { createRequire } from "node:module";

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
rmSync("dist", { recursive: true, force: true });
execFileSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { stdio: "inherit" });
cpSync("src/store/migrations", "dist/store/migrations", { recursive: true });
cpSync("src/store/pglite/create-data-dir.mjs", "dist/store/pglite/create-data-dir.mjs");
cpSync("src/store/pglite/thread-host.mjs", "dist/store/pglite/thread-host.mjs");
