import type { Queryable } from "./db.js";
import { numbersOf } from "./number-lists.js";
import { visible } from "./scope.js";
import type { GlossaryAt } from "./glossary.js";
import type { KeptTerms, TermRow } from "./query-terms.js";
import { storePostings, type PostingSource } from "./posting-source.js";
import {
  keptPositions,
  load,
  loadPositions,
  memorySource,
  positionUnits,
  unitsOf,
  type List,
  type ListPositions,
} from "./posting-memory.js";

/** How many postings a process keeps (20 bytes each: 2,000,000 is 40 MB). */
export const LIST_BUDGET = 2_000_000;

// How many words' rows a process keeps (a few hundred bytes each).
const TERM_BUDGET = 50_000;

/**
 * Posting lists a serving process keeps in memory, whole, while the store's version stands
 * still (migration 014 moves it on with every change of the postings): a search then reads
 * them without a statement per round or lookup. A word's list is loaded the first time a
 * query needs it, in one statement; the least recently used go when the budget is spent.
 * A query whose lists are not held and would not fit is read from the store as before.
 * Values are the store's own (the real's text read as a double), so either way the ranking
 * is the same.
 */
export class PostingCache implements KeptTerms {
  private readonly lists = new Map<number, List>();
  private readonly loading = new Map<number, Promise<List>>();
  private version = -1n;
  private held = 0;
  private hiddenNow: Promise<ReadonlySet<number> | null> | null = null;

  constructor(private readonly budget = LIST_BUDGET) {}

  private readonly glossaries = new Map<boolean, GlossaryAt>();

  /**
   * The glossary last read for editors (`all`) or readers, with the version it was read at:
   * a search plans with it and checks that version against its terms' (search.ts).
   */
  glossary(all: boolean): GlossaryAt | undefined {
    return this.glossaries.get(all);
  }

  /** Keeps a glossary read with its version (the newer of two reads stays). */
  keepGlossary(all: boolean, g: GlossaryAt): void {
    const had = this.glossaries.get(all);
    if (!had || BigInt(had.version) <= BigInt(g.version)) this.glossaries.set(all, g);
  }

  private readonly terms = new Map<string, TermRow[]>();
  private n = "0";

  /** Words' rows held for the version held, when all are (see `KeptTerms`). */
  termRows(keys: readonly string[]) {
    if (this.version < 0n) return null;
    const rows = new Map<string, TermRow[]>();
    for (const k of keys) {
      const r = this.terms.get(k);
      if (!r) return null;
      rows.set(k, r);
    }
    return { version: String(this.version), n: this.n, rows };
  }

  /** Keeps words' rows read at `version` (what is held for an older one goes). */
  keepTermRows(version: string, n: string, rows: ReadonlyMap<string, TermRow[]>): void {
    if (!this.at(BigInt(version))) return;
    // (words asked over a long life: a bound, then start again)
    if (this.terms.size > TERM_BUDGET) this.terms.clear();
    this.n = n;
    for (const [k, r] of rows) this.terms.set(k, r);
  }

  // Moves what is held on to version `v` (dropping what an older one held); false when `v`
  // is older than what is held.
  private at(v: bigint): boolean {
    if (v < this.version) return false;
    if (v > this.version) {
      this.lists.clear();
      this.loading.clear();
      this.held = 0;
      this.hiddenNow = null;
      this.terms.clear();
      this.unpositioned.clear();
      this.version = v;
    }
    return true;
  }

  /** How many postings are held now. */
  get size(): number {
    return this.held;
  }

  /**
   * A source over these terms' lists at the store's `version` (as read with the terms),
   * loading those not held; null when they would not fit or the version is older than held.
   */
  async source(
    db: Queryable,
    version: string,
    terms: readonly { id: number; df: number }[],
  ): Promise<PostingSource | null> {
    const v = BigInt(version);
    if (!this.at(v)) return null;
    const missing = terms.filter((t) => !this.lists.has(t.id) && !this.loading.has(t.id));
    const needed = terms.reduce((a, t) => a + (this.lists.get(t.id)?.sid.length ?? t.df), 0);
    if (needed > this.budget) return null;
    if (missing.length) {
      const batch = load(
        db,
        missing.map((t) => t.id),
      );
      missing.forEach((t, i) => {
        const one = batch.then((ls) => ls[i]!);
        this.loading.set(t.id, one);
        void one.then(
          (l) => this.keep(t.id, l, v),
          () => this.loading.delete(t.id),
        );
      });
    }
    const mine = new Map<number, List>();
    for (const t of terms) {
      const l = this.lists.get(t.id) ?? (await this.loading.get(t.id));
      if (!l) return null; // (dropped by a newer version while loading)
      mine.set(t.id, l);
      this.touch(t.id);
    }
    this.evict();
    return memorySource(
      mine,
      () => this.hidden(db, v),
      async (pairs) =>
        (await this.positioned(db, v, mine, [...new Set(pairs.map((x) => x[1]))]))
          ? keptPositions(mine)
          : storePostings(db).positions(pairs),
    );
  }

  private readonly positionsLoading = new WeakMap<List, Promise<ListPositions | null>>();
  // lists whose positions would not fit beside the query's lists, at the version held
  private readonly unpositioned = new Set<number>();

  // Loads the positions of these lists (of the query's own `mine`) that lack them, read at
  // version `v`; false when some are not kept: they would not fit in the budget beside the
  // query's own lists (at least 0.3 of a posting each: their offset and one position), or
  // the store moved on. The candidates' positions are then read from the store.
  private async positioned(
    db: Queryable,
    v: bigint,
    mine: ReadonlyMap<number, List>,
    ids: number[],
  ): Promise<boolean> {
    let own = [...mine.values()].reduce((a, l) => a + unitsOf(l), 0);
    const lacking = ids.map((id) => mine.get(id)).filter((l) => l && !l.pos) as List[];
    const guess = lacking.reduce((a, l) => a + Math.ceil(0.3 * l.sid.length), 0);
    if (ids.some((id) => this.unpositioned.has(id)) || own + guess > this.budget) return false;
    for (const id of ids) {
      const l = mine.get(id);
      if (!l) return false;
      if (l.pos) continue;
      let loading = this.positionsLoading.get(l);
      if (!loading) {
        loading = loadPositions(db, id, l, v).catch(() => null);
        this.positionsLoading.set(l, loading);
      }
      const pos = await loading;
      this.positionsLoading.delete(l);
      if (!pos) return false;
      if (l.pos) continue;
      if (own + positionUnits(pos) > this.budget) {
        if (v === this.version) this.unpositioned.add(id);
        return false;
      }
      own += positionUnits(pos);
      l.pos = pos;
      // (held only while the list is: eviction takes both off)
      if (this.lists.get(id) === l) this.held += positionUnits(pos);
    }
    this.evict();
    return true;
  }

  // The sections readers may not see at version `v`, read once per version with the version
  // in the same statement: kept only when that is `v` (a write between the two reads asks
  // the store again).
  private hidden(db: Queryable, v: bigint): Promise<ReadonlySet<number> | null> {
    if (v !== this.version) return Promise.resolve(null);
    this.hiddenNow ??= loadHidden(db).then(
      (h) => (h.version === v ? h.ids : null),
      () => null,
    );
    return this.hiddenNow;
  }

  private keep(id: number, l: List, v: bigint): void {
    if (v !== this.version || this.loading.get(id) === undefined) return;
    this.loading.delete(id);
    this.lists.set(id, l);
    this.held += l.sid.length;
  }

  // most recently used last
  private touch(id: number): void {
    const l = this.lists.get(id);
    if (!l) return;
    this.lists.delete(id);
    this.lists.set(id, l);
  }

  // The least recently used first; this query's lists last (it keeps its own references):
  // document frequencies lag behind new sections, so a list can turn out longer than told.
  private evict(): void {
    for (const [id, l] of this.lists) {
      if (this.held <= this.budget) return;
      this.lists.delete(id);
      this.held -= unitsOf(l);
    }
  }
}

// The sections of meetings a reader may not see (the rule of scope.ts), and the version.
async function loadHidden(db: Queryable): Promise<{ version: bigint; ids: ReadonlySet<number> }> {
  const { rows } = await db.query<{ v: string; ids: string | null }>(
    `SELECT sv.version::text AS v,
       (SELECT array_agg(s.id)::text FROM sections s JOIN meetings m ON m.id = s.meeting_id
        WHERE NOT (${visible({ editor: null })})) AS ids
     FROM store_version sv WHERE sv.id = 1`,
  );
  return { version: BigInt(rows[0]?.v ?? -1), ids: new Set(numbersOf(rows[0]?.ids)) };
}
