import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { sourceIdFor } from '../../src/sources/source-id.ts';
import { Harness, NEWS, OM, option, rss } from './harness.ts';

// The published article clubwatch was started from, read in place beside the project.
const seed = fileURLToPath(new URL('../../../shared/seed/om-red-star-2024-12.txt', import.meta.url));

describe('the article clubwatch was started from, in a server that watches both clubs', () => {
  let harness: Harness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  if (!existsSync(seed)) {
    it.skip(`is not checked: the article was not found at ${seed}`, () => {});
    return;
  }

  it('arrives as one message headed "OM stays on X, Red Star leaves"', async () => {
    const bot = await Harness.start();
    harness = bot;
    await bot.admin('channel', [option('channel', NEWS, 7)]);
    await bot.admin('watch', [option('club', OM)]);
    await bot.admin('watch', [option('club', 'red-star-fc')]);
    const feedUrl = `${bot.feeds.url}/feed.xml`;
    bot.feeds.route('/feed.xml', {
      body: rss([
        { id: 'seed', title: 'Pre-season friendly ends in a draw', text: 'Nothing about social media here.' },
        { id: 'om-red-star', title: 'Le Red Star quitte X, l’OM reste', text: readFileSync(seed, 'utf8'), link: 'https://news.example/om-red-star' },
      ]),
    });
    const sourceId = sourceIdFor('feed', feedUrl);
    const now = new Date().toISOString();
    await bot.context.store.recordFetchSuccess(sourceId, { etag: null, lastModified: null, bodyHash: null, fetchedAt: now, nextFetchAt: now });
    await bot.app.poller.tick();
    await bot.app.dispatcher.runOnce();

    const posts = bot.posts();
    expect(posts).toHaveLength(1);
    const text = [posts[0]?.content ?? '', ...(posts[0]?.embeds ?? []).map((e) => e.title ?? '')].join('\n');
    expect(text).toContain('OM stays on X, Red Star leaves');
  });
});
