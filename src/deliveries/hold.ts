import type { Store } from '../store/store.ts';
import { deliveryId } from './delivery-id.ts';

export interface ReleaseResult {
  /** Held deliveries sent again one by one. */
  released: number;
  /** Held stories gathered into one catch-up digest (0 when there was none). */
  digested: number;
  /** Held longer than the hold period: counted and dropped. */
  dropped: number;
}

/** More held updates than this become one catch-up digest instead of a burst of posts. */
const maxSeparateCatchUp = 5;

/**
 * Posting to a destination resumed: what was held while it was paused is sent, oldest first. Up to
 * five held updates go out as they were; more become one catch-up digest of their stories, in order.
 * Updates held longer than `holdDays` are dropped and counted, so the admins can be told.
 */
export async function releaseHeld(
  store: Store,
  destination: string,
  options: { now: Date; holdDays: number; language: string },
): Promise<ReleaseResult> {
  return store.transaction(async (tx) => {
    const held = await tx.listHeldDeliveries(destination);
    const oldest = new Date(options.now.getTime() - options.holdDays * 86_400_000).toISOString();
    const nowIso = options.now.toISOString();
    const expired = held.filter((delivery) => delivery.createdAt < oldest);
    for (const delivery of expired) {
      await tx.markDeliveryFailed(delivery.id, `held longer than ${options.holdDays} days while posting was paused`, nowIso);
    }
    const kept = held.filter((delivery) => delivery.createdAt >= oldest);
    // Due at once but one millisecond apart, oldest first, so the outbox hands them out in order.
    const dueAt = (index: number, count: number) => new Date(options.now.getTime() - (count - index)).toISOString();
    if (kept.length <= maxSeparateCatchUp) {
      await tx.releaseDeliveries(kept.map((delivery, index) => ({ id: delivery.id, nextAttemptAt: dueAt(index, kept.length) })));
      return { released: kept.length, digested: 0, dropped: expired.length };
    }
    const storyIds = [...new Set(kept.flatMap((delivery) => delivery.content.storyIds))];
    const content = { kind: 'digest' as const, storyIds, language: options.language };
    const id = deliveryId(content, destination, `catch-up:${kept.map((delivery) => delivery.id).join(',')}`);
    await tx.enqueueDelivery({ id, destination, content, idempotencyKey: id, nextAttemptAt: dueAt(0, 1) });
    await tx.markDeliveriesMerged(
      kept.map((delivery) => delivery.id),
      id,
      nowIso,
    );
    return { released: 0, digested: storyIds.length, dropped: expired.length };
  });
}
