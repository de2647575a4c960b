import type { Db } from "../commands/types.js";
import type { StakeholderGroup } from "../resolve/stakeholders.js";
import type { Definition } from "../resolve/glossary.js";
import type { PostingCache } from "../store/posting-cache.js";

/** What the server needs from outside: the store, the stakeholder rules, the clock. */
export interface AppDeps {
  db: Db;
  classify?: (affiliation: string | null) => StakeholderGroup | null;
  /** The user's glossary (rapporteur.config.json), kept when an upload rebuilds the glossary. */
  glossary?: Definition[];
  now: () => Date;
  logger?: boolean;
  /** Keep readers' responses while the store is unchanged (default on). */
  cache?: boolean;
  /** Posting lists search keeps in memory while the store is unchanged (one per app when absent). */
  lists?: PostingCache;
}
