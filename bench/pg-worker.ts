import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../src/catalog/load-catalog.ts';
import { FeedSourceReader } from '../src/sources/feed-source-reader.ts';
import { SourcePoller } from '../src/sources/poller.ts';
import type { SourceRecord } from '../src/store/store.ts';
import { memoryFetcher } from './memory-fetcher.ts';
import { benchContext, benchEnvironment } from './bench-env.ts';
import { generateFeeds } from './feed-corpus.ts';

/**
 * One worker of the PostgreSQL ingest bench, in a process of its own (forked by pg-bench.ts): the
 * bot's context on the shared database, the real poller claiming each due source's read, the
 * pipeline storing what it finds. Answers `ready`, waits for `go`, reads until nothing is due, then
 * answers with the items it recorded.
 */
export interface WorkerSetup {
  databaseUrl: string;
  feeds: number;
  itemsPerFeed: number;
  now: string;
}

process.once('message', (setup: WorkerSetup) => {
  run(setup).catch((err: unknown) => {
    process.send?.({ error: err instanceof Error ? (err.stack ?? err.message) : String(err) }, () => process.exit(1));
  });
});

async function run(setup: WorkerSetup): Promise<void> {
  const now = new Date(setup.now);
  const catalog = loadCatalog(fileURLToPath(new URL('../config/catalog', import.meta.url)));
  // The feeds the sources give, then 60 more to warm up on (as the in-process ingest bench does).
  const generated = generateFeeds({ feeds: setup.feeds + 60, itemsPerFeed: setup.itemsPerFeed, now, clubs: catalog.entries });
  const bodies = new Map(generated.map((feed) => [feed.url, feed.body]));
  const fetcher = memoryFetcher(bodies);
  const env = benchEnvironment({ vars: { CLUBWATCH_DATABASE_URL: setup.databaseUrl, CLUBWATCH_MAX_ANNOUNCED_PER_RUN: String(setup.itemsPerFeed) } });
  const context = await benchContext(env);
  let items = 0;
  const poller = new SourcePoller({
    store: context.store,
    logger: context.logger,
    readers: [new FeedSourceReader({ trusted: fetcher, untrusted: fetcher }, context.config.sources.maxFeedBytes)],
    claimReads: true,
    concurrency: 8,
    perHostConcurrency: 8,
    now: () => now,
    ingest: async (source, found, _title, recordRead) => {
      const result = await context.pipeline.ingest(source, found, new Date(), { recordRead });
      items += result.newItems;
      return result.newItems;
    },
  });
  // Warm, as a worker that has run for a while is: the feed reader and the extractor over feeds that
  // are not measured (a cold process spends its first thousands of items compiling them).
  const reader = new FeedSourceReader({ trusted: fetcher, untrusted: fetcher }, context.config.sources.maxFeedBytes);
  for (const feed of generated.slice(setup.feeds)) {
    const read = await reader.read({ id: 'warm-up', url: feed.url, kind: 'feed', origin: 'config', bodyHash: null, etag: null, lastModified: null } as SourceRecord);
    if (read.status !== 'items') continue;
    for (const item of read.items) context.extractor.extract({ text: `${item.title}\n${item.text}`, lang: item.lang });
  }
  process.send?.({ ready: true });
  await new Promise((resolve) => process.once('message', resolve));
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (;;) {
    const outcomes = await poller.tick();
    if (outcomes.length === 0) break;
  }
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const cpuMs = (used.user + used.system) / 1000;
  await context.store.close();
  await context.feedParser.close();
  env.remove();
  process.send?.({ items, wallMs, cpuMs }, () => process.exit(0));
}
