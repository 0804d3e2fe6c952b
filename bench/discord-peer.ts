import { startFakeDiscord, type FakeDiscord } from '../tests/helpers/fake-discord/index.ts';
import { startSlidingLimits } from './sliding-limits.ts';

/**
 * The Discord the benchmarks post to: the fake Discord of the tests (REST and gateway on
 * 127.0.0.1, the real discord.js client talks to it) with `count` servers of one text channel
 * each, and Discord's limits enforced: 50 requests a second for the bot, 5 messages per 5 seconds
 * per channel, 429 with `retry_after` beyond. Every figure the benchmarks take from Discord's side
 * goes through `DiscordTally`, so another fake enforcing the same limits can stand in for this one.
 */
export interface BenchServer {
  serverId: string;
  channelId: string;
}

export interface DiscordTally {
  /** Messages created in this channel so far. */
  messageCount(channelId: string): number;
  /** When each message was created (ms since the epoch), all channels, oldest first. */
  messageTimes(): number[];
  /** The message arrival time of the first message in a channel, if any. */
  firstMessageAt(channelId: string): number | null;
  /** Answers 429 given so far. */
  rateLimited(): number;
  /** REST requests answered so far. */
  requestCount(): number;
}

export interface BenchDiscord {
  restBase: string;
  applicationId: string;
  servers: BenchServer[];
  tally: DiscordTally;
  close(): Promise<void>;
}

export function benchServers(count: number): BenchServer[] {
  return Array.from({ length: count }, (_, index) => ({
    serverId: String(200_000_000_000_000_000n + BigInt(index)),
    channelId: String(300_000_000_000_000_000n + BigInt(index)),
  }));
}

export type LimitWindows = 'fixed' | 'sliding';

export interface BenchDiscordOptions {
  /** Holds every answer back, as the way to Discord and back does (tens of ms in production). */
  responseDelayMs?: number;
  /** 'fixed': the fake's own windows, each starting at its first request; 'sliding': see sliding-limits.ts. */
  limits?: LimitWindows;
}

export async function startBenchDiscord(count: number, options: BenchDiscordOptions = {}): Promise<BenchDiscord> {
  const servers = benchServers(count);
  const sliding = options.limits === 'sliding';
  const fake: FakeDiscord = await startFakeDiscord({
    enforceRateLimits: !sliding,
    responseDelayMs: options.responseDelayMs ?? 0,
    guilds: servers.map(({ serverId, channelId }, index) => ({
      id: serverId,
      name: `Supporters ${index}`,
      channels: [{ id: channelId, name: 'club-news' }],
    })),
  });
  const proxy = sliding ? await startSlidingLimits(fake.restBase) : null;
  const messagePosts = () =>
    fake.requests.filter((request) => request.method === 'POST' && /^\/channels\/\d+\/messages$/.test(request.path) && request.status < 300);
  return {
    restBase: proxy?.restBase ?? fake.restBase,
    applicationId: fake.applicationId,
    servers,
    tally: {
      messageCount: (channelId) => fake.messages(channelId).length,
      messageTimes: () => messagePosts().map((request) => request.at).sort((a, b) => a - b),
      firstMessageAt: (channelId) => {
        const first = messagePosts().find((request) => request.path === `/channels/${channelId}/messages`);
        return first ? first.at : null;
      },
      rateLimited: () => fake.requests.filter((request) => request.status === 429).length + (proxy?.rateLimited() ?? 0),
      requestCount: () => fake.requests.length,
    },
    close: async () => {
      await proxy?.close();
      await fake.close();
    },
  };
}
