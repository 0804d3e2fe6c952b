import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { Delivery, DeliveryOutcome, Destination } from '../../src/deliveries/delivery.ts';
import { DeliveryDispatcher, retryDelayMs } from '../../src/deliveries/dispatcher.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

/** A destination that answers from a script, one outcome per attempt, and remembers what it got. */
class ScriptedDestination implements Destination {
  readonly kind = 'test';
  readonly attempts: string[] = [];
  constructor(private readonly script: Array<DeliveryOutcome | Error>) {}
  async send(delivery: Delivery): Promise<DeliveryOutcome> {
    this.attempts.push(delivery.id);
    const next = this.script.shift() ?? { status: 'sent', externalId: 'm' };
    if (next instanceof Error) throw next;
    return next;
  }
}

async function setup(script: Array<DeliveryOutcome | Error>, maxAttempts = 3) {
  const store = await openSqliteStore({ path: ':memory:' });
  let now = new Date('2024-12-04T10:00:00Z');
  const destination = new ScriptedDestination(script);
  const dispatcher = new DeliveryDispatcher({ store, destinations: [destination], logger: pino({ level: 'silent' }), maxAttempts, now: () => now });
  await store.enqueueDelivery({
    id: 'd1',
    destination: 'test:1',
    content: { kind: 'story', storyIds: [1], language: 'en' },
    idempotencyKey: 'd1',
    nextAttemptAt: now.toISOString(),
  });
  return { store, destination, dispatcher, advance: (ms: number) => (now = new Date(now.getTime() + ms)) };
}

describe('the dispatcher', () => {
  it('marks a delivery sent only once the destination confirms, and never sends it again', async () => {
    const { store, destination, dispatcher } = await setup([{ status: 'sent', externalId: 'message-1' }]);
    expect(await dispatcher.runOnce()).toBe(1);
    expect(await dispatcher.runOnce()).toBe(0);
    expect(destination.attempts).toEqual(['d1']);
    expect(await store.getDelivery('d1')).toMatchObject({ status: 'sent', externalId: 'message-1' });
  });

  it('retries a transient failure after the wait it was told, or with backoff, and not before', async () => {
    const { store, destination, dispatcher, advance } = await setup([
      { status: 'retry', reason: '429', retryAfterMs: 2_000 },
      new Error('socket hang up'),
      { status: 'sent', externalId: 'm' },
    ]);
    await dispatcher.runOnce();
    advance(1_000);
    await dispatcher.runOnce();
    expect(destination.attempts).toHaveLength(1);
    advance(1_000);
    await dispatcher.runOnce();
    expect((await store.getDelivery('d1'))?.lastError).toBe('socket hang up');
    advance(retryDelayMs(2));
    await dispatcher.runOnce();
    expect(destination.attempts).toHaveLength(3);
    expect((await store.getDelivery('d1'))?.status).toBe('sent');
  });

  it('gives up on a refused delivery at once, keeping the reason', async () => {
    const { store, dispatcher } = await setup([{ status: 'rejected', reason: 'Missing Access' }]);
    await dispatcher.runOnce();
    expect(await store.getDelivery('d1')).toMatchObject({ status: 'failed', lastError: 'Missing Access' });
  });

  it('gives up after the last attempt, saying how many it made', async () => {
    const failing = { status: 'retry' as const, reason: 'HTTP 502', retryAfterMs: 1 };
    const { store, dispatcher, advance } = await setup([failing, failing, failing], 3);
    for (let i = 0; i < 3; i += 1) {
      await dispatcher.runOnce();
      advance(10);
    }
    expect(await store.getDelivery('d1')).toMatchObject({ status: 'failed', lastError: 'gave up after 3 attempts: HTTP 502' });
  });
});
