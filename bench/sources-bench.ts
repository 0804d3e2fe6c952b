import { createHash } from 'node:crypto';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { FeedSourceReader } from '../src/sources/feed-source-reader.ts';
import { createSafeFetcher } from '../src/sources/fetch/safe-fetch.ts';
import { SourcePoller } from '../src/sources/poller.ts';
import { nextSlot } from '../src/sources/schedule.ts';
import type { SourceReader } from '../src/sources/source-reader.ts';
import { sourceIdFor } from '../src/sources/source-id.ts';
import { benchContext, benchEnvironment } from './bench-env.ts';
import { behaviourOf, farmBody } from './feed-farm.ts';
import { cpuSince, forkBench, nextMessage, progress, sleep } from './measure.ts';

export interface SourcesFigures {
  capacity_sources: number;
  event_loop_p99_ms: number | null;
  sources_detail: Array<{ sources: number; seconds: number; reads: number; late_reads: number; overdue: number; max_late_s: number; cpu_share: number; event_loop_p99_ms: number; kept_up: boolean }>;
}

const intervalS = 600;
/** Every due source read within 10 % of its interval. */
const toleranceMs = intervalS * 100;
/** Sources per publisher host: a real host serves a few feeds, some serve many. */
const sourcesPerHost = 20;

/**
 * `capacity_sources`: the largest number of sources (10,000, 25,000, 50,000, 100,000) the bot's
 * poller, reader and pipeline keep up with for `seconds` at the default 10-minute interval: every
 * due source read within 10 % of its interval, at most 50 % of one core, event-loop p99 ≤ 50 ms.
 * The store starts in a steady state (each source read once, its slot in the coming interval);
 * the feed farm runs in another process, each host name resolving to it.
 */
export async function runSourcesBench(options: { sizes: number[]; seconds: number }): Promise<SourcesFigures> {
  const farm = forkBench('./feed-farm-peer.ts');
  const detail: SourcesFigures['sources_detail'] = [];
  let capacity = 0;
  let loopP99: number | null = null;
  try {
    const ready = nextMessage<{ port: number }>(farm);
    farm.send({});
    const { port } = await ready;
    for (const size of options.sizes) {
      const result = await trySize(size, options.seconds, port);
      detail.push(result);
      progress(`sources: ${size.toLocaleString('en')}: ${result.reads} reads, ${result.late_reads} late, ${result.overdue} overdue, CPU ${Math.round(result.cpu_share * 100)} %, loop p99 ${result.event_loop_p99_ms} ms: ${result.kept_up ? 'kept up' : 'did not keep up'}`);
      // The delay of the run at the size kept up with (of the first size when none was).
      if (result.kept_up || loopP99 === null) loopP99 = result.event_loop_p99_ms;
      if (!result.kept_up) break;
      capacity = size;
    }
  } finally {
    farm.disconnect();
  }
  return { capacity_sources: capacity, event_loop_p99_ms: loopP99, sources_detail: detail };
}

async function trySize(size: number, seconds: number, port: number): Promise<SourcesFigures['sources_detail'][number]> {
  const env = benchEnvironment();
  const context = await benchContext(env);
  const fetcher = createSafeFetcher({
    userAgent: 'clubwatch-bench',
    timeoutMs: context.config.sources.fetchTimeoutMs,
    maxBytes: context.config.sources.maxFeedBytes,
    maxRedirects: 3,
    allowPrivateAddresses: true,
    lookup: async () => [{ address: '127.0.0.1', family: 4 }],
  });
  try {
    const start = Date.now();
    await seed(context.store, size, port, start);
    let reads = 0;
    let lateReads = 0;
    let maxLateMs = 0;
    const feedReader = new FeedSourceReader({ trusted: fetcher, untrusted: fetcher }, context.config.sources.maxFeedBytes, context.feedParser);
    const timed: SourceReader = {
      kind: 'feed',
      read(source) {
        const late = Date.now() - Date.parse(source.nextFetchAt);
        reads += 1;
        if (late > toleranceMs) lateReads += 1;
        maxLateMs = Math.max(maxLateMs, late);
        return feedReader.read(source);
      },
    };
    const poller = new SourcePoller({
      store: context.store,
      logger: context.logger,
      readers: [timed],
      concurrency: context.config.sources.maxFetches,
      perHostConcurrency: context.config.sources.maxFetchesPerHost,
      ingest: async (source, items, _title, recordRead) => (await context.pipeline.ingest(source, items, new Date(), { recordRead })).newItems,
    });
    const loop = monitorEventLoopDelay({ resolution: 10 });
    globalThis.gc?.();
    const began = Date.now();
    const cpu = cpuSince();
    loop.enable();
    while (Date.now() - began < seconds * 1000) {
      const tickAt = Date.now();
      await poller.startDue();
      await sleep(Math.max(0, 5_000 - (Date.now() - tickAt)));
    }
    loop.disable();
    const used = cpu();
    const overdue = (await context.store.listDueSources(new Date(Date.now() - toleranceMs).toISOString(), 1_000_000)).length;
    const p99 = Math.round(loop.percentile(99) / 1e4) / 100;
    const cpuShare = Math.round((used.cpuS / used.wallS) * 100) / 100;
    await poller.idle();
    return {
      sources: size,
      seconds,
      reads,
      late_reads: lateReads,
      overdue,
      max_late_s: Math.round(maxLateMs / 100) / 10,
      cpu_share: cpuShare,
      event_loop_p99_ms: p99,
      kept_up: lateReads === 0 && overdue === 0 && cpuShare <= 0.5 && p99 <= 50,
    };
  } finally {
    await Promise.allSettled([fetcher.close(), context.trustedFetcher.close(), context.untrustedFetcher.close(), context.feedParser.close()]);
    await context.store.close();
    env.remove();
  }
}

/** Every source read once before, each due at its own slot of the coming interval. */
async function seed(store: Awaited<ReturnType<typeof benchContext>>['store'], size: number, port: number, now: number): Promise<void> {
  const hashes = new Map<number, string>();
  for (let start = 0; start < size; start += 1_000) {
    await store.transaction(async (tx) => {
      for (let n = start; n < Math.min(size, start + 1_000); n++) {
        const url = `http://h${Math.floor(n / sourcesPerHost)}.farm.test:${port}/f/${n}`;
        const id = sourceIdFor('feed', url);
        const behaviour = behaviourOf(n);
        await tx.addSource({ id, url, kind: 'feed', origin: 'config', intervalSeconds: intervalS, nextFetchAt: new Date(now).toISOString() });
        const body = behaviour === 'plain' ? farmBody(n) : null;
        if (body !== null && !hashes.has(n)) hashes.set(n, createHash('sha256').update(body).digest('hex'));
        await tx.recordFetchSuccess(id, {
          etag: behaviour === 'etag' ? '"v1"' : null,
          lastModified: null,
          bodyHash: body === null ? null : (hashes.get(n) ?? null),
          fetchedAt: new Date(now - intervalS * 1000).toISOString(),
          nextFetchAt: nextSlot(id, intervalS, new Date(now)).toISOString(),
        });
      }
    });
  }
}
