import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { openStore } from "../src/store/open.js";
import type { Db } from "../src/store/db.js";
import { buildApp } from "../src/server/app.js";
import { exampleReports } from "../src/commands/demo.js";
import { ingestFiles, ingestBytes } from "../src/commands/ingest.js";
import { rebuildPeople } from "../src/store/people.js";
import { createToken } from "../src/store/tokens.js";
import { rebuildGlossary } from "../src/store/glossary.js";
import { stakeholderClassifier } from "../src/resolve/stakeholders.js";

/** A report whose text tries to run code: it must render inert. */
export const HOSTILE = `<!DOCTYPE html><html><body><h1>Hostile Test Group</h1><p>Meeting 3</p><p>2 February 2025 at 10:00 UTC</p>
<p>The third meeting of the Hostile Test Group was held on 2 February 2025 at 10:00 UTC. It was chaired by Eve Mallory.</p>
<h2>Agenda</h2><ol><li>Security &lt;script&gt;window.__pwned = 1&lt;/script&gt; review</li><li>AOB</li></ol>
<h2>1. Security &lt;script&gt;window.__pwned = 1&lt;/script&gt; review</h2>
<p>Eve Mallory said: &lt;img src=x onerror="window.__pwned = 2"&gt; and <a href="javascript:window.__pwned=3">click me</a> and &lt;a href="javascript:window.__pwned=4"&gt;this&lt;/a&gt;.</p>
<h2>2. AOB</h2><p>None.</p>
<h2>Participants</h2><ul><li>Eve Mallory, &lt;b onmouseover="window.__pwned=5"&gt;Org&lt;/b&gt;</li><li>Bob Builder, Org</li></ul></body></html>`;

/** A store with the example reports, a hostile report, a members-only report and an editor token. */
export async function seededApp(): Promise<{
  app: FastifyInstance;
  db: Db;
  token: string;
  hostileId: number;
  secretId: number;
}> {
  const db = await openStore({});
  const s = { new: 0, updated: 0, unchanged: 0, failed: [] as { path: string; reason: string }[] };
  await ingestFiles(db, await exampleReports(), s);
  const hostileId = await ingestBytes(db, {
    path: "test:hostile.html",
    source: "hostile.html",
    bytes: Buffer.from(HOSTILE),
  });
  const secret = readFileSync(
    join(process.cwd(), "fixtures/reports/digital-rights-caucus-txt/input.txt"),
    "utf8",
  )
    .replaceAll("Digital Rights Caucus", "Closed Strategy Circle")
    .replace("Priya Raman", "Quintus Secretus")
    // a word no other report has: it must never reach a reader
    .replace("1. Updates from members", "1. Updates from members on the Quorblex charter")
    .replace("civic tech survey", "Quorblex survey");
  const secretId = await ingestBytes(db, {
    path: "test:secret.txt",
    source: "secret.txt",
    bytes: Buffer.from(secret),
    membersOnly: true,
  });
  await rebuildPeople(db, stakeholderClassifier());
  await rebuildGlossary(db);
  const token = await createToken(db, "Test Editor");
  const app = await buildApp({
    db,
    classify: stakeholderClassifier(),
    glossary: [{ acronym: "ZQX", expansion: "Zonal Quality Exchange" }],
    now: () => new Date("2024-10-20T00:00:00Z"),
  });
  return { app, db, token, hostileId, secretId };
}
