import { describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const item = (key: string, link: string | null) => ({ sourceId: 's1', key, title: key, text: '', link, published: null, lang: null });

describe('seen items', () => {
  it('records an item once per source and returns only the new ones', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    expect(await store.recordNewItems([item('a', null), item('b', null)], '2024-12-04T10:00:00.000Z')).toHaveLength(2);
    const again = await store.recordNewItems([item('a', null), item('c', null)], '2024-12-04T11:00:00.000Z');
    expect(again.map((seen) => seen.key)).toEqual(['c']);
    await store.close();
  });

  it('finds an item by its link however the link is written, tracking parameters or not', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    await store.addSource({ id: 's1', url: 'https://news.example/feed.xml', kind: 'feed', origin: 'config', intervalSeconds: 600, nextFetchAt: '2024-12-04T10:00:00.000Z' });
    await store.recordNewItems([item('a', 'https://News.example/story?utm_source=rss&id=4#top')], '2024-12-04T10:00:00.000Z');
    expect(await store.findItemsByLink('https://news.example/story?id=4')).toHaveLength(1);
    expect(await store.findItemsByLink('https://news.example/story?id=5')).toHaveLength(0);
    await store.close();
  });
});
