import { describe, expect, it } from 'vitest';
import { type CurrentStore, later, t0 } from './fixtures.ts';

export function stateContract(store: CurrentStore): void {
  describe('state and leases', () => {
    it('keeps a value under its key until it is set to nothing', async () => {
      expect(await store().getState('cursor')).toBeUndefined();
      await store().setState('cursor', '1');
      await store().setState('cursor', '2');
      expect(await store().getState('cursor')).toBe('2');
      await store().setState('cursor', null);
      expect(await store().getState('cursor')).toBeUndefined();
    });

    it('gives a lease to one holder until it runs out or is given back', async () => {
      const lease = (holder: string, at: string) => store().takeLease({ name: 'poller', holder, now: at, until: later(Date.parse(at) - Date.parse(t0) + 10_000) });
      expect(await lease('a', t0)).toBe(true);
      expect(await lease('b', later(5_000))).toBe(false);
      expect(await lease('a', later(5_000))).toBe(true);
      expect(await lease('b', later(14_000))).toBe(false);
      expect(await lease('b', later(15_000))).toBe(true);
      await store().releaseLease('poller', 'a');
      expect(await lease('a', later(16_000))).toBe(false);
      await store().releaseLease('poller', 'b');
      expect(await lease('a', later(16_000))).toBe(true);
    });

    it('gives a free lease to exactly one of many asking at once', async () => {
      const asks = Array.from({ length: 8 }, (_, n) => store().takeLease({ name: 'identify:0', holder: `p${n}`, now: t0, until: later(5_000) }));
      expect((await Promise.all(asks)).filter(Boolean)).toHaveLength(1);
    });

    it('books turns of a shared pace one spacing apart, for callers asking at once as for late ones', async () => {
      const nowMs = Date.parse(t0);
      const turns = await Promise.all(Array.from({ length: 10 }, () => store().reserveTurn('discord-posts', nowMs, 21)));
      expect([...turns].sort((a, b) => a - b)).toEqual(Array.from({ length: 10 }, (_, n) => nowMs + n * 21));
      expect(await store().reserveTurn('discord-posts', nowMs + 60_000, 21)).toBe(nowMs + 60_000);
      expect(await store().reserveTurn('other', nowMs, 21)).toBe(nowMs);
    });
  });
}
