import { afterEach, describe, expect, it } from 'vitest';
import { type FeedBot, startFeedBot } from '../helpers/feed-bot.ts';

function rss(entries: Array<{ guid: string; title: string; description: string }>): string {
  const items = entries
    .map((entry) => `<item><title>${entry.title}</title><link>https://news.example/${entry.guid}</link><guid>${entry.guid}</guid><description>${entry.description}</description></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Outlet</title>${items}</channel></rss>`;
}

const routine = { guid: 'routine', title: 'Matchday preview', description: 'The coach spoke about the weekend fixture and the injured players.' };
const redStar = { guid: 'red-star', title: 'Red Star FC quitte X', description: 'Le Red Star FC a annoncé qu’il quittait le réseau social X.' };
const long = { guid: 'long', title: 'Werder Bremen leave X', description: `Werder Bremen said they are leaving X. ${'The club explained its reasons at length. '.repeat(200)}` };

describe('what the store keeps of each item', () => {
  let world: FeedBot | undefined;
  afterEach(async () => {
    await world?.close();
    world = undefined;
  });

  it('keeps the title of every item, and the text only of items that may name a platform, capped', async () => {
    world = await startFeedBot('/feed.xml', { body: rss([routine, redStar, long]) });
    const { bot } = world;
    await bot.app.prepare();
    const [source] = await bot.context.store.listSources();
    expect((await bot.app.poller.poll(source!)).newItems).toBe(3);

    const [kept] = await bot.context.store.findItemsByLink('https://news.example/routine');
    expect(kept).toMatchObject({ key: 'routine', title: 'Matchday preview', text: '' });
    const [named] = await bot.context.store.findItemsByLink('https://news.example/red-star');
    expect(named?.text).toBe(redStar.description);
    const [capped] = await bot.context.store.findItemsByLink('https://news.example/long');
    expect(capped?.text.startsWith('Werder Bremen said they are leaving X.')).toBe(true);
    expect(capped?.text.length).toBeLessThanOrEqual(2_000);
    expect(capped?.text.endsWith('…')).toBe(true);
  });
});
