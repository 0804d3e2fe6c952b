import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { syncConfiguredSources } from '../../src/sources/sync-sources.ts';
import { startTestApp, testEnvironment, type TestApp, type TestEnvironment } from '../helpers/test-app.ts';

describe('configured sources', () => {
  let env: TestEnvironment;
  let bot: TestApp;
  afterEach(async () => {
    await bot.close();
    env.remove();
  });

  it('follows config/ at each start: adds new feeds, drops removed ones, keeps the read state of the rest and other kinds of source', async () => {
    env = testEnvironment({ sources: ['https://one.example/feed.xml', 'https://two.example/feed.xml'] });
    bot = await startTestApp(env);
    const { store } = bot.context;
    const config = env.config();
    expect(await syncConfiguredSources(store, config, new Date())).toEqual({ added: 2, removed: 0 });
    const [first] = await store.listSources();
    await store.recordFetchSuccess(first!.id, {
      etag: '"e1"',
      lastModified: null,
      bodyHash: 'h',
      fetchedAt: new Date().toISOString(),
      nextFetchAt: new Date(Date.now() + 600_000).toISOString(),
    });
    await store.addSource({ id: 'b-club', url: 'did:plc:club', kind: 'bluesky', origin: 'config', intervalSeconds: 600, nextFetchAt: new Date().toISOString() });

    const kept = first!.url;
    writeFileSync(join(config.configDir, 'sources.json'), JSON.stringify({ sources: [{ url: kept }] }));
    expect(await syncConfiguredSources(store, config, new Date())).toEqual({ added: 0, removed: 1 });
    expect((await store.getSource(first!.id))?.etag).toBe('"e1"');
    expect(await store.getSource('b-club')).toBeDefined();
    expect((await store.listSources({ origin: 'config' })).map((source) => source.url).sort()).toEqual(['did:plc:club', kept]);
  });
});
