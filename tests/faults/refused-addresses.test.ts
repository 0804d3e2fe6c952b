import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceIdFor } from '../../src/sources/source-id.ts';
import type { SourceRecord } from '../../src/store/store.ts';
import { FeedServer } from '../helpers/feed-server.ts';
import { testEnvironment, type TestEnvironment } from '../helpers/test-app.ts';
import { startFaultApp, type FaultApp } from './helpers/fault-app.ts';
import { routine, rss } from './helpers/hostile-feeds.ts';
import { privateDns as dns, privateTargets as targets } from './helpers/private-addresses.ts';

describe('addresses users’ URLs may not reach', () => {
  let feeds: FeedServer;
  let env: TestEnvironment;
  let bot: FaultApp;
  let cases: Array<{ name: string; url: string; how: string; sourceUrl: string }>;
  const byUrl = new Map<string, SourceRecord>();

  beforeAll(async () => {
    feeds = new FeedServer();
    await feeds.start();
    const news = `http://news.test:${feeds.port}`;
    feeds.route('/good.xml', { body: rss('A public outlet', [routine]) });
    feeds.route('/secret', { body: rss('Secret', [routine]) });
    feeds.route('/latest/meta-data/', { body: 'credentials' });
    cases = [];
    targets(feeds.port).forEach((target, index) => {
      // Asked for directly, behind one redirect, and behind three (a relative one among them).
      feeds.route(`/direct-${index}`, { redirectTo: target.url });
      feeds.route(`/chain-${index}`, { redirectTo: `/chain-${index}-b` });
      feeds.route(`/chain-${index}-b`, { status: 301, redirectTo: `${news}/chain-${index}-c` });
      feeds.route(`/chain-${index}-c`, { status: 307, redirectTo: target.url });
      // Spellings of one address normalise to one source id: the query keeps each case its own source.
      cases.push({ ...target, how: 'as the source URL', sourceUrl: `${target.url}?case=${index}` });
      cases.push({ ...target, how: 'at the first redirect', sourceUrl: `${news}/direct-${index}` });
      cases.push({ ...target, how: 'at the third redirect', sourceUrl: `${news}/chain-${index}` });
    });
    env = testEnvironment({ vars: { CLUBWATCH_FETCH_TIMEOUT_MS: '5000' } });
    bot = await startFaultApp(env, { dns, publicStandIns: ['news.test'] });
    await bot.app.prepare();
    const { store } = bot.context;
    const now = new Date().toISOString();
    for (const sourceUrl of [...cases.map((entry) => entry.sourceUrl), `${news}/good.xml`]) {
      await store.addSource({ id: sourceIdFor('feed', sourceUrl), url: sourceUrl, kind: 'feed', origin: 'server', intervalSeconds: 600, nextFetchAt: now });
    }
    for (let outcomes = await bot.app.poller.tick(); outcomes.length > 0; outcomes = await bot.app.poller.tick());
    for (const source of await store.listSources()) byUrl.set(source.url, source);
  }, 120_000);

  afterAll(async () => {
    await bot?.close();
    await feeds?.close();
    env?.remove();
  });

  it('refuses each private address before connecting, given directly or at any redirect hop', () => {
    const wrong: string[] = [];
    for (const entry of cases) {
      const source = byUrl.get(entry.sourceUrl);
      if (!source?.failingSince || !/^refused: /.test(source.lastError ?? '')) {
        wrong.push(`${entry.name} ${entry.how}: ${source?.lastError ?? 'read without error'}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(feeds.requestsTo('/secret')).toHaveLength(0);
    expect(feeds.requestsTo('/latest/meta-data/')).toHaveLength(0);
  });

  it('says which address was refused and why, in plain words', () => {
    const reasons = cases.filter((entry) => entry.how === 'as the source URL').map((entry) => byUrl.get(entry.sourceUrl)?.lastError);
    for (const reason of reasons) expect(reason).toMatch(/^refused: \S+ (is|resolves to \S+,) an? [A-Za-z0-9 -]+ address/);
    const reasonFor = (name: string) => byUrl.get(cases.find((entry) => entry.name === name && entry.how === 'as the source URL')?.sourceUrl ?? '')?.lastError;
    expect(reasonFor('name resolving to 10/8')).toBe('refused: ten.test resolves to 10.20.30.40, a private address');
    expect(reasonFor('metadata literal')).toBe('refused: 169.254.169.254 is a link-local address');
    expect(reasonFor('loopback written in hex')).toBe('refused: 127.0.0.1 is a loopback address');
  });

  it('follows the redirects of a public site up to the refused hop, and no further', () => {
    expect(feeds.requestsTo('/chain-0')).toHaveLength(1);
    expect(feeds.requestsTo('/chain-0-b')).toHaveLength(1);
    expect(feeds.requestsTo('/chain-0-c')).toHaveLength(1);
  });

  it('reads the public source beside them', () => {
    const good = byUrl.get(`http://news.test:${feeds.port}/good.xml`);
    expect(good?.failingSince).toBeNull();
    expect(good?.lastSuccessAt).not.toBeNull();
  });

  it('refuses local files and URLs carrying credentials in a server’s sources', async () => {
    // (`/clubwatch sources add` refuses both before storing anything; this is the reader's own guard.)
    const { store } = bot.context;
    const now = new Date().toISOString();
    for (const url of ['file:///etc/passwd', `http://user:hunter2@news.test:${feeds.port}/good.xml`]) {
      const source = await store.addSource({ id: sourceIdFor('feed', url), url, kind: 'feed', origin: 'server', intervalSeconds: 600, nextFetchAt: now });
      const outcome = await bot.app.poller.poll(source);
      expect(outcome.status).toBe('failed');
      expect(outcome.error).toMatch(/^(local files can only be read by the operator|refused: the URL carries a user name or password)$/);
    }
  });
});
