import { statSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { applyRetention } from '../src/items/retention.ts';
import { FeedSourceReader } from '../src/sources/feed-source-reader.ts';
import { SourcePoller } from '../src/sources/poller.ts';
import { sourceIdFor } from '../src/sources/source-id.ts';
import type { SourceRecord } from '../src/store/store.ts';
import { benchContext, benchEnvironment } from './bench-env.ts';
import { forkBench, nextMessage, progress, sleep } from './measure.ts';

export interface CapacityFigures {
  event_loop_p99_ms_big_feed: number;
  db_mb_after_rotation: number;
  capacity_detail: {
    big_feed_mb: number;
    big_feed_reads: number;
    event_loop_p99_ms_big_feed_inline: number;
    rotation_reads: number;
    rotation_items: number;
    db_mb_after_rotation_1_day: number;
  };
}

const tenMinutesMs = 600_000;

/**
 * Two capacity figures, in this process with the bot's own poller, reader and pipeline:
 * - the event loop's delay (p99, `perf_hooks.monitorEventLoopDelay`) while a 5 MB feed of 50,000
 *   items changes every second and is read every second: with the parse pool, and inline;
 * - the database's size after 200 reads, ten minutes apart, of a feed that rotates 1,000 new items
 *   per read, with retention applied each hour as the bot does: with the default 30 days, and 1 day.
 */
export async function runCapacityBench(options: { seconds: number; rotations: number }): Promise<CapacityFigures> {
  const peer = forkBench('./changing-feed-peer.ts');
  try {
    const ready = nextMessage<{ url: string; bigBytes: number }>(peer);
    peer.send({});
    const { url, bigBytes } = await ready;
    const pooled = await bigFeedDelay(url, options.seconds, {});
    progress(`capacity: event loop p99 ${pooled.p99} ms while a ${(bigBytes / 2 ** 20).toFixed(1)} MB feed changes every second (parse pool)`);
    const inline = await bigFeedDelay(url, options.seconds, { CLUBWATCH_PARSE_THREADS: '0' });
    progress(`capacity: event loop p99 ${inline.p99} ms with every body parsed on the main thread`);
    const kept30 = await rotation(url, options.rotations, {});
    progress(`capacity: database ${kept30.mb} MB after ${options.rotations} reads of a rotating feed (30 days kept)`);
    const kept1 = await rotation(url, options.rotations, { CLUBWATCH_RETENTION_DAYS: '1' });
    progress(`capacity: database ${kept1.mb} MB with 1 day kept`);
    return {
      event_loop_p99_ms_big_feed: pooled.p99,
      db_mb_after_rotation: kept30.mb,
      capacity_detail: {
        big_feed_mb: round(bigBytes / 2 ** 20),
        big_feed_reads: pooled.reads,
        event_loop_p99_ms_big_feed_inline: inline.p99,
        rotation_reads: options.rotations,
        rotation_items: kept30.items,
        db_mb_after_rotation_1_day: kept1.mb,
      },
    };
  } finally {
    peer.disconnect();
  }
}

async function bigFeedDelay(base: string, seconds: number, vars: Record<string, string>): Promise<{ p99: number; reads: number }> {
  // The feed is a little over the default 5 MB cap.
  const env = benchEnvironment({ vars: { CLUBWATCH_MAX_FEED_BYTES: String(8 * 2 ** 20), ...vars } });
  const context = await benchContext(env);
  try {
    const poller = pollerFor(context);
    const source = await addSource(context.store, `${base}/big.xml`);
    await poller.poll(source);
    const histogram = monitorEventLoopDelay({ resolution: 10 });
    histogram.enable();
    let reads = 0;
    const until = Date.now() + seconds * 1000;
    while (Date.now() < until) {
      const startedAt = Date.now();
      const outcome = await poller.poll((await context.store.getSource(source.id)) as SourceRecord);
      if (outcome.status === 'failed') throw new Error(`the big feed could not be read: ${outcome.error}`);
      reads += 1;
      await sleep(Math.max(0, 1000 - (Date.now() - startedAt)));
    }
    histogram.disable();
    return { p99: round(histogram.percentile(99) / 1e6), reads };
  } finally {
    await closeAll(context);
    env.remove();
  }
}

async function rotation(base: string, reads: number, vars: Record<string, string>): Promise<{ mb: number; items: number }> {
  const env = benchEnvironment({ vars });
  const context = await benchContext(env);
  try {
    let clock = Date.now();
    const now = () => new Date(clock);
    const poller = pollerFor(context, now);
    const source = await addSource(context.store, `${base}/rotating.xml`);
    let items = 0;
    for (let read = 0; read < reads; read++) {
      let outcome = await poller.poll((await context.store.getSource(source.id)) as SourceRecord);
      // A kept-alive connection the publisher closed while pruning ran is not what is measured: read again.
      if (outcome.status === 'failed') outcome = await poller.poll((await context.store.getSource(source.id)) as SourceRecord);
      if (outcome.status !== 'items') throw new Error(`read ${read} of the rotating feed gave ${outcome.status} ${outcome.error ?? ''}`);
      items += outcome.newItems ?? 0;
      clock += tenMinutesMs;
      // The bot's retention job runs each hour.
      if (read % 6 === 5) await applyRetention(context.store, context.config.retention, now());
    }
    await applyRetention(context.store, context.config.retention, now());
    const path = context.config.databasePath;
    await closeAll(context);
    const size = (file: string) => {
      try {
        return statSync(file).size;
      } catch {
        return 0;
      }
    };
    return { mb: round((size(path) + size(`${path}-wal`)) / 2 ** 20), items };
  } finally {
    env.remove();
  }
}

type Context = Awaited<ReturnType<typeof benchContext>>;

function pollerFor(context: Context, now?: () => Date): SourcePoller {
  return new SourcePoller({
    store: context.store,
    logger: context.logger,
    readers: [new FeedSourceReader({ trusted: context.trustedFetcher, untrusted: context.untrustedFetcher }, context.config.sources.maxFeedBytes, context.feedParser)],
    ingest: async (source, items, _title, recordRead) => (await context.pipeline.ingest(source, items, now?.() ?? new Date(), { recordRead })).newItems,
    ...(now ? { now } : {}),
  });
}

async function addSource(store: Context['store'], url: string): Promise<SourceRecord> {
  return store.addSource({ id: sourceIdFor('feed', url), url, kind: 'feed', origin: 'config', intervalSeconds: 600, nextFetchAt: new Date().toISOString() });
}

async function closeAll(context: Context): Promise<void> {
  await Promise.allSettled([context.trustedFetcher.close(), context.untrustedFetcher.close(), context.feedParser.close()]);
  await context.store.close();
}

const round = (value: number) => Math.round(value * 100) / 100;
