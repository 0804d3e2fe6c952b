/**
 * Each source keeps a stable slot inside its interval (from a hash of its id), so that a thousand
 * sources with the same interval spread over it instead of all polling at once. The hash is
 * FNV-1a: computed at every read of every source, it needs to spread ids, not to be secret.
 */
function slotOffsetMs(sourceId: string, intervalMs: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < sourceId.length; i++) hash = Math.imul(hash ^ sourceId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % Math.max(1, intervalMs);
}

/** The first slot strictly after `after`. */
export function nextSlot(sourceId: string, intervalSeconds: number, after: Date): Date {
  const intervalMs = intervalSeconds * 1000;
  const offset = slotOffsetMs(sourceId, intervalMs);
  const base = Math.floor((after.getTime() - offset) / intervalMs) * intervalMs + offset;
  return new Date(base + intervalMs);
}

const maxBackoffMs = 6 * 60 * 60_000;

/** After failures, wait longer: one interval, then two, four … capped at six hours. */
export function nextAfterFailure(intervalSeconds: number, consecutiveFailures: number, now: Date): Date {
  const delay = Math.min(maxBackoffMs, intervalSeconds * 1000 * 2 ** Math.max(0, consecutiveFailures - 1));
  return new Date(now.getTime() + delay);
}

/**
 * How much longer than its interval a source waits after a slow but successful read: twice after
 * one slow read (`slowMs` or more), four times at twice that, eight times at most.
 */
export function slowReadFactor(readMs: number, slowMs: number): number {
  if (readMs < slowMs) return 1;
  return Math.min(8, 2 ** Math.min(3, Math.floor(readMs / slowMs)));
}
