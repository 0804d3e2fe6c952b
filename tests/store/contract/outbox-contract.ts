import { describe, expect, it } from 'vitest';
import type { DeliveryContent } from '../../../src/deliveries/delivery.ts';
import { type CurrentStore, later, t0 } from './fixtures.ts';

const content: DeliveryContent = { kind: 'story', storyIds: [7], language: 'en' };
const claim = { limit: 10, leaseMs: 60_000, destinationKinds: ['discord'] };

export function outboxContract(store: CurrentStore): void {
  const enqueue = (id: string, destination = `discord:${id}`, nextAttemptAt = t0) =>
    store().enqueueDelivery({ id, destination, content, idempotencyKey: `nonce-${id}`, nextAttemptAt });

  describe('the outbox', () => {
    it('writes a delivery once, however often it is enqueued', async () => {
      expect(await enqueue('1')).toBe(true);
      expect(await enqueue('1')).toBe(false);
      expect(await store().getDelivery('1')).toMatchObject({ status: 'pending', attempts: 0, content, idempotencyKey: 'nonce-1', createdAt: t0 });
      expect((await store().countDeliveries()).pending).toBe(1);
    });

    it('claims due deliveries in order, only of the destinations asked, each until its lease runs out', async () => {
      await enqueue('2', 'discord:2', later(-1000));
      await enqueue('1', 'discord:1', later(-2000));
      await enqueue('3', 'discord:3', later(1000));
      await enqueue('b', 'bluesky');
      const claimed = await store().claimDeliveries({ ...claim, now: t0 });
      expect(claimed.map((d) => [d.id, d.status, d.attempts, d.claimedAt])).toEqual([
        ['1', 'sending', 1, t0],
        ['2', 'sending', 1, t0],
      ]);
      expect(await store().claimDeliveries({ ...claim, now: later(30_000) })).toHaveLength(1);
      const [again] = await store().claimDeliveries({ ...claim, now: later(61_000), limit: 1 });
      expect(again).toMatchObject({ id: '1', attempts: 2, interruptedAt: t0 });
    });

    it('puts deliveries left in flight back in the queue, marked interrupted', async () => {
      await enqueue('1');
      await store().claimDeliveries({ ...claim, now: t0 });
      expect(await store().releaseInterruptedDeliveries(later(1000))).toBe(1);
      const [resumed] = await store().claimDeliveries({ ...claim, now: later(1000) });
      expect(resumed?.interruptedAt).toBe(t0);
    });

    it('never sends a sent delivery again, retries when told, and keeps the reason of a failed one', async () => {
      await enqueue('1');
      await enqueue('2');
      await enqueue('3');
      await store().claimDeliveries({ ...claim, now: t0, leaseMs: 1 });
      await store().markDeliverySent('1', 'm1', t0);
      await store().markDeliveryFailed('2', 'Missing Access', t0);
      await store().scheduleDeliveryRetry('3', 'rate limited', later(5000));
      expect(await store().claimDeliveries({ ...claim, now: later(1000) })).toHaveLength(0);
      expect((await store().claimDeliveries({ ...claim, now: later(5000) })).map((d) => d.id)).toEqual(['3']);
      expect(await store().getDelivery('1')).toMatchObject({ status: 'sent', externalId: 'm1', sentAt: t0 });
      expect((await store().getDelivery('2'))?.lastError).toBe('Missing Access');
      expect(await store().countDeliveries('discord')).toEqual({ pending: 0, sending: 1, sent: 1, failed: 1, held: 0, merged: 0 });
      expect((await store().listDeliveries({ status: 'sent' })).map((d) => d.id)).toEqual(['1']);
    });

    it('holds a delivery until released, and marks held ones merged into a catch-up digest', async () => {
      await enqueue('1', 'discord:g');
      await enqueue('2', 'discord:g');
      await store().holdDelivery('1', 'paused');
      await store().holdDelivery('2', 'paused');
      expect(await store().claimDeliveries({ ...claim, now: later(1000) })).toHaveLength(0);
      expect((await store().listHeldDeliveries('discord:g')).map((d) => d.id)).toEqual(['1', '2']);
      await store().releaseDeliveries([{ id: '1', nextAttemptAt: later(2000) }]);
      await store().markDeliveriesMerged(['2'], 'digest-1', later(2000));
      expect((await store().claimDeliveries({ ...claim, now: later(2000) })).map((d) => d.id)).toEqual(['1']);
      expect(await store().getDelivery('2')).toMatchObject({ status: 'merged', lastError: 'sent within catch-up digest digest-1' });
    });

    it('hands each of 200 deliveries to exactly one of eight claimants asking at once', async () => {
      for (let n = 0; n < 200; n += 1) await enqueue(String(n).padStart(3, '0'));
      const claimants = Array.from({ length: 8 }, async () => {
        const mine: string[] = [];
        for (;;) {
          const batch = await store().claimDeliveries({ ...claim, now: t0 });
          if (batch.length === 0) return mine;
          mine.push(...batch.map((d) => d.id));
        }
      });
      const ids = (await Promise.all(claimants)).flat();
      expect(ids).toHaveLength(200);
      expect(new Set(ids).size).toBe(200);
    });
  });
}
