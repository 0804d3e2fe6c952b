import type { Catalog, CatalogEntry } from '../catalog/types.ts';
import type { Store } from '../store/store.ts';
import { formatDate } from '../summaries/compose.ts';
import { platformName, verbPhrase } from '../summaries/phrases.ts';
import { UserError } from '../errors.ts';

/** A club from what a user typed: a catalog id, a name, an alias or a nickname. */
function findClub(catalog: Catalog, query: string): CatalogEntry {
  const entry = catalog.byId(query) ?? catalog.search(query, 1)[0];
  if (!entry) throw new UserError(`No club in the catalog matches "${query}". Try \`clubwatch clubs\` for the list.`);
  return entry;
}

/** `clubwatch clubs [--json]`: the catalog, as the `clubs --json` contract describes. */
export function printCatalog(catalog: Catalog, json: boolean, output: NodeJS.WritableStream): void {
  const entries = catalog.entries.map((entry) => ({
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    aliases: [...entry.shortNames, ...entry.aliases],
    city: entry.city,
    country: entry.country,
    league: entry.league,
    accounts: entry.accounts,
  }));
  if (json) {
    output.write(`${JSON.stringify(entries, null, 2)}\n`);
    return;
  }
  for (const entry of entries) output.write(`${entry.id.padEnd(36)} ${entry.name} (${entry.country}${entry.league ? `, ${entry.league}` : ''})\n`);
  output.write(`${entries.length} entries\n`);
}

/** `clubwatch status [club]`: the board in the terminal. */
export async function printBoard(store: Store, catalog: Catalog, query: string | undefined, output: NodeJS.WritableStream): Promise<void> {
  const club = query ? findClub(catalog, query) : undefined;
  const board = await store.getBoard(club?.id);
  if (board.length === 0) {
    output.write(club ? `No news yet about ${club.name}.\n` : 'The board is empty: no story has been seen yet.\n');
    return;
  }
  const stories = new Map((await store.getStories(board.map((entry) => entry.storyId))).map((story) => [story.id, story]));
  let current = '';
  for (const entry of board) {
    if (entry.clubId !== current) {
      current = entry.clubId;
      output.write(`${catalog.byId(entry.clubId)?.name ?? entry.clubId}\n`);
    }
    const story = stories.get(entry.storyId);
    const outlets = new Set(story?.reports.map((report) => report.outlet)).size;
    output.write(
      `  ${platformName(entry.platform).padEnd(10)} ${verbPhrase('en', entry.action, entry.platform, 1, false).padEnd(12)} since ${formatDate(entry.since, 'en')}` +
        ` (${outlets} outlet${outlets === 1 ? '' : 's'})\n`,
    );
    for (const report of story?.reports.slice(0, 3) ?? []) if (report.link) output.write(`               ${report.link}\n`);
  }
}
