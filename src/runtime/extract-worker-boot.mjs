// Starts the extraction worker: the worker thread loads the TypeScript sources through tsx.
import { register } from "tsx/esm/api";

register();
await import("./extract-worker.ts");
