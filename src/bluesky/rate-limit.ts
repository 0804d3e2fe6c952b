import { XRPCError } from '@atproto/api';

/**
 * How long to wait after a 429, from the `ratelimit-reset` the server sent (epoch seconds), else
 * from `retry-after`; a minute when it said neither.
 */
export function rateLimitWaitMs(headers: Record<string, string | undefined> | undefined, now = Date.now()): number {
  const reset = Number(headers?.['ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return Math.max(1_000, reset * 1000 - now + 1_000);
  const after = Number(headers?.['retry-after']);
  if (Number.isFinite(after) && after >= 0) return Math.max(1_000, after * 1000);
  return 60_000;
}

export function isRateLimited(err: unknown): err is XRPCError {
  return err instanceof XRPCError && err.status === 429;
}

/** A network failure or a 5xx: worth another try later. */
export function isTransient(err: unknown): boolean {
  if (!(err instanceof XRPCError)) return true;
  // 1 and 2: no answer, or one that did not match the lexicon.
  const status: number = err.status;
  return status >= 500 || status === 1 || status === 2;
}

/**
 * Writes cost points on the hosted service (5,000 an hour per account; a post costs 3). The mirror
 * keeps to a small share of that: at most `perHour` posts in any rolling hour.
 */
export class PostBudget {
  private readonly times: number[] = [];

  constructor(private readonly perHour: number) {}

  /** Milliseconds until `count` more posts fit in the budget; 0 when they fit now. */
  waitFor(count: number, now = Date.now()): number {
    const hourAgo = now - 3_600_000;
    while (this.times.length > 0 && (this.times[0] as number) <= hourAgo) this.times.shift();
    if (this.times.length + count <= this.perHour) return 0;
    const freeing = this.times[Math.min(this.times.length - 1, this.times.length + count - this.perHour - 1)] as number;
    return Math.max(1_000, freeing + 3_600_000 - now);
  }

  spend(now = Date.now()): void {
    this.times.push(now);
  }
}
