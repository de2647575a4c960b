import type { Db, Queryable } from "./db.js";
import { faultPoint } from "./fault.js";
import type { Viewer } from "../model/viewer.js";
import { findDefinitions, mergeGlossary, type Definition } from "../resolve/glossary.js";

/** Rebuilds the glossary from every stored report (first defining meeting wins) and the user's entries. */
export async function rebuildGlossary(db: Db, user: Definition[] = []): Promise<Definition[]> {
  // the reports are read a page at a time, in meeting order: a big store's text is large
  const order = (
    await db.query<{ id: number }>(
      `SELECT d.id FROM meetings m JOIN documents d ON d.id = m.document_id ORDER BY m.start_at NULLS LAST, m.id`,
    )
  ).rows.map((r) => r.id);
  const found: Definition[] = [];
  // a definition in parentheses anywhere wins over one learned without them
  const loose: Definition[] = [];
  const seen = new Set<string>();
  for (let at = 0; at < order.length; at += PAGE) {
    const ids = order.slice(at, at + PAGE);
    const { rows } = await db.query<{ id: number; source: string; text: string }>(
      `SELECT d.id, m.source, d.text FROM documents d JOIN meetings m ON m.document_id = d.id WHERE d.id = ANY($1::int[])`,
      [ids],
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const id of ids) {
      const r = byId.get(id);
      if (r)
        for (const { loose: weak, ...d } of findDefinitions(r.text)) {
          if (weak) loose.push({ ...d, source: r.source });
          else if (!seen.has(d.acronym.toUpperCase())) {
            seen.add(d.acronym.toUpperCase());
            found.push({ ...d, source: r.source });
          }
        }
    }
  }
  for (const d of loose)
    if (!seen.has(d.acronym.toUpperCase())) {
      seen.add(d.acronym.toUpperCase());
      found.push(d);
    }
  const all = mergeGlossary(found, user);
  await db.transaction(async (tx) => {
    await tx.query(`DELETE FROM glossary`);
    faultPoint("rebuild-glossary");
    await tx.query(
      `INSERT INTO glossary (acronym, expansion, source) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
      [all.map((d) => d.acronym), all.map((d) => d.expansion), all.map((d) => d.source ?? null)],
    );
  });
  return all;
}

const PAGE = 500;

export async function loadGlossary(db: Queryable): Promise<Definition[]> {
  return (
    await db.query<Definition>(`SELECT acronym, expansion, source FROM glossary ORDER BY acronym`)
  ).rows;
}

/**
 * The glossary a viewer may use: the user's entries and what the meetings they may see
 * define (an acronym learned only from a members-only meeting stays unknown to readers).
 */
export async function glossaryFor(
  db: Queryable,
  v: Viewer,
): Promise<{ acronym: string; expansion: string }[]> {
  return (await glossaryAt(db, v)).entries;
}

/** A viewer's glossary with the store's version it was read at (one statement, one snapshot). */
export interface GlossaryAt {
  version: string;
  entries: { acronym: string; expansion: string }[];
}

/**
 * `glossaryFor`, with the version: what a serving process keeps between searches. A function
 * keeping its plan (migration 015), with the rule of scope.ts.
 */
export async function glossaryAt(db: Queryable, v: Viewer): Promise<GlossaryAt> {
  const { rows } = await db.query<{ v: string; g: string }>(
    `SELECT (SELECT version::text FROM store_version WHERE id = 1) AS v,
       coalesce(json_agg(json_build_object('acronym', g.acronym, 'expansion', g.expansion)), '[]')::text AS g
     FROM glossary_for($1) g`,
    [!!v.editor],
  );
  return { version: rows[0]!.v, entries: JSON.parse(rows[0]!.g) as GlossaryAt["entries"] };
}
