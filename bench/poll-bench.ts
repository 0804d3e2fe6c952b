import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../src/catalog/load-catalog.ts';
import { readFeed } from '../src/sources/feed-reader.ts';
import { FeedSourceReader } from '../src/sources/feed-source-reader.ts';
import { SourcePoller } from '../src/sources/poller.ts';
import { sourceIdFor } from '../src/sources/source-id.ts';
import type { SourceRecord } from '../src/store/store.ts';
import { benchContext, benchEnvironment } from './bench-env.ts';
import { generateFeeds } from './feed-corpus.ts';
import { cpuSince, forkBench, nextMessage, progress } from './measure.ts';

export interface PollFigures {
  poll_304_cpu_ms: number;
  poll_unchanged_cpu_ms: number;
  poll_detail: { polls_each: number; feed_kb: number; parse_cpu_ms: number };
}

/**
 * One poll of a source whose feed has not changed, as the bot's poller does it: read the source
 * from the store, a conditional GET over HTTP to a publisher on 127.0.0.1 (in another process, so
 * its CPU is not counted), then record the fetch in the store. Once with an ETag answered 304, once
 * with a publisher that sends the same 200 body every time (the body's hash is compared; nothing
 * is parsed). CPU per poll = this process's CPU time over the run / polls.
 */
export async function runPollBench(options: { polls: number }): Promise<PollFigures> {
  const catalog = loadCatalog(fileURLToPath(new URL('../config/catalog', import.meta.url)));
  const [feed] = generateFeeds({ feeds: 1, itemsPerFeed: 50, now: new Date(), clubs: catalog.entries });
  if (!feed) throw new Error('no feed generated');
  const peer = forkBench('./feed-peer.ts');
  const env = benchEnvironment();
  try {
    const ready = nextMessage<{ url: string }>(peer);
    peer.send({ body: feed.body.toString('utf8') });
    const { url } = await ready;
    const context = await benchContext(env);
    const { store } = context;
    const poller = new SourcePoller({
      store,
      logger: context.logger,
      readers: [new FeedSourceReader({ trusted: context.trustedFetcher, untrusted: context.untrustedFetcher }, context.config.sources.maxFeedBytes)],
      ingest: async (source, items, _title, recordRead) => (await context.pipeline.ingest(source, items, new Date(), { recordRead })).newItems,
    });
    const measure = async (path: string): Promise<number> => {
      const id = sourceIdFor('feed', `${url}${path}`);
      await store.addSource({ id, url: `${url}${path}`, kind: 'feed', origin: 'config', intervalSeconds: 600, nextFetchAt: new Date().toISOString() });
      const pollOnce = async (): Promise<string> => (await poller.poll((await store.getSource(id)) as SourceRecord)).status;
      const first = await pollOnce();
      if (first !== 'items') throw new Error(`the first poll of ${path} read no items (${first})`);
      for (let i = 0; i < 300; i++) await pollOnce();
      globalThis.gc?.();
      const started = cpuSince();
      for (let i = 0; i < options.polls; i++) {
        const status = await pollOnce();
        if (status !== 'unchanged') throw new Error(`a poll of the unchanged ${path} answered ${status}`);
      }
      const { cpuS } = started();
      return (cpuS * 1000) / options.polls;
    };
    const notModified = await measure('/etag.xml');
    progress(`polls: ${notModified.toFixed(3)} ms of CPU per 304`);
    const sameBody = await measure('/plain.xml');
    progress(`polls: ${sameBody.toFixed(3)} ms of CPU per unchanged 200`);

    // For scale: what reading the same body would cost, had it been parsed.
    for (let i = 0; i < 20; i++) readFeed(feed.body);
    const parsing = cpuSince();
    for (let i = 0; i < 100; i++) readFeed(feed.body);
    const parseMs = (parsing().cpuS * 1000) / 100;
    await context.trustedFetcher.close();
    await context.untrustedFetcher.close();
    await store.close();
    return {
      poll_304_cpu_ms: round(notModified),
      poll_unchanged_cpu_ms: round(sameBody),
      poll_detail: { polls_each: options.polls, feed_kb: Math.round(feed.body.length / 1024), parse_cpu_ms: round(parseMs) },
    };
  } finally {
    peer.disconnect();
    env.remove();
  }
}

const round = (value: number): number => Math.round(value * 1000) / 1000;
