import type http from 'node:http';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedSourceReader } from '../../src/sources/feed-source-reader.ts';
import { createSafeFetcher, type SafeFetcher } from '../../src/sources/fetch/safe-fetch.ts';
import { SourcePoller, type PollerOptions } from '../../src/sources/poller.ts';
import { sourceIdFor } from '../../src/sources/source-id.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { FeedServer } from '../helpers/feed-server.ts';

const interval = 600;
const feed = (title: string) =>
  `<?xml version="1.0"?><rss version="2.0"><channel><title>${title}</title><item><title>${title} news</title><guid>${title}-1</guid></item></channel></rss>`;

/** A publisher that holds each request until the test lets it go, counting how many it holds at once. */
class HeldPublisher {
  readonly server = new FeedServer();
  held: Array<() => void> = [];
  inFlight = 0;
  mostAtOnce = 0;
  holding = true;

  route(path: string): this {
    this.server.route(path, { handler: (req, res) => this.answer(path, req, res) });
    return this;
  }

  releaseAll(): void {
    this.holding = false;
    for (const release of this.held.splice(0)) release();
  }

  private answer(path: string, _req: http.IncomingMessage, res: http.ServerResponse): void {
    this.inFlight += 1;
    this.mostAtOnce = Math.max(this.mostAtOnce, this.inFlight);
    const finish = () => {
      this.inFlight -= 1;
      res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(feed(path.slice(1)));
    };
    if (this.holding) this.held.push(finish);
    else finish();
  }
}

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!condition()) throw new Error('condition never met');
}

describe('fair fetching', () => {
  let store: Store;
  let fetcher: SafeFetcher;
  const servers: FeedServer[] = [];

  beforeEach(async () => {
    store = await openSqliteStore({ path: ':memory:' });
    fetcher = createSafeFetcher({ userAgent: 'clubwatch-test', timeoutMs: 10_000, maxBytes: 1_000_000, maxRedirects: 3, allowPrivateAddresses: true });
  });
  afterEach(async () => {
    await fetcher.close();
    await store.close();
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  function poller(options: Partial<PollerOptions> = {}): SourcePoller {
    return new SourcePoller({
      store,
      readers: [new FeedSourceReader({ trusted: fetcher, untrusted: fetcher }, 1_000_000)],
      ingest: async (_source, items) => items.length,
      logger: pino({ level: 'silent' }),
      ...options,
    });
  }

  async function serve(server: FeedServer): Promise<string> {
    servers.push(server);
    return server.start();
  }

  async function addFeed(url: string, origin: 'config' | 'server' = 'config', nextFetchAt = new Date().toISOString()) {
    return store.addSource({ id: sourceIdFor('feed', url), url, kind: 'feed', origin, intervalSeconds: interval, nextFetchAt });
  }

  async function heldFeeds(count: number, prefix: string): Promise<HeldPublisher> {
    const publisher = new HeldPublisher();
    const base = await serve(publisher.server);
    for (let i = 0; i < count; i++) {
      publisher.route(`/${prefix}${i}`);
      await addFeed(`${base}/${prefix}${i}`);
    }
    return publisher;
  }

  /** `count` feeds that answer at once, on one host of their own; their source ids. */
  async function servedFeeds(count: number, prefix: string): Promise<string[]> {
    const server = new FeedServer();
    const base = await serve(server);
    const ids: string[] = [];
    for (let n = 0; n < count; n++) {
      server.route(`/${prefix}${n}`, { body: feed(`${prefix}${n}`) });
      ids.push((await addFeed(`${base}/${prefix}${n}`)).id);
    }
    return ids;
  }

  it('reads at most two feeds of one host at once, however many are due', async () => {
    const publisher = await heldFeeds(6, 'f');
    const reads = poller().tick();
    await until(() => publisher.held.length === 2);
    // The other four wait their turn, each starting as one finishes.
    publisher.releaseAll();
    const outcomes = await reads;
    expect(outcomes.map((outcome) => outcome.status)).toEqual(Array(6).fill('items'));
    expect(publisher.mostAtOnce).toBe(2);
  });

  it('reads a fast host while a slow host holds its two slots', async () => {
    const slow = await heldFeeds(4, 'slow');
    const fast = new FeedServer({ '/fast': { body: feed('fast') } });
    const fastSource = await addFeed(`${await serve(fast)}/fast`);

    const reads = poller().tick();
    await until(() => slow.held.length === 2);
    for (let i = 0; i < 500 && (await store.getSource(fastSource.id))?.lastSuccessAt == null; i++) await new Promise((r) => setTimeout(r, 10));
    expect((await store.getSource(fastSource.id))?.lastSuccessAt).not.toBeNull();
    // Read while the slow host had not answered anything yet.
    expect(slow.held).toHaveLength(2);
    expect(slow.mostAtOnce).toBe(2);
    slow.releaseAll();
    expect(await reads).toHaveLength(5);
  });

  it('shares one host’s due feeds between two processes claiming reads, each feed read once', async () => {
    await servedFeeds(24, 'f');
    const read: string[][] = [[], []];
    // A few reads at a time each, so that one listing's claims cannot take every due feed.
    const pollers = read.map((ids) =>
      poller({ claimReads: true, concurrency: 1, perHostConcurrency: 1, ingest: async (source, items) => (ids.push(source.id), items.length) }),
    );
    for (let round = 0; round < 50; round++) {
      const outcomes = await Promise.all(pollers.map((each) => each.tick()));
      if (outcomes.every((list) => list.length === 0)) break;
    }
    const all = read.flat();
    expect(all).toHaveLength(24);
    expect(new Set(all).size).toBe(24);
    expect(read.every((ids) => ids.length > 0)).toBe(true);
  });

  it('goes on to the due feeds after those another process claimed first, in the same tick', async () => {
    await servedFeeds(12, 'f');
    // The first claims of this process are all won by another one.
    const taken = new Set<string>();
    const contested: Store = Object.create(store, {
      claimSourceReads: {
        value: async (claims: Array<{ id: string; dueAt: string; until: string }>) => {
          if (taken.size > 0) return store.claimSourceReads(claims);
          for (const claim of claims) taken.add(claim.id);
          return new Set<string>();
        },
      },
    }) as Store;
    const outcomes = await poller({ store: contested, claimReads: true, concurrency: 1, perHostConcurrency: 1 }).tick();
    expect(taken.size).toBe(4);
    expect(outcomes).toHaveLength(4);
    expect(outcomes.every((outcome) => !taken.has(outcome.sourceId))).toBe(true);
  });

  it('goes on with the due sources beyond one queue as reads finish, without waiting for the next tick', async () => {
    const ids: string[] = [];
    for (let host = 0; host < 5; host++) ids.push(...(await servedFeeds(6, `h${host}f`)));
    // One read at a time: a queue of 8, so one listing takes 8 of the 30 due sources.
    const reader = poller({ concurrency: 1 });
    expect(await reader.startDue()).toHaveLength(8);
    const read = async () => (await Promise.all(ids.map((id) => store.getSource(id)))).filter((source) => source?.lastSuccessAt != null).length;
    for (let i = 0; i < 500 && (await read()) < 30; i++) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(await read()).toBe(30);
    await reader.idle();
  });

  it('never reads more feeds at once than the global limit, whatever the hosts', async () => {
    const publishers = [await heldFeeds(2, 'a'), await heldFeeds(2, 'b'), await heldFeeds(2, 'c')];
    const held = () => publishers.reduce((sum, publisher) => sum + publisher.held.length, 0);
    const reads = poller({ concurrency: 3 }).tick();
    await until(() => held() === 3);
    // Give any read over the limit the chance to show before letting the first ones go.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(held()).toBe(3);
    for (const publisher of publishers) publisher.releaseAll();
    expect((await reads).map((outcome) => outcome.status)).toEqual(Array(6).fill('items'));
  });

  it('reads a source less often after a slow answer, and at its usual interval after a quick one', async () => {
    const server = new FeedServer({ '/slow': { body: feed('slow'), delayMs: 400 }, '/quick': { body: feed('quick') } });
    const base = await serve(server);
    const slow = await addFeed(`${base}/slow`);
    const quick = await addFeed(`${base}/quick`);
    await poller({ slowReadMs: 150 }).tick();
    const gap = async (id: string) => {
      const source = await store.getSource(id);
      return (Date.parse(source!.nextFetchAt) - Date.parse(source!.lastSuccessAt!)) / 1000;
    };
    expect(await gap(slow.id)).toBeGreaterThanOrEqual(2 * interval);
    expect(await gap(quick.id)).toBeLessThanOrEqual(interval);
  });

  it('counts only the publisher’s time as slow: a slow pipeline after a quick answer keeps the usual interval', async () => {
    const server = new FeedServer({ '/quick': { body: feed('quick') } });
    const quick = await addFeed(`${await serve(server)}/quick`);
    const slowPipeline = poller({
      slowReadMs: 150,
      ingest: async (_source, items) => {
        await new Promise((resolve) => setTimeout(resolve, 400));
        return items.length;
      },
    });
    expect((await slowPipeline.tick()).map((outcome) => outcome.status)).toEqual(['items']);
    const source = await store.getSource(quick.id);
    expect((Date.parse(source!.nextFetchAt) - Date.parse(source!.lastSuccessAt!)) / 1000).toBeLessThanOrEqual(interval);
  });

  it('records a read in the transaction that records its items: a pipeline that fails after it leaves the read unrecorded', async () => {
    const server = new FeedServer({ '/feed': { body: feed('feed') } });
    const source = await addFeed(`${await serve(server)}/feed`);
    const failing = poller({
      ingest: async (_source, items, _title, recordRead) =>
        store.transaction(async (transaction) => {
          await transaction.recordNewItems(
            items.map((item) => ({ sourceId: source.id, key: item.key, title: item.title, text: '', link: item.link, published: item.published, lang: item.lang })),
            new Date().toISOString(),
          );
          await recordRead(transaction);
          throw new Error('the pipeline broke');
        }),
    });
    const [outcome] = await failing.tick();
    expect(outcome).toMatchObject({ status: 'failed', error: 'the pipeline broke' });
    const after = await store.getSource(source.id);
    // Neither the items nor the read's validators were kept: the next read starts over.
    expect(after?.lastSuccessAt).toBeNull();
    expect(after?.bodyHash).toBeNull();
    expect(after?.consecutiveFailures).toBe(1);
    // The next read finds the items new, and records itself with them.
    const again = await poller({
      ingest: async (_source, items, _title, recordRead) =>
        store.transaction(async (transaction) => {
          const fresh = await transaction.recordNewItems(
            items.map((item) => ({ sourceId: source.id, key: item.key, title: item.title, text: '', link: item.link, published: item.published, lang: item.lang })),
            new Date().toISOString(),
          );
          await recordRead(transaction);
          return fresh.length;
        }),
    }).poll(after!);
    expect(again).toMatchObject({ status: 'items', newItems: 1 });
    expect((await store.getSource(source.id))?.lastSuccessAt).not.toBeNull();
  });

  it('waits as long as a publisher’s 429 Retry-After asks, for every feed of that host', async () => {
    const server = new FeedServer({
      '/limited': { status: 429, headers: { 'retry-after': '7200' }, body: 'slow down' },
      '/other': { body: feed('other') },
    });
    const base = await serve(server);
    const limited = await addFeed(`${base}/limited`);
    const other = await addFeed(`${base}/other`, 'config', new Date(Date.now() + 60_000).toISOString());
    const reader = poller();
    const before = Date.now();
    const [outcome] = await reader.tick();
    expect(outcome?.error).toBe('HTTP 429 (asks to wait 7200 s)');
    expect(Date.parse((await store.getSource(limited.id))!.nextFetchAt)).toBeGreaterThanOrEqual(before + 7_200_000);

    // The host's other feed falls due: it is not requested before the time the publisher gave.
    await store.deferSource(other.id, new Date().toISOString());
    expect(await reader.tick()).toEqual([]);
    expect(server.requestsTo('/other')).toHaveLength(0);
    expect(Date.parse((await store.getSource(other.id))!.nextFetchAt)).toBeGreaterThanOrEqual(before + 7_200_000);
  });

  it('honours a 503 whose Retry-After is a date', async () => {
    const at = new Date(Date.now() + 3 * 3_600_000);
    at.setMilliseconds(0);
    const server = new FeedServer({ '/down': { status: 503, headers: { 'retry-after': at.toUTCString() } } });
    const source = await addFeed(`${await serve(server)}/down`);
    const [outcome] = await poller().tick();
    expect(outcome?.status).toBe('failed');
    expect(Date.parse((await store.getSource(source.id))!.nextFetchAt)).toBeGreaterThanOrEqual(at.getTime() - 1000);
  });

  it('reads many due sources of one host a few per tick, then spreads their next reads over the interval', async () => {
    const publisher = await heldFeeds(30, 's');
    publisher.holding = false;
    const now = Date.now();
    const reader = poller();
    // A few are queued for the host at each tick (two read at a time); the rest wait for the next ticks.
    expect(await reader.tick()).toHaveLength(8);
    let ticks = 1;
    while ((await reader.tick()).length > 0) ticks += 1;
    expect(ticks).toBe(4);
    expect(publisher.mostAtOnce).toBeLessThanOrEqual(2);
    const slots = (await store.listSources()).map((source) => Date.parse(source.nextFetchAt));
    for (const slot of slots) {
      expect(slot).toBeGreaterThan(now);
      expect(slot).toBeLessThanOrEqual(now + interval * 1000 + 60_000);
    }
    // Thirty slots spread over ten minutes, not thirty reads at one moment.
    expect(new Set(slots).size).toBe(30);
    expect(Math.max(...slots) - Math.min(...slots)).toBeGreaterThan((interval * 1000) / 2);
  });
});
