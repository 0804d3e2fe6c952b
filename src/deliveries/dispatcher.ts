import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { Delivery, DeliveryOutcome, Destination } from './delivery.ts';

export interface DispatcherOptions {
  store: Store;
  destinations: Destination[];
  logger: Logger;
  /** How many deliveries are sent at once. Each destination paces itself (rate limits) too. */
  concurrency?: number;
  /** After this many failed attempts a delivery is given up, with its last reason kept. */
  maxAttempts?: number;
  /** A claim older than this was cut off by a crash and is taken up again. */
  leaseMs?: number;
  now?: () => Date;
}

const baseRetryMs = 15_000;
const maxRetryMs = 60 * 60_000;

/** Exponential backoff from the attempt count: 15 s, 30 s, 1 min … capped at an hour. */
export function retryDelayMs(attempts: number): number {
  return Math.min(maxRetryMs, baseRetryMs * 2 ** Math.max(0, attempts - 1));
}

/**
 * Sends what the outbox holds. A delivery is claimed before it is sent and marked sent only after
 * the destination confirms; each delivery fails alone, and nothing is ever dropped silently.
 */
export class DeliveryDispatcher {
  private readonly byKind: Map<string, Destination>;
  private readonly concurrency: number;
  private readonly maxAttempts: number;
  private readonly leaseMs: number;
  private readonly now: () => Date;
  private running: Promise<number> | null = null;
  /** Set when a delivery asked to be tried again at once (held ones released ahead of it): the drain goes round again. */
  private again = false;

  constructor(private readonly options: DispatcherOptions) {
    this.byKind = new Map(options.destinations.map((destination) => [destination.kind, destination]));
    this.concurrency = options.concurrency ?? 16;
    this.maxAttempts = options.maxAttempts ?? 10;
    this.leaseMs = options.leaseMs ?? 120_000;
    this.now = options.now ?? (() => new Date());
  }

  /** Sends every due delivery; a call while a run is going joins that run instead of overlapping it. */
  runOnce(): Promise<number> {
    this.running ??= this.drain().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Resolves once the run in progress, if any, has finished: for a clean stop. */
  async idle(): Promise<void> {
    await this.running?.catch(() => undefined);
  }

  /**
   * Workers take deliveries from a small shared queue that is refilled from the outbox as soon as it
   * runs dry, so a slow send never holds the others back. A drain ends when nothing more is due.
   */
  private async drain(round = 0): Promise<number> {
    let sent = 0;
    const queue: Delivery[] = [];
    let exhausted = false;
    let refilling: Promise<void> | null = null;
    const refill = async () => {
      const batch = await this.options.store.claimDeliveries({
        now: this.now().toISOString(),
        limit: this.concurrency * 2,
        leaseMs: this.leaseMs,
        destinationKinds: [...this.byKind.keys()],
      });
      if (batch.length === 0) exhausted = true;
      queue.push(...batch);
    };
    const take = async (): Promise<Delivery | undefined> => {
      while (queue.length === 0 && !exhausted) {
        refilling ??= refill().finally(() => {
          refilling = null;
        });
        await refilling;
      }
      return queue.shift();
    };
    const workers = Array.from({ length: this.concurrency }, async () => {
      for (let delivery = await take(); delivery; delivery = await take()) {
        if (await this.deliver(delivery)) sent += 1;
      }
    });
    await Promise.all(workers);
    if (this.again) {
      this.again = false;
      // A few rounds at most: a destination that keeps asking at once waits for the next run.
      if (round < 3) return sent + (await this.drain(round + 1));
    }
    return sent;
  }

  private async deliver(delivery: Delivery): Promise<boolean> {
    const kind = delivery.destination.split(':', 1)[0] ?? delivery.destination;
    const destination = this.byKind.get(kind);
    const log = this.options.logger.child({ deliveryId: delivery.id, destination: delivery.destination });
    let outcome: DeliveryOutcome;
    try {
      if (!destination) throw new Error(`no destination handles ${kind}`);
      outcome = await destination.send(delivery);
    } catch (err) {
      log.error({ err, attempt: delivery.attempts }, 'delivery attempt failed unexpectedly');
      outcome = { status: 'retry', reason: err instanceof Error ? err.message : String(err) };
    }
    const now = this.now();
    const { store } = this.options;
    switch (outcome.status) {
      case 'sent':
        await store.markDeliverySent(delivery.id, outcome.externalId, now.toISOString());
        log.debug({ externalId: outcome.externalId }, 'delivered');
        return true;
      case 'retry': {
        if (delivery.attempts >= this.maxAttempts) {
          await store.markDeliveryFailed(delivery.id, `gave up after ${delivery.attempts} attempts: ${outcome.reason}`, now.toISOString());
          log.warn({ reason: outcome.reason, attempts: delivery.attempts }, 'delivery given up');
          return false;
        }
        const delay = outcome.retryAfterMs ?? retryDelayMs(delivery.attempts);
        if (delay <= 0) this.again = true;
        const next = new Date(now.getTime() + delay).toISOString();
        await store.scheduleDeliveryRetry(delivery.id, outcome.reason, next);
        log.info({ reason: outcome.reason, nextAttemptAt: next }, 'delivery will be retried');
        return false;
      }
      case 'hold':
        await store.holdDelivery(delivery.id, outcome.reason);
        log.info({ reason: outcome.reason }, 'delivery held until posting resumes');
        return false;
      case 'rejected':
        await store.markDeliveryFailed(delivery.id, outcome.reason, now.toISOString());
        log.warn({ reason: outcome.reason }, 'delivery rejected for good');
        return false;
    }
  }
}
