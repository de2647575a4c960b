#!/usr/bin/env -S node --max-semi-space-size=2
// The command run from the TypeScript sources through tsx, with no build: what the tests
// and `npm run dev` use, so they always run the code as it is now.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/index.ts");
