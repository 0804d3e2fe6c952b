import type { Config } from '../config/config.ts';
import { UserError } from '../errors.ts';
import { sourceIdFor } from '../sources/source-id.ts';
import type { SourceRecord, Store } from '../store/store.ts';
import { errorLine } from './error-line.ts';
import { feedAddress, readFeedOnce } from './read-feed.ts';

function describe(source: SourceRecord): string {
  const state = source.failingSince
    ? `failing since ${source.failingSince}: ${source.lastError ?? 'unknown error'}`
    : source.lastSuccessAt
      ? `ok, last read ${source.lastSuccessAt}`
      : 'not read yet';
  return `${source.id}  ${source.origin.padEnd(8)} ${source.url}\n    ${state}; next read ${source.nextFetchAt}`;
}

/** `clubwatch sources add URL | list | remove ID`: the operator's own sources, trusted, kept in the store. */
export async function runSources(store: Store, config: Config, args: string[], output: NodeJS.WritableStream): Promise<void> {
  const [verb, target] = args;
  switch (verb) {
    case 'add': {
      if (!target) throw new UserError('Usage: clubwatch sources add URL_OR_FILE');
      const url = feedAddress(target);
      const id = sourceIdFor('feed', url);
      if (await store.getSource(id)) throw new UserError(`${url} is already a source (${id}).`);
      // Read once before adding, so a typo or a web page is refused now rather than failing at every poll.
      const feed = await readFeedOnce(url, config).catch((err: unknown) => {
        throw new UserError(`${target} was not added: ${errorLine(err)}`);
      });
      const source = await store.addSource({
        id,
        url,
        kind: 'feed',
        origin: 'operator',
        intervalSeconds: config.sources.pollIntervalSeconds,
        nextFetchAt: new Date().toISOString(),
      });
      output.write(
        `Added ${feed.title ?? source.url} (${source.url}, ${feed.items.length} items) as ${source.id}. The running bot reads it at its next tick; its current items are recorded, not announced.\n`,
      );
      return;
    }
    case 'remove': {
      if (!target) throw new UserError('Usage: clubwatch sources remove ID');
      const source = await store.getSource(target);
      if (!source) throw new UserError(`No source has the id ${target}. \`clubwatch sources list\` shows them.`);
      if (source.origin === 'config' || source.origin === 'sample') {
        throw new UserError(`${target} comes from config/; remove it from config/sources.json instead.`);
      }
      await store.removeSource(target);
      output.write(`Removed ${source.url}.\n`);
      return;
    }
    case 'list':
    case undefined: {
      const sources = await store.listSources();
      if (sources.length === 0) output.write('No sources yet: they are added from config/ when the bot starts.\n');
      for (const source of sources) output.write(`${describe(source)}\n`);
      return;
    }
    default:
      throw new UserError(`Unknown sources command "${verb}". Use add, list or remove.`);
  }
}
