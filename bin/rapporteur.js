#!/usr/bin/env -S node --max-semi-space-size=2
// The installed command: runs the JavaScript `npm run build` compiled into dist/ (npm ci
// and npm pack build it). A small young generation (2 MB semi-spaces, V8's default grows
// to 16) keeps a long ingest 60-120 MB lighter. A server wants the default: with 2 MB
// semi-spaces a request in flight is collected several times (measured over HTTP, 50
// connections: 1.3-1.7x fewer searches and meeting pages a second), so `serve` runs in a
// child process without the flag.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const SMALL_YOUNG = "--max-semi-space-size=2";

if (process.argv[2] === "serve" && process.execArgv.includes(SMALL_YOUNG)) {
  const child = spawn(
    process.execPath,
    [
      ...process.execArgv.filter((a) => a !== SMALL_YOUNG),
      fileURLToPath(import.meta.url),
      ...process.argv.slice(2),
    ],
    { stdio: "inherit" },
  );
  // Ctrl-C reaches the child from the terminal itself (one process group); a second
  // SIGINT would cut its shutdown short, so only the others are passed on.
  process.on("SIGINT", () => {});
  for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code, signal) => {
    process.exitCode = code ?? (signal ? 1 : 0);
  });
} else {
  try {
    await import("../dist/cli/index.js");
  } catch (e) {
    if (e?.code !== "ERR_MODULE_NOT_FOUND" || !String(e.message).includes("dist/cli/index.js"))
      throw e;
    process.stderr.write("rapporteur: not built yet; run npm run build (npm ci does it)\n");
    process.exitCode = 1;
  }
}
