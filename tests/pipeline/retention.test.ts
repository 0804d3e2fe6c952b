import { afterEach, describe, expect, it } from 'vitest';
import { type FeedBot, startFeedBot } from '../helpers/feed-bot.ts';

const dayMs = 86_400_000;

function rss(keys: number[]): string {
  const items = keys
    .map((key) => `<item><title>Match report ${key}</title><link>https://news.example/${key}</link><guid>${key}</guid><description>The coach spoke after the game.</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Outlet</title>${items}</channel></rss>`;
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('retention of items read from feeds', () => {
  let world: FeedBot | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('prunes what is beyond the retention and still never takes a pruned item for new when the feed lists it again', async () => {
    world = await startFeedBot('/feed.xml', { body: rss(range(0, 250)) }, { CLUBWATCH_RETENTION_DAYS: '30' });
    const { bot, feeds } = world;
    await bot.app.prepare();
    const [source] = await bot.context.store.listSources();
    expect((await bot.app.poller.poll(source!)).newItems).toBe(250);

    // Forty days on: the read is older than 30 days, so only the newest 200 of the source stay.
    expect(await bot.app.applyRetention(new Date(Date.now() + 40 * dayMs))).toBe(50);

    feeds.route('/feed.xml', { body: rss(range(0, 251)) });
    const outcome = await bot.app.poller.poll((await bot.context.store.getSource(source!.id))!);
    expect(outcome).toMatchObject({ status: 'items', newItems: 1 });
  });
});
