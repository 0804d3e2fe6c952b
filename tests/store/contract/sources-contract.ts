import { describe, expect, it } from 'vitest';
import { type CurrentStore, later, source, t0 } from './fixtures.ts';

export function sourceContract(store: CurrentStore): void {
  describe('sources', () => {
    it('keeps a source once per id, and the operator taking up a server’s feed makes it the operator’s', async () => {
      await store().addSource(source('s1', { origin: 'server' }));
      const again = await store().addSource(source('s1', { origin: 'operator', intervalSeconds: 300 }));
      expect(again.origin).toBe('operator');
      expect(again.intervalSeconds).toBe(300);
      await store().addSource(source('s1', { origin: 'server' }));
      expect((await store().getSource('s1'))?.origin).toBe('operator');
      expect(await store().listSources()).toHaveLength(1);
      expect(await store().listSources({ origin: 'server' })).toHaveLength(0);
    });

    it('lists due sources oldest first and leaves out those not yet due', async () => {
      await store().addSource(source('late', { nextFetchAt: later(5_000) }));
      await store().addSource(source('old', { nextFetchAt: later(-5_000) }));
      await store().addSource(source('now', { nextFetchAt: t0 }));
      expect((await store().listDueSources(t0, 10)).map((due) => due.id)).toEqual(['old', 'now']);
      expect((await store().listDueSources(t0, 1)).map((due) => due.id)).toEqual(['old']);
      await store().deferSource('old', later(60_000));
      expect((await store().listDueSources(t0, 10)).map((due) => due.id)).toEqual(['now']);
    });

    it('leaves out a server’s source while all its servers are paused since before the given time', async () => {
      await store().addSource(source('own', { origin: 'server' }));
      await store().subscribeServerSource('g1', 'own');
      await store().updateServerSettings('g1', { pausedAt: later(-86_400_000), pausedReason: 'channel gone' });
      expect(await store().listDueSources(t0, 10, { readersActiveSince: later(-3_600_000) })).toHaveLength(0);
      expect(await store().listDueSources(t0, 10, { readersActiveSince: later(-2 * 86_400_000) })).toHaveLength(1);
      expect(await store().listDueSources(t0, 10)).toHaveLength(1);
    });

    it('counts failures in a row from the first, and a success clears them', async () => {
      await store().addSource(source('s1'));
      await store().recordFetchFailure('s1', { error: 'timeout', fetchedAt: t0, nextFetchAt: later(60_000) });
      await store().recordFetchFailure('s1', { error: 'refused', fetchedAt: later(60_000), nextFetchAt: later(120_000) });
      const failing = await store().getSource('s1');
      expect(failing).toMatchObject({ consecutiveFailures: 2, failingSince: t0, lastError: 'refused', lastSuccessAt: null });
      await store().recordFetchSuccess('s1', { etag: '"v2"', lastModified: null, bodyHash: 'h', title: 'News', fetchedAt: later(180_000), nextFetchAt: later(780_000) });
      expect(await store().getSource('s1')).toMatchObject({
        consecutiveFailures: 0,
        failingSince: null,
        lastError: null,
        etag: '"v2"',
        title: 'News',
        lastSuccessAt: later(180_000),
        nextFetchAt: later(780_000),
      });
    });

    it('removes a source with its items, so they would be new again', async () => {
      await store().addSource(source('s1'));
      expect(await store().recordNewItems([{ sourceId: 's1', key: 'a', title: 'A', text: '', link: null, published: null, lang: null }], t0)).toHaveLength(1);
      expect(await store().removeSource('s1')).toBe(true);
      expect(await store().removeSource('s1')).toBe(false);
      expect(await store().getSource('s1')).toBeUndefined();
      expect(await store().recordNewItems([{ sourceId: 's1', key: 'a', title: 'A', text: '', link: null, published: null, lang: null }], t0)).toHaveLength(1);
    });

    it('gives a due source’s read to one of the processes asking at once, until the read’s lease runs out', async () => {
      await store().addSource(source('s1'));
      const asks = await Promise.all(Array.from({ length: 6 }, () => store().claimSourceReads([{ id: 's1', dueAt: t0, until: later(600_000) }])));
      expect(asks.filter((taken) => taken.has('s1'))).toHaveLength(1);
      expect(await store().listDueSources(later(1000), 10)).toHaveLength(0);
      expect((await store().listDueSources(later(600_000), 10)).map((due) => due.id)).toEqual(['s1']);
    });

    it('shares the due sources of one listing between processes claiming them at once, each to one', async () => {
      const ids = ['s1', 's2', 's3', 's4', 's5'];
      for (const id of ids) await store().addSource(source(id));
      const claims = ids.map((id) => ({ id, dueAt: t0, until: later(600_000) }));
      const asks = await Promise.all(Array.from({ length: 4 }, () => store().claimSourceReads(claims)));
      expect(asks.flatMap((taken) => [...taken]).sort()).toEqual(ids);
      expect(await store().claimSourceReads([{ id: 's1', dueAt: t0, until: later(600_000) }])).toEqual(new Set());
      expect(await store().claimSourceReads([])).toEqual(new Set());
      expect(await store().listDueSources(later(1000), 10)).toHaveLength(0);
    });
  });
}
