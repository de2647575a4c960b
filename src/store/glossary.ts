import type { Db, Queryable } from "./db.js";
import { findDefinitions, mergeGlossary, type Definition } from "../resolve/glossary.js";

/** Rebuilds the glossary from every stored report (first defining meeting wins) and the user's entries. */
export async function rebuildGlossary(db: Db, user: Definition[] = []): Promise<Definition[]> {
  const { rows } = await db.query<{ source: string; text: string }>(`SELECT m.source, d.text FROM meetings m JOIN documents d ON d.id = m.document_id ORDER BY m.start_at NULLS LAST, m.id`);
  const found: Definition[] = [];
  const seen = new Set<string>();
  for (const r of rows) for (const d of findDefinitions(r.text)) if (!seen.has(d.acronym.toUpperCase())) { seen.add(d.acronym.toUpperCase()); found.push({ ...d, source: r.source }); }
  const all = mergeGlossary(found, user);
  await db.transaction(async (tx) => {
    await tx.query(`DELETE FROM glossary`);
    await tx.query(`INSERT INTO glossary (acronym, expansion, source) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`, [all.map((d) => d.acronym), all.map((d) => d.expansion), all.map((d) => d.source ?? null)]);
  });
  return all;
}

export async function loadGlossary(db: Queryable): Promise<Definition[]> {
  return (await db.query<Definition>(`SELECT acronym, expansion, source FROM glossary ORDER BY acronym`)).rows;
}
