import { platforms as allPlatforms, type Action, type Platform } from '../announcements/announcement.ts';
import type { Catalog, CatalogEntry } from '../catalog/types.ts';
import type { Store } from '../store/store.ts';

/** What a reader asked to see: one league, one country, one platform, or everything. */
export interface BoardFilter {
  league?: string;
  country?: string;
  platform?: Platform;
  /** Only these clubs (a digest's), by catalog id. */
  clubs?: readonly string[];
}

interface BoardCell {
  action: Action;
  since: string;
  storyId: number;
}

export interface BoardClub {
  id: string;
  name: string;
  country: string;
  league: string | null;
  /** The club's standing per platform; a platform missing here is unknown. */
  cells: Partial<Record<Platform, BoardCell>>;
}

interface BoardGroup {
  /** The league's catalog id, or null for clubs without a league (grouped by country then). */
  leagueId: string | null;
  title: string;
  clubs: BoardClub[];
}

/** The shared board, read for display (the page, the image, the JSON API): clubs down, platforms across. */
export interface BoardView {
  /** The platforms shown across, in the catalog's order; only those with news, or the one asked for. */
  platforms: Platform[];
  groups: BoardGroup[];
  /** The latest move on what is shown (ISO), null for an empty board. */
  updatedAt: string | null;
  /** Changes whenever what is shown changes: a cache key for the image. */
  signature: string;
}

/**
 * Reads the shared board through `store.getBoard()`, the same function `/clubs status` reads, so a
 * rule about what the shared board may show (whose sources count) applies here too.
 */
export async function loadBoard(store: Store, catalog: Catalog, filter: BoardFilter = {}): Promise<BoardView> {
  const entries = await store.getBoard();
  const clubs = new Map<string, BoardClub>();
  const seenPlatforms = new Set<Platform>();
  let updatedAt: string | null = null;
  const parts: string[] = [];
  for (const entry of entries) {
    const club = catalog.byId(entry.clubId);
    if (!club || !matches(club, filter)) continue;
    if (filter.platform && entry.platform !== filter.platform) continue;
    const row = clubs.get(club.id) ?? { id: club.id, name: club.name, country: club.country, league: club.league, cells: {} };
    row.cells[entry.platform] = { action: entry.action, since: entry.since, storyId: entry.storyId };
    clubs.set(club.id, row);
    seenPlatforms.add(entry.platform);
    if (updatedAt === null || entry.since > updatedAt) updatedAt = entry.since;
    parts.push(`${entry.clubId}/${entry.platform}/${entry.action}/${entry.since}/${entry.storyId}`);
  }
  const platforms = filter.platform ? [filter.platform] : allPlatforms.filter((platform) => seenPlatforms.has(platform));
  const groups = new Map<string, BoardGroup>();
  for (const club of clubs.values()) {
    const key = club.league ?? `country:${club.country}`;
    const group = groups.get(key) ?? { leagueId: club.league, title: groupTitle(catalog, club), clubs: [] };
    group.clubs.push(club);
    groups.set(key, group);
  }
  const sorted = [...groups.values()].sort((a, b) => a.title.localeCompare(b.title));
  for (const group of sorted) group.clubs.sort((a, b) => a.name.localeCompare(b.name));
  return { platforms, groups: sorted, updatedAt, signature: `${JSON.stringify(filter)}|${parts.join(';')}` };
}

function matches(club: CatalogEntry, filter: BoardFilter): boolean {
  if (filter.league && club.league !== filter.league) return false;
  if (filter.country && club.country !== filter.country) return false;
  if (filter.clubs && !filter.clubs.includes(club.id)) return false;
  return true;
}

function groupTitle(catalog: Catalog, club: BoardClub): string {
  return (club.league && catalog.byId(club.league)?.name) || club.country;
}

/** Every club in a view, in display order. */
export function boardClubs(view: BoardView): BoardClub[] {
  return view.groups.flatMap((group) => group.clubs);
}

/** The leagues and countries a reader can filter by: those of the catalog's clubs. */
export function filterChoices(catalog: Catalog): { leagues: CatalogEntry[]; countries: string[] } {
  const clubs = catalog.entries.filter((entry) => entry.kind === 'club');
  const leagueIds = new Set(clubs.flatMap((club) => (club.league ? [club.league] : [])));
  const leagues = catalog.entries.filter((entry) => entry.kind === 'league' && leagueIds.has(entry.id)).sort((a, b) => a.name.localeCompare(b.name));
  const countries = [...new Set(clubs.map((club) => club.country))].sort();
  return { leagues, countries };
}

/** A filter from what a reader typed: unknown values are errors, said in one line by the caller. */
export function parseFilter(
  catalog: Catalog,
  raw: { league?: string | null; country?: string | null; platform?: string | null },
): { filter: BoardFilter; invalid: Array<'league' | 'country' | 'platform'> } {
  const filter: BoardFilter = {};
  const invalid: Array<'league' | 'country' | 'platform'> = [];
  const { leagues, countries } = filterChoices(catalog);
  if (raw.league) {
    if (leagues.some((league) => league.id === raw.league)) filter.league = raw.league;
    else invalid.push('league');
  }
  if (raw.country) {
    const country = raw.country.toUpperCase();
    if (countries.includes(country)) filter.country = country;
    else invalid.push('country');
  }
  if (raw.platform) {
    if ((allPlatforms as readonly string[]).includes(raw.platform)) filter.platform = raw.platform as Platform;
    else invalid.push('platform');
  }
  return { filter, invalid };
}
