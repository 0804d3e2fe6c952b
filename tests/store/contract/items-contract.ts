import { describe, expect, it } from 'vitest';
import { storedTextChars } from '../../../src/items/stored-item.ts';
import { sourcesPerLookup } from '../../../src/store/sql/items.ts';
import { type CurrentStore, item, later, source, t0 } from './fixtures.ts';

export function itemContract(store: CurrentStore): void {
  describe('items', () => {
    it('records an item once per source and returns only the new ones', async () => {
      expect(await store().recordNewItems([item('a'), item('b'), item('a', { sourceId: 's2' })], t0)).toHaveLength(3);
      const again = await store().recordNewItems([item('a'), item('c'), item('c')], later(1000));
      expect(again.map((seen) => seen.key)).toEqual(['c']);
    });

    it('finds an item by its link however it is written, and keeps its text capped and without NUL', async () => {
      const long = `a\u0000b${'x'.repeat(storedTextChars * 2)}`;
      // Items are found by link through their source, which every recorded item has.
      await store().addSource(source('s1'));
      await store().recordNewItems([item('a', { link: 'https://News.example/story?utm_source=rss&id=4#top', text: long })], t0);
      const [found] = await store().findItemsByLink('https://news.example/story?id=4');
      expect(found?.text.startsWith('abx')).toBe(true);
      expect(found?.text).toHaveLength(storedTextChars);
      expect(await store().findItemsByLink('https://news.example/story?id=5')).toHaveLength(0);
    });

    it('finds an item by its link among more sources than one look-up takes, in each of them', async () => {
      const ids = Array.from({ length: sourcesPerLookup + 5 }, (_, n) => `s${String(n).padStart(5, '0')}`);
      for (const id of ids) await store().addSource(source(id));
      const link = 'https://news.example/shared-story';
      const first = ids[0] as string;
      const last = ids[ids.length - 1] as string;
      await store().recordNewItems([item('a', { sourceId: first, link }), item('b', { sourceId: last, link }), item('c', { sourceId: ids[7] as string, link: 'https://news.example/other' })], t0);
      const found = await store().findItemsByLink(link);
      expect(found.map((seen) => `${seen.sourceId}/${seen.key}`).sort()).toEqual([`${first}/a`, `${last}/b`]);
    });

    it('prunes old items beyond each source’s newest, and never takes a pruned one for new', async () => {
      await store().recordNewItems([item('old1'), item('old2')], later(-40 * 86_400_000));
      await store().recordNewItems([item('new')], t0);
      expect(await store().pruneItems({ seenBefore: later(-30 * 86_400_000), keepPerSource: 1 })).toBe(2);
      expect(await store().pruneItems({ seenBefore: later(-30 * 86_400_000), keepPerSource: 1 })).toBe(0);
      expect(await store().recordNewItems([item('old1'), item('new'), item('fresh')], later(1000))).toEqual([item('fresh')]);
    });

    it('refuses to prune inside a transaction, where batches could not be their own', async () => {
      await expect(store().transaction((tx) => tx.pruneItems({ seenBefore: t0, keepPerSource: 1 }))).rejects.toThrow(/outside a transaction/);
    });

    it('records nothing of a transaction that fails', async () => {
      await expect(
        store().transaction(async (tx) => {
          await tx.recordNewItems([item('a')], t0);
          throw new Error('stopped halfway');
        }),
      ).rejects.toThrow('stopped halfway');
      expect(await store().recordNewItems([item('a')], t0)).toHaveLength(1);
    });
  });
}
