import { describe, expect, it } from 'vitest';
import { nextSlot } from '../../src/sources/schedule.ts';

/** Where in a 10-minute interval the source's reads fall. */
const offsetOf = (id: string): number => nextSlot(id, 600, new Date(0)).getTime() % 600_000;
import { sourceIdFor } from '../../src/sources/source-id.ts';

describe('each source’s slot in its interval', () => {
  it('spreads a thousand sources of one host evenly over the interval, each always at the same slot', () => {
    const ids = Array.from({ length: 1_000 }, (_, n) => sourceIdFor('feed', `https://news.example/feeds/${n}.xml`));
    const buckets = new Array<number>(10).fill(0);
    for (const id of ids) {
      const offset = offsetOf(id);
      expect(nextSlot(id, 600, new Date('2026-12-06T12:00:00.000Z')).getTime() % 600_000).toBe(offset);
      buckets[Math.floor(offset / 60_000)]! += 1;
    }
    for (const count of buckets) expect(count).toBeGreaterThan(60);
    for (const count of buckets) expect(count).toBeLessThan(140);
  });

  it('gives the next read at the source’s own slot, one interval on', () => {
    const id = sourceIdFor('feed', 'https://news.example/rss.xml');
    const after = new Date('2026-12-06T12:00:00.000Z');
    const next = nextSlot(id, 600, after);
    expect(next.getTime() - after.getTime()).toBeGreaterThan(0);
    expect(next.getTime() - after.getTime()).toBeLessThanOrEqual(600_000);
    expect(next.getTime() % 600_000).toBe(offsetOf(id));
  });
});
