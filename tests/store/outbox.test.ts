import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveryId } from '../../src/deliveries/delivery-id.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';

const t0 = '2024-12-04T10:00:00.000Z';
const later = (ms: number) => new Date(Date.parse(t0) + ms).toISOString();

describe('the outbox', () => {
  let dir: string;
  let store: Store;

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clubwatch-outbox-'));
    store = await openSqliteStore({ path: join(dir, 'clubwatch.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const content = { kind: 'story' as const, storyIds: [7], language: 'en' };
  const enqueue = (destination = 'discord:1') => {
    const id = deliveryId(content, destination);
    return store.enqueueDelivery({ id, destination, content, idempotencyKey: id, nextAttemptAt: t0 });
  };

  it('gives the same content and destination the same id, short enough for a Discord nonce', () => {
    expect(deliveryId(content, 'discord:1')).toBe(deliveryId(content, 'discord:1'));
    expect(deliveryId(content, 'discord:1')).not.toBe(deliveryId(content, 'discord:2'));
    expect(deliveryId(content, 'discord:1').length).toBeLessThanOrEqual(25);
    // Ids already in outboxes stay the same: 24 hex digits of the SHA-256 of what is delivered where.
    expect(deliveryId(content, 'discord:1')).toBe('5e9df61202300f06a1a4667a');
    expect(deliveryId({ kind: 'digest', storyIds: [1, 2, 3] }, 'discord:9', '2024-12-04')).toBe('18728588c5d5e0e0373c1761');
  });

  it('writes a delivery once, however often it is enqueued', async () => {
    expect(await enqueue()).toBe(true);
    expect(await enqueue()).toBe(false);
    expect((await store.countDeliveries()).pending).toBe(1);
  });

  it('hands a claimed delivery to nobody else until its lease runs out, then marks it interrupted', async () => {
    await enqueue();
    const options = { limit: 10, leaseMs: 60_000, destinationKinds: ['discord'] };
    const [first] = await store.claimDeliveries({ ...options, now: t0 });
    expect(first?.attempts).toBe(1);
    expect(first?.interruptedAt).toBeNull();
    expect(await store.claimDeliveries({ ...options, now: later(30_000) })).toHaveLength(0);
    const [again] = await store.claimDeliveries({ ...options, now: later(61_000) });
    expect(again?.id).toBe(first?.id);
    expect(again?.interruptedAt).toBe(t0);
    expect(again?.attempts).toBe(2);
  });

  it('puts deliveries left in flight back in the queue at start-up', async () => {
    await enqueue();
    await store.claimDeliveries({ now: t0, limit: 10, leaseMs: 60_000, destinationKinds: ['discord'] });
    expect(await store.releaseInterruptedDeliveries(later(1000))).toBe(1);
    const [resumed] = await store.claimDeliveries({ now: later(1000), limit: 10, leaseMs: 60_000, destinationKinds: ['discord'] });
    expect(resumed?.interruptedAt).toBe(t0);
  });

  it('claims only the destinations it is asked for', async () => {
    await enqueue('discord:1');
    await enqueue('bluesky');
    const claimed = await store.claimDeliveries({ now: t0, limit: 10, leaseMs: 60_000, destinationKinds: ['bluesky'] });
    expect(claimed.map((delivery) => delivery.destination)).toEqual(['bluesky']);
  });

  it('never sends a sent delivery again, and keeps the reason of a failed one', async () => {
    await enqueue('discord:1');
    await enqueue('discord:2');
    const [a, b] = await store.claimDeliveries({ now: t0, limit: 10, leaseMs: 1, destinationKinds: ['discord'] });
    await store.markDeliverySent(a!.id, 'm1', t0);
    await store.markDeliveryFailed(b!.id, 'Missing Access', t0);
    expect(await store.claimDeliveries({ now: later(3_600_000), limit: 10, leaseMs: 1, destinationKinds: ['discord'] })).toHaveLength(0);
    expect((await store.getDelivery(b!.id))?.lastError).toBe('Missing Access');
    expect(await store.countDeliveries('discord')).toEqual({ pending: 0, sending: 0, sent: 1, failed: 1, held: 0, merged: 0 });
  });

  it('keeps what it recorded across a reopen of the file', async () => {
    await enqueue();
    await store.close();
    store = await openSqliteStore({ path: join(dir, 'clubwatch.db') });
    expect((await store.countDeliveries()).pending).toBe(1);
  });

  it('keeps each server’s settings and watches to itself', async () => {
    await store.updateServerSettings('1', { channelId: '10', language: 'fr' });
    await store.addWatch('1', { kind: 'club', value: 'red-star-fc' });
    expect((await store.getServerSettings('2')).channelId).toBeNull();
    expect(await store.listWatches('2')).toEqual([]);
    expect(await store.serversWatching({ id: 'red-star-fc', league: 'ligue-2', country: 'FR' })).toEqual(['1']);
    await store.addWatch('2', { kind: 'country', value: 'FR' });
    expect(await store.serversWatching({ id: 'red-star-fc', league: 'ligue-2', country: 'FR' })).toEqual(['1', '2']);
  });
});
