import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SourceRecord } from '../../src/store/store.ts';
import { FeedServer } from '../helpers/feed-server.ts';
import { testEnvironment, type TestEnvironment } from '../helpers/test-app.ts';
import { spawnBot } from './helpers/bot-process.ts';
import { startFaultApp, type FaultApp } from './helpers/fault-app.ts';
import {
  billionLaughs,
  externalEntities,
  gzipBomb,
  otherBombs,
  invalidUtf8,
  manyItems,
  routine,
  rss,
  streamedBody,
} from './helpers/hostile-feeds.ts';
import { waitFor } from './helpers/wait.ts';

const werderLeaves = { guid: 'werder-leaves', title: 'Werder Bremen verlässt X', description: 'Der SV Werder Bremen hat angekündigt, die Plattform X zu verlassen.' };

/** A hostile publisher per path, and the reason its source must show. */
const hostile: Array<{ path: string; why: string; reason: RegExp }> = [
  { path: '/reset.xml', why: 'a connection reset mid-body', reason: /^network error: the connection was closed before the response ended$/ },
  { path: '/endless.xml', why: 'a body that never ends', reason: /^timed out after \d+(\.\d+)? s$/ },
  { path: '/huge.xml', why: 'a 50 MB body with its length announced', reason: /^body larger than 5 MB$/ },
  { path: '/huge-streamed.xml', why: 'a 50 MB body without a length', reason: /^body larger than 5 MB$/ },
  { path: '/bomb.xml', why: 'a gzip bomb', reason: /^body larger than 5 MB$/ },
  { path: '/bomb-twice.xml', why: 'a gzip bomb compressed twice', reason: /^body larger than 5 MB$/ },
  { path: '/bomb-br.xml', why: 'a brotli bomb', reason: /^body larger than 5 MB$/ },
  { path: '/bomb-deflate.xml', why: 'a deflate bomb', reason: /^body larger than 5 MB$/ },
  { path: '/laughs.xml', why: 'billion laughs', reason: /^declares XML entities \(refused\)$/ },
  { path: '/laughs-after-comment.xml', why: 'billion laughs behind a comment', reason: /^declares XML entities \(refused\)$/ },
  { path: '/external.xml', why: 'external entities', reason: /^declares XML entities \(refused\)$/ },
  { path: '/external-after-comment.xml', why: 'external entities behind a comment', reason: /^declares XML entities \(refused\)$/ },
];

describe('hostile sources', () => {
  let feeds: FeedServer;
  let env: TestEnvironment;
  let bot: FaultApp;
  const urlOf = (path: string) => `${feeds.url}${path}`;
  const sourceAt = async (path: string): Promise<SourceRecord> => {
    const source = (await bot.context.store.listSources()).find((candidate) => candidate.url === urlOf(path));
    if (!source) throw new Error(`no source for ${path}`);
    return source;
  };

  beforeAll(async () => {
    feeds = new FeedServer();
    await feeds.start();
    const fiftyMegabytes = Buffer.alloc(50 * 1024 * 1024, ' ');
    const bombs = otherBombs(100);
    feeds
      .route('/good.xml', { body: rss('Good outlet', [routine]) })
      .route('/reset.xml', { body: rss('Resetting', Array.from({ length: 200 }, (_, i) => ({ ...routine, guid: `r${i}` }))), resetAfterBytes: 2_000 })
      .route('/endless.xml', { body: '<?xml version="1.0"?><rss version="2.0"><channel><title>Endless</title>', neverEnd: true })
      .route('/huge.xml', { body: fiftyMegabytes, headers: { 'content-type': 'application/rss+xml' } })
      .route('/huge-streamed.xml', { handler: streamedBody(50) })
      .route('/bomb.xml', { body: gzipBomb(100), headers: { 'content-encoding': 'gzip', 'content-type': 'application/rss+xml' } })
      .route('/bomb-twice.xml', { body: gzipBomb(100, 2), headers: { 'content-encoding': 'gzip, gzip', 'content-type': 'application/rss+xml' } })
      .route('/bomb-br.xml', { body: bombs.br, headers: { 'content-encoding': 'br', 'content-type': 'application/rss+xml' } })
      .route('/bomb-deflate.xml', { body: bombs.deflate, headers: { 'content-encoding': 'deflate', 'content-type': 'application/rss+xml' } })
      .route('/laughs.xml', { body: billionLaughs() })
      .route('/laughs-after-comment.xml', { body: billionLaughs('<!-- <a> -->') })
      .route('/external.xml', { body: externalEntities(`${feeds.url}/evil.dtd`) })
      .route('/external-after-comment.xml', { body: externalEntities(`${feeds.url}/evil.dtd`, '<!-- <x> -->') })
      .route('/evil.dtd', { body: '<!ENTITY leak "leaked">' })
      .route('/bad-utf8.xml', { body: invalidUtf8() })
      .route('/many.xml', { body: manyItems(100_000) });
    // A 5 s timeout (the default is 15 s) keeps the endless body short; less would let the second
    // or so that parsing 100,000 items holds the event loop time out the reads running beside it.
    env = testEnvironment({
      sources: ['/good.xml', '/bad-utf8.xml', '/many.xml', ...hostile.map((entry) => entry.path)].map((path) => urlOf(path)),
      vars: { CLUBWATCH_POLL_INTERVAL_SECONDS: '2', CLUBWATCH_TICK_SECONDS: '1', CLUBWATCH_FETCH_TIMEOUT_MS: '5000', CLUBWATCH_LOG_LEVEL: 'info' },
    });
    bot = await startFaultApp(env);
    await bot.app.start();
    // Every source read at least once, by the running bot's own scheduled ticks.
    await waitFor('every source to be read once', async () => (await bot.context.store.listSources()).every((source) => source.lastFetchedAt !== null), 30_000);
  }, 120_000);

  afterAll(async () => {
    await bot?.close();
    await feeds?.close();
    env?.remove();
  });

  it.each(hostile)('marks the source failing with a clear reason on $why', async ({ path, reason }) => {
    const source = await sourceAt(path);
    expect(source.failingSince).not.toBeNull();
    expect(source.lastSuccessAt).toBeNull();
    expect(source.lastError).toMatch(reason);
    expect(Date.parse(source.nextFetchAt)).toBeGreaterThan(Date.parse(source.lastFetchedAt ?? ''));
  });

  it('never fetches what an external entity points at', () => {
    expect(feeds.requestsTo('/evil.dtd')).toHaveLength(0);
  });

  it('reads a feed of invalid UTF-8 with replacement characters instead of failing it', async () => {
    const source = await sourceAt('/bad-utf8.xml');
    expect(source.failingSince).toBeNull();
    expect(source.title).toContain('\ufffd');
  });

  it('reads a feed of 100,000 items, keeping the newest, and announces at most the cap per read', async () => {
    const source = await sourceAt('/many.xml');
    expect(source.failingSince).toBeNull();
    expect(source.lastSuccessAt).not.toBeNull();
    // The next version: 100,000 new items, each an announcement.
    const announcing = manyItems(100_000, 'again', 10);
    expect(announcing.length).toBeLessThan(5 * 1024 * 1024);
    feeds.route('/many.xml', { body: announcing });
    const outcome = await bot.app.poller.poll(await sourceAt('/many.xml'));
    expect(outcome).toMatchObject({ status: 'items' });
    expect(outcome.newItems).toBeLessThanOrEqual(1_000);
    const reports = (await bot.context.store.listStories({ clubId: 'red-star-fc' })).flatMap((story) => story.reports);
    expect(reports.length).toBeLessThanOrEqual(env.config().sources.maxAnnouncedPerRun);
  }, 60_000);

  it('keeps reading the well-behaved source and posting what it announces', async () => {
    const good = await sourceAt('/good.xml');
    expect(good.failingSince).toBeNull();
    expect(good.lastSuccessAt).not.toBeNull();
    feeds.route('/good.xml', { body: rss('Good outlet', [routine, werderLeaves]) });
    await waitFor('the good source’s story to be posted', () => bot.printed().includes('Werder'), 20_000);
  }, 30_000);

  it('keeps the real bot process running through the same feeds, each failing source with its reason', async () => {
    const processEnv = testEnvironment({
      sources: ['/good.xml', ...hostile.map((entry) => entry.path)].map((path) => urlOf(path)),
      vars: { CLUBWATCH_POLL_INTERVAL_SECONDS: '2', CLUBWATCH_TICK_SECONDS: '1', CLUBWATCH_FETCH_TIMEOUT_MS: '5000', CLUBWATCH_LOG_LEVEL: 'info' },
    });
    const child = spawnBot(processEnv.vars, processEnv.dir);
    const databasePath = processEnv.config().databasePath;
    const query = <T>(sql: string): T[] => {
      const db = new BetterSqlite3(databasePath, { readonly: true, fileMustExist: true });
      try {
        return db.prepare(sql).all() as T[];
      } finally {
        db.close();
      }
    };
    try {
      type Row = { url: string; fetched: string | null; error: string | null };
      const rows = await waitFor(
        'every source to be read once',
        () => {
          try {
            const found = query<Row>('SELECT url, last_fetched_at AS fetched, last_error AS error FROM sources');
            return found.length === hostile.length + 1 && found.every((row) => row.fetched !== null) ? found : undefined;
          } catch {
            return undefined; // not created yet
          }
        },
        60_000,
        250,
      );
      for (const { path, reason } of hostile) expect(rows.find((row) => row.url === urlOf(path))?.error, path).toMatch(reason);
      expect(rows.find((row) => row.url === urlOf('/good.xml'))?.error).toBeNull();
      const beat = () => query<{ value: string }>("SELECT value FROM state WHERE key = 'heartbeat'")[0]?.value ?? '';
      const before = beat();
      await waitFor('a newer heartbeat', () => beat() > before, 15_000, 250);
      expect(child.running(), child.output().slice(-2_000)).toBe(true);
    } finally {
      await child.kill();
      processEnv.remove();
    }
  }, 120_000);

  it('keeps the bot running: its heartbeat moves on after the hostile reads', async () => {
    const before = await bot.context.store.getState('heartbeat');
    await waitFor('a newer heartbeat', async () => ((await bot.context.store.getState('heartbeat')) ?? '') > (before ?? ''), 10_000);
    expect(bot.logText()).not.toMatch(/scheduled job failed/);
  }, 15_000);
});
