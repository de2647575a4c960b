import { nameKey } from "../extract/names.js";
/** Why a spelling belongs to its person, and how sure that is. */
export interface AliasEvidence {
  alias: string;
  evidence: string;
  confidence: number;
}

// A one-word spelling ("Carol", "Mr. Gates", "eholk") says who only inside its report: its
// node is the report's own, so two reports' "Carol" are never one person by spelling alone.
export const scoped = (key: string, source: string) =>
  key.includes(" ") ? key : `${key}\u0000${source}`;
export const baseKey = (key: string) => key.split("\u0000")[0]!;
export const isFull = (key: string) => !key.includes("\u0000") && key.includes(" ");
// words that name a role, not a person: a speaker "Chair" is whoever chaired that day
const ROLE_WORD =
  /^(?:(?:co|vice) )?(?:chair|chairman|chairwoman|chairperson|moderator|host|facilitator|secretariat|secretary|clerk|all|everyone|members?|participants?|attendees?|panel|board|group|team|staff|officials?)$/;

class UnionFind {
  private parent = new Map<string, string>();
  find(x: string): string {
    let p = this.parent.get(x) ?? x;
    if (p !== x) {
      p = this.find(p);
      this.parent.set(x, p);
    }
    return p;
  }
  union(a: string, b: string): void {
    const ra = this.find(a),
      rb = this.find(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/**
 * Spellings of people (nodes, by folded key) and the evidence that joins them. The
 * resolver's phases add spellings and joins; a spelling split off by hand is never joined.
 */
export class SpellingGraph {
  readonly spellings = new Map<string, Map<string, number>>(); // key -> display spelling -> count
  readonly listedWeight = new Map<string, number>();
  readonly meetingsOf = new Map<string, Set<string>>();
  readonly evidence = new Map<string, AliasEvidence>(); // key -> why it joined
  readonly nicks = new Map<string, Set<string>>(); // key -> nicknames
  private readonly uf = new UnionFind();

  constructor(private readonly detached: ReadonlySet<string>) {}

  /** A spelling seen in a meeting (listed, or named there); its node, or null for a role word. */
  see(display: string, source: string, listed: boolean, attended = true): string | null {
    const k0 = nameKey(display);
    if (!k0 || (!listed && ROLE_WORD.test(k0))) return null;
    const k = scoped(k0, source);
    const m = this.spellings.get(k) ?? new Map<string, number>();
    m.set(display, (m.get(display) ?? 0) + 1);
    this.spellings.set(k, m);
    if (listed) this.listedWeight.set(k, (this.listedWeight.get(k) ?? 0) + 1);
    if (attended) (this.meetingsOf.get(k) ?? this.meetingsOf.set(k, new Set()).get(k)!).add(source);
    this.uf.find(k);
    return k;
  }

  addNick(key: string, nick: string): void {
    (this.nicks.get(key) ?? this.nicks.set(key, new Set()).get(key)!).add(nick);
  }

  /** Joins two spellings for a reason, unless either was split off by hand. */
  join(a: string, b: string, why: string, confidence: number): void {
    if (a === b || this.detached.has(baseKey(a)) || this.detached.has(baseKey(b))) return;
    if (this.uf.find(a) === this.uf.find(b)) return;
    this.uf.union(a, b);
    for (const k of [a, b])
      if (!this.evidence.has(k)) this.evidence.set(k, { alias: k, evidence: why, confidence });
  }

  /** Joins by hand, whatever the splits say. */
  force(a: string, b: string, why: AliasEvidence): void {
    this.uf.union(a, b);
    this.evidence.set(b, why);
  }

  /** The nodes a name stands for: its own, or each report's node of a one-word spelling. */
  nodesOf(name: string): string[] {
    const k = nameKey(name);
    const all = isFull(k)
      ? []
      : [...this.spellings.keys()].filter((x) => !isFull(x) && baseKey(x) === k);
    return all.length ? all : [this.see(name, "", false, false)].filter((x): x is string => !!x);
  }

  /** Full-name nodes blocked by surname and by first name (near spellings are looked for inside a block). */
  blocks(): { bySurname: Map<string, string[]>; byFirst: Map<string, string[]> } {
    const bySurname = new Map<string, string[]>(),
      byFirst = new Map<string, string[]>();
    for (const k of [...this.spellings.keys()].filter(isFull)) {
      const parts = k.split(" ");
      (
        bySurname.get(parts[parts.length - 1]!) ??
        bySurname.set(parts[parts.length - 1]!, []).get(parts[parts.length - 1]!)!
      ).push(k);
      (byFirst.get(parts[0]!) ?? byFirst.set(parts[0]!, []).get(parts[0]!)!).push(k);
    }
    return { bySurname, byFirst };
  }

  /** The person (cluster) a spelling belongs to, by its representative key. */
  rootOf(key: string): string {
    return this.uf.find(key);
  }

  /** The joined spellings, one list per person. */
  clusters(): string[][] {
    const out = new Map<string, string[]>();
    for (const k of this.spellings.keys())
      (out.get(this.uf.find(k)) ?? out.set(this.uf.find(k), []).get(this.uf.find(k))!).push(k);
    return [...out.values()];
  }
}
