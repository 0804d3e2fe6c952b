import type { Store } from '../store/store.ts';

const dayMs = 86_400_000;

/**
 * Items are kept for `days`, and each source's newest `keepPerSource` whatever their age (a feed
 * that posts twice a year keeps its history). What goes leaves only a compact key, so it is never
 * announced again. Returns how many items went.
 */
export function applyRetention(store: Store, retention: { days: number; keepPerSource: number }, now: Date): Promise<number> {
  return store.pruneItems({
    seenBefore: new Date(now.getTime() - retention.days * dayMs).toISOString(),
    keepPerSource: retention.keepPerSource,
  });
}
