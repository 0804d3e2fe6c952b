import { afterEach, describe, expect, it } from 'vitest';
import { FeedParseError } from '../../src/errors.ts';
import { readFeed } from '../../src/sources/feed-reader.ts';
import { createFeedParser, FeedParserBusyError, type FeedParser } from '../../src/sources/feed/parse-pool.ts';
import { type FeedBot, startFeedBot } from '../helpers/feed-bot.ts';

/** An RSS feed of `count` items, about 400 bytes each. */
function bigFeed(count: number, prefix = 'item'): Buffer {
  const items = Array.from(
    { length: count },
    (_, i) =>
      `<item><title>${prefix} ${i}: le club &amp; ses supporters</title><link>https://news.example/${prefix}/${i}?utm_source=rss</link>` +
      `<guid isPermaLink="false">${prefix}-${i}</guid><pubDate>Mon, 30 Nov 2026 10:${String(i % 60).padStart(2, '0')}:00 GMT</pubDate>` +
      `<description><![CDATA[<p>Le coach a parlé du match de samedi, <b>${i}</b> fois.</p>]]></description></item>`,
  ).join('');
  return Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Big outlet</title>${items}</channel></rss>`);
}

describe('the feed parser pool', () => {
  let parser: FeedParser | undefined;
  afterEach(async () => {
    await parser?.close();
    parser = undefined;
  });

  it('parses a large body on a worker thread into the same items as the inline reader', async () => {
    parser = createFeedParser({ threads: 1, inlineBelowBytes: 64 * 1024 });
    const body = bigFeed(800);
    const feed = await parser.parse(body, 'application/rss+xml');
    expect(parser.stats()).toEqual({ inline: 0, inWorkers: 1, refused: 0 });
    expect(feed).toEqual(readFeed(body, { contentType: 'application/rss+xml' }));
    expect(feed.items).toHaveLength(800);
  });

  it('parses a small body inline, where a thread hop would cost more than the parse', async () => {
    parser = createFeedParser({ threads: 1, inlineBelowBytes: 64 * 1024 });
    expect((await parser.parse(bigFeed(3), null)).items).toHaveLength(3);
    expect(parser.stats()).toEqual({ inline: 1, inWorkers: 0, refused: 0 });
  });

  it('reports a broken large body with the same reason as the inline reader', async () => {
    parser = createFeedParser({ threads: 1, inlineBelowBytes: 1024 });
    const html = Buffer.from(`<!doctype html><html><body>${'<p>not a feed</p>'.repeat(200)}</body></html>`);
    const failure = await parser.parse(html, 'text/html').catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(FeedParseError);
    expect(failure).toMatchObject({ reason: 'not-a-feed', message: 'not a feed (an HTML page)' });
  });

  it('refuses a parse when every thread is busy and the queue is full, instead of piling up bodies', async () => {
    parser = createFeedParser({ threads: 1, inlineBelowBytes: 1024, maxQueue: 1 });
    const body = bigFeed(300);
    const first = parser.parse(body, null);
    const second = parser.parse(body, null);
    await expect(parser.parse(body, null)).rejects.toBeInstanceOf(FeedParserBusyError);
    expect((await first).items).toHaveLength(300);
    expect((await second).items).toHaveLength(300);
    expect(parser.stats()).toEqual({ inline: 0, inWorkers: 2, refused: 1 });
  });

  it('keeps going with a new thread when the parses ahead of it finished', async () => {
    parser = createFeedParser({ threads: 2, inlineBelowBytes: 1024 });
    const results = await Promise.all([0, 1, 2, 3].map((n) => parser!.parse(bigFeed(100, `batch${n}`), null)));
    expect(results.map((feed) => feed.items[0]?.title)).toEqual([0, 1, 2, 3].map((n) => `batch${n} 0: le club & ses supporters`));
  });
});

describe('a large feed read by the bot', () => {
  let world: FeedBot | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('is fetched over HTTP and parsed off the main thread, its items recorded', async () => {
    world = await startFeedBot('/big.xml', { body: bigFeed(1_000), gzip: true }, { CLUBWATCH_PARSE_THREADS: '1' });
    const { bot } = world;
    await bot.app.prepare();
    const outcomes = await bot.app.poller.tick();
    expect(outcomes).toEqual([expect.objectContaining({ status: 'items', newItems: 1_000 })]);
    expect(bot.context.feedParser.stats()).toMatchObject({ inWorkers: 1 });
  });
});
