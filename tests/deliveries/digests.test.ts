import { describe, expect, it } from 'vitest';
import { digestPeriod, enqueueDueDigests } from '../../src/deliveries/digests.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const at = (iso: string) => new Date(iso);

describe('digests', () => {
  it('names the period an instant falls in: the hour, or the local day once its digest time has passed', () => {
    expect(digestPeriod({ cadence: 'hourly', dailyAt: '09:00', timeZone: 'UTC' }, at('2024-12-04T10:59:00Z'))).toBe('2024-12-04T10');
    const daily = { cadence: 'daily' as const, dailyAt: '09:00', timeZone: 'Europe/Paris' };
    expect(digestPeriod(daily, at('2024-12-04T07:59:00Z'))).toBe('2024-12-03');
    expect(digestPeriod(daily, at('2024-12-04T08:00:00Z'))).toBe('2024-12-04');
  });

  it('posts the waiting stories as one digest when the hour turns, never earlier, and never twice', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    await store.updateServerSettings('1', { channelId: '10', cadence: 'hourly', language: 'fr' });
    await store.queueForDigest('1', 11);
    await store.queueForDigest('1', 12);

    expect(await enqueueDueDigests(store, at('2024-12-04T10:05:00Z'))).toBe(0);
    expect(await enqueueDueDigests(store, at('2024-12-04T10:30:00Z'))).toBe(0);
    expect(await enqueueDueDigests(store, at('2024-12-04T11:00:30Z'))).toBe(1);
    expect(await enqueueDueDigests(store, at('2024-12-04T11:01:30Z'))).toBe(0);

    const [delivery] = await store.listDeliveries({ destination: 'discord:1' });
    expect(delivery?.content).toEqual({ kind: 'digest', storyIds: [11, 12], language: 'fr' });
    expect(await store.takeDigestQueue('1')).toEqual([]);
    await store.close();
  });

  it('keeps the stories of a paused server waiting instead of losing them', async () => {
    const store = await openSqliteStore({ path: ':memory:' });
    await store.updateServerSettings('1', { channelId: '10', cadence: 'hourly', pausedReason: 'missing-access' });
    await store.queueForDigest('1', 11);
    await enqueueDueDigests(store, at('2024-12-04T10:05:00Z'));
    expect(await enqueueDueDigests(store, at('2024-12-04T11:05:00Z'))).toBe(0);
    expect(await store.listServersWithDigestQueue()).toEqual(['1']);
    await store.close();
  });
});
