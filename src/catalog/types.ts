import type { Platform } from '../announcements/announcement.ts';

export type EntryKind = 'club' | 'federation' | 'league';

/** One club (or federation, or league) the catalog knows. */
export interface CatalogEntry {
  /** Stable id, kebab-case ASCII: "olympique-de-marseille". */
  id: string;
  kind: EntryKind;
  /** Official name. */
  name: string;
  /** Short names used in summaries ("OM", "Red Star"); the first is the preferred one. */
  shortNames: string[];
  /** Other names fans and journalists use, any language ("l'OM", "le club phocéen", "Kiezklub"). */
  aliases: string[];
  city: string | null;
  /** ISO 3166-1 alpha-2, or "GB-ENG" / "GB-SCT" for England and Scotland. */
  country: string;
  /** League id (a catalog entry of kind "league"), null for federations and leagues. */
  league: string | null;
  /**
   * Known accounts: handle or URL per platform; for Bluesky a handle and, when known, the DID, with the
   * address of the published page that names the account.
   */
  accounts: Partial<Record<Platform, string>> & { blueskyDid?: string; blueskySource?: string };
  /** Names that alone do not identify this entry ("Borussia", "Bremen"): they need more context. */
  ambiguous: string[];
}

export interface Catalog {
  entries: readonly CatalogEntry[];
  byId(id: string): CatalogEntry | undefined;
  /** Accent- and case-insensitive match on id, names, short names and aliases, best first. */
  search(query: string, limit?: number): CatalogEntry[];
  /** The name to use in a summary: the first short name, else the official name. */
  displayName(id: string): string;
}
