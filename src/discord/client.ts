import { Client, DefaultRestOptions, GatewayIntentBits, Options, type ClientOptions, type WebSocketOptions } from 'discord.js';
import type { ShardChoice } from '../config/shards.ts';
import { restTarget } from './rest-target.ts';

/** A rate limit longer than this is not waited out inside a send: the outbox retries it later. */
const longestRateLimitWaitMs = 30_000;

type MakeRequest = (typeof DefaultRestOptions)['makeRequest'];

/**
 * discord.js's own request function, except that a multipart body (a file: the board picture) is
 * encoded to bytes first. discord.js builds it as Node's FormData and hands it to its undici 6,
 * whose requests go through the global dispatcher that this project's undici 7 owns; undici 7
 * cannot send that FormData ("action is not a function", discord.js #10946 and #11525). Bytes and
 * a Content-Type with the boundary mean the same request to Discord and pass through any undici.
 */
const makeRequest: MakeRequest = async (url, init) => {
  const body: unknown = init.body;
  if (!(body instanceof FormData)) return DefaultRestOptions.makeRequest(url, init);
  const encoded = new Response(body);
  const headers = new Headers(init.headers as ConstructorParameters<typeof Headers>[0]);
  headers.set('content-type', encoded.headers.get('content-type') ?? 'multipart/form-data');
  return DefaultRestOptions.makeRequest(url, {
    ...init,
    body: new Uint8Array(await encoded.arrayBuffer()),
    headers: Object.fromEntries(headers),
  });
};

export function restOptions(apiBase: string | null): NonNullable<ClientOptions['rest']> {
  const { api, version } = restTarget(apiBase);
  return {
    api,
    version,
    // One quick retry for a 5xx or a dropped connection; after that the outbox backs off.
    retries: 1,
    timeout: 15_000,
    rejectOnRateLimit: (data) => data.retryAfter > longestRateLimitWaitMs,
    // Discord bans a bot for a while after 10,000 refused requests in 10 minutes: say so well before.
    invalidRequestWarningInterval: 250,
    makeRequest,
  };
}

export interface GatewayOptions {
  /** This process's share of the gateway shards (all of them by default). */
  shards?: ShardChoice;
  /** How shards wait for their turn to identify (discord.js's own, per process, by default). */
  buildIdentifyThrottler?: NonNullable<WebSocketOptions['buildIdentifyThrottler']>;
}

/**
 * The bot only needs guilds, their channels and roles (to check where it may post) and its own
 * member; everything else is not cached, so memory stays flat however many servers add it.
 */
export function createDiscordClient(apiBase: string | null, gateway: GatewayOptions = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(gateway.shards?.ids && gateway.shards.count ? { shards: gateway.shards.ids, shardCount: gateway.shards.count } : {}),
    ...(gateway.buildIdentifyThrottler ? { ws: { buildIdentifyThrottler: gateway.buildIdentifyThrottler } } : {}),
    rest: restOptions(apiBase),
    allowedMentions: { parse: [], repliedUser: false },
    makeCache: Options.cacheWithLimits({
      MessageManager: 0,
      GuildMessageManager: 0,
      DMMessageManager: 0,
      PresenceManager: 0,
      ReactionManager: 0,
      ReactionUserManager: 0,
      GuildEmojiManager: 0,
      BaseGuildEmojiManager: 0,
      GuildStickerManager: 0,
      GuildInviteManager: 0,
      GuildBanManager: 0,
      GuildScheduledEventManager: 0,
      StageInstanceManager: 0,
      VoiceStateManager: 0,
      AutoModerationRuleManager: 0,
      ApplicationCommandManager: 0,
      ThreadMemberManager: 0,
      GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
      UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
    }),
    sweepers: {
      ...Options.DefaultSweeperSettings,
      threads: { interval: 3_600, lifetime: 3_600 },
    },
  });
}
