import { afterEach, expect, it } from 'vitest';
import type { SourceReader } from '../../src/sources/source-reader.ts';
import { FeedServer } from '../helpers/feed-server.ts';
import { testEnvironment, type TestEnvironment } from '../helpers/test-app.ts';
import { startFaultApp, type FaultApp } from './helpers/fault-app.ts';
import { redStarLeaves, routine, rss } from './helpers/hostile-feeds.ts';

let feeds: FeedServer;
let env: TestEnvironment;
let bot: FaultApp | undefined;

afterEach(async () => {
  await bot?.close();
  await feeds?.close();
  env?.remove();
});

/**
 * A kill can land anywhere; the one moment a random kill rarely hits is after a source's first
 * read has been ingested and before the poller records the read. This plays it out exactly: the
 * read and its ingest run, the bot stops without the poller's record, and the feed moves on.
 */
it('posts what arrives after a first read that was cut off before the read itself was recorded', async () => {
  feeds = new FeedServer();
  await feeds.start();
  feeds.route('/a.xml', { body: rss('Outlet A', [routine]) });
  env = testEnvironment({ sources: [`${feeds.url}/a.xml`] });
  bot = await startFaultApp(env);
  await bot.app.prepare();
  const [source] = await bot.context.store.listSources();
  const reader = (bot.app.poller as unknown as { readers: Map<string, SourceReader> }).readers.get('feed');
  const read = await reader!.read(source!);
  expect(read.status).toBe('items');
  if (read.status === 'items') await bot.context.pipeline.ingest(source!, read.items);
  await bot.close();

  feeds.route('/a.xml', { body: rss('Outlet A', [routine, redStarLeaves]) });
  bot = await startFaultApp(env);
  await bot.app.prepare();
  for (const current of await bot.context.store.listSources()) await bot.app.poller.poll(current);
  await bot.app.dispatcher.runOnce();
  expect(bot.printed()).toContain('Red Star');
});
