import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import type { Delivery, DeliveryOutcome, Destination } from '../../src/deliveries/delivery.ts';
import { DeliveryDispatcher } from '../../src/deliveries/dispatcher.ts';
import type { Store } from '../../src/store/store.ts';
import { openTestPostgresStore, testDatabaseUrl, testSchema } from '../helpers/postgres.ts';

/** One destination shared by both dispatchers, as Discord is shared by the processes of one bot. */
class CountingDestination implements Destination {
  readonly kind = 'discord';
  readonly sends = new Map<string, number>();
  async send(delivery: Delivery): Promise<DeliveryOutcome> {
    this.sends.set(delivery.id, (this.sends.get(delivery.id) ?? 0) + 1);
    await sleep(Math.random() * 3);
    return { status: 'sent', externalId: `m-${delivery.id}` };
  }
}

describe.skipIf(testDatabaseUrl === null)('two dispatchers on one PostgreSQL', () => {
  const stores: Store[] = [];
  afterEach(async () => {
    // The schema is dropped by the last store closed.
    for (const store of stores.splice(0).reverse()) await store.close();
  });

  it('send each of 1,000 deliveries exactly once between them', async () => {
    const schema = testSchema();
    const first = await openTestPostgresStore(schema);
    const second = await openTestPostgresStore(schema, { dropSchemaOnClose: false });
    stores.push(first, second);
    const now = new Date('2024-12-04T10:00:00Z');
    for (let n = 0; n < 1000; n += 1) {
      const id = `d${n}`;
      await first.enqueueDelivery({ id, destination: `discord:${n % 50}`, content: { kind: 'story', storyIds: [n], language: 'en' }, idempotencyKey: id, nextAttemptAt: now.toISOString() });
    }
    const destination = new CountingDestination();
    const dispatcher = (store: Store) =>
      new DeliveryDispatcher({ store, destinations: [destination], logger: pino({ level: 'silent' }), concurrency: 16, now: () => now });
    const [a, b] = [dispatcher(first), dispatcher(second)];
    const sent = await Promise.all([a.runOnce(), b.runOnce()]);

    expect(sent[0] + sent[1]).toBe(1000);
    expect(sent[0]).toBeGreaterThan(0);
    expect(sent[1]).toBeGreaterThan(0);
    expect(destination.sends.size).toBe(1000);
    expect([...destination.sends.values()].every((count) => count === 1)).toBe(true);
    expect(await first.countDeliveries()).toEqual({ pending: 0, sending: 0, sent: 1000, failed: 0, held: 0, merged: 0 });
  });
});
