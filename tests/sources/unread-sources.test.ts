import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedSourceReader } from '../../src/sources/feed-source-reader.ts';
import { createSafeFetcher, type SafeFetcher } from '../../src/sources/fetch/safe-fetch.ts';
import { SourcePoller } from '../../src/sources/poller.ts';
import { sourceIdFor } from '../../src/sources/source-id.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { FeedServer } from '../helpers/feed-server.ts';

const dayMs = 86_400_000;
const feed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Club news</title><item><title>News</title><guid>1</guid></item></channel></rss>`;

describe('polling only what someone reads', () => {
  let store: Store;
  let fetcher: SafeFetcher;
  let server: FeedServer;
  let poller: SourcePoller;

  beforeEach(async () => {
    store = await openSqliteStore({ path: ':memory:' });
    fetcher = createSafeFetcher({ userAgent: 'clubwatch-test', timeoutMs: 10_000, maxBytes: 1_000_000, maxRedirects: 3, allowPrivateAddresses: true });
    server = new FeedServer({ '/shared.xml': { body: feed }, '/operator.xml': { body: feed } });
    await server.start();
    poller = new SourcePoller({
      store,
      readers: [new FeedSourceReader({ trusted: fetcher, untrusted: fetcher }, 1_000_000)],
      ingest: async (_source, items) => items.length,
      logger: pino({ level: 'silent' }),
    });
  });
  afterEach(async () => {
    await fetcher.close();
    await store.close();
    await server.close();
  });

  async function serverFeed(servers: string[]) {
    const url = `${server.url}/shared.xml`;
    const source = await store.addSource({ id: sourceIdFor('feed', url), url, kind: 'feed', origin: 'server', intervalSeconds: 600, nextFetchAt: new Date().toISOString() });
    for (const id of servers) await store.subscribeServerSource(id, source.id);
    return source;
  }

  const pausedDaysAgo = (serverId: string, days: number) =>
    store.updateServerSettings(serverId, { channelId: '1', pausedReason: 'removed-from-server', pausedAt: new Date(Date.now() - days * dayMs).toISOString() });

  it('stops reading a server’s feed once its only server has been paused for more than a week, and reads it again when that server returns', async () => {
    await serverFeed(['s1']);
    await pausedDaysAgo('s1', 8);
    expect(await poller.tick()).toEqual([]);
    expect(server.requestsTo('/shared.xml')).toHaveLength(0);

    await store.updateServerSettings('s1', { pausedReason: null, pausedAt: null });
    expect((await poller.tick()).map((outcome) => outcome.status)).toEqual(['items']);
    expect(server.requestsTo('/shared.xml')).toHaveLength(1);
  });

  it('keeps reading a feed while one of its servers is active or paused for less than a week', async () => {
    await serverFeed(['s1', 's2']);
    await pausedDaysAgo('s1', 30);
    await pausedDaysAgo('s2', 2);
    expect(await poller.tick()).toHaveLength(1);
    expect(server.requestsTo('/shared.xml')).toHaveLength(1);
  });

  it('always reads the operator’s own feeds, which no server subscribes to', async () => {
    const url = `${server.url}/operator.xml`;
    await store.addSource({ id: sourceIdFor('feed', url), url, kind: 'feed', origin: 'operator', intervalSeconds: 600, nextFetchAt: new Date().toISOString() });
    expect(await poller.tick()).toHaveLength(1);
  });
});
