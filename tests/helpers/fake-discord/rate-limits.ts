/** A fixed-window bucket, reset `windowMs` after its first request, as Discord's buckets are. */
interface Window {
  count: number;
  resetAt: number;
}

export interface RateLimitDecision {
  /** Headers to send whatever the outcome. */
  headers: Record<string, string>;
  /** Set when the request must be refused. */
  limited: { retryAfter: number; global: boolean; scope: 'user' | 'global' } | null;
}

const GLOBAL_PER_SECOND = 50;
const MESSAGES_PER_WINDOW = 5;
const MESSAGE_WINDOW_MS = 5000;

/**
 * Discord's documented limits for a bot: 50 requests per second overall (interaction and
 * webhook-token routes excepted) and 5 messages per 5 seconds in one channel.
 */
export class RateLimiter {
  readonly #global: Window = { count: 0, resetAt: 0 };
  readonly #buckets = new Map<string, Window>();

  constructor(private readonly enforce: boolean) {}

  check(method: string, path: string, now = Date.now()): RateLimitDecision {
    const counted = !/^\/(interactions|webhooks)\//.test(path);
    const channelMessage = method === 'POST' ? /^\/channels\/(\d+)\/messages$/.exec(path) : null;
    if (!this.enforce) return { headers: {}, limited: null };

    if (counted) {
      const global = roll(this.#global, now, 1000);
      if (global.count >= GLOBAL_PER_SECOND) {
        const retryAfter = seconds(global.resetAt - now);
        return {
          headers: { 'x-ratelimit-global': 'true', 'x-ratelimit-scope': 'global', 'retry-after': String(retryAfter) },
          limited: { retryAfter, global: true, scope: 'global' },
        };
      }
    }
    if (channelMessage) {
      const key = `messages:${channelMessage[1]}`;
      const bucket = roll(this.#bucket(key), now, MESSAGE_WINDOW_MS);
      const headers = (remaining: number): Record<string, string> => ({
        'x-ratelimit-limit': String(MESSAGES_PER_WINDOW),
        'x-ratelimit-remaining': String(remaining),
        'x-ratelimit-reset': String((bucket.resetAt / 1000).toFixed(3)),
        'x-ratelimit-reset-after': String(seconds(bucket.resetAt - now)),
        'x-ratelimit-bucket': 'fake0channel0messages',
      });
      if (bucket.count >= MESSAGES_PER_WINDOW) {
        const retryAfter = seconds(bucket.resetAt - now);
        return {
          headers: { ...headers(0), 'x-ratelimit-scope': 'user', 'retry-after': String(retryAfter) },
          limited: { retryAfter, global: false, scope: 'user' },
        };
      }
      bucket.count += 1;
      if (counted) this.#global.count += 1;
      return { headers: headers(MESSAGES_PER_WINDOW - bucket.count), limited: null };
    }
    if (counted) this.#global.count += 1;
    return { headers: {}, limited: null };
  }

  #bucket(key: string): Window {
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = { count: 0, resetAt: 0 };
      this.#buckets.set(key, bucket);
    }
    return bucket;
  }
}

function roll(window: Window, now: number, windowMs: number): Window {
  if (now >= window.resetAt) {
    window.count = 0;
    window.resetAt = now + windowMs;
  }
  return window;
}

/** Discord states waits in seconds with millisecond precision. */
const seconds = (ms: number): number => Math.max(0.001, Math.ceil(ms) / 1000);
