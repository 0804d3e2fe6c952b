import { Client, GatewayIntentBits, Options, type ClientOptions } from 'discord.js';
import { restTarget } from './rest-target.ts';

/** A rate limit longer than this is not waited out inside a send: the outbox retries it later. */
const longestRateLimitWaitMs = 30_000;

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
  };
}

/**
 * The bot only needs guilds, their channels and roles (to check where it may post) and its own
 * member; everything else is not cached, so memory stays flat however many servers add it.
 */
export function createDiscordClient(apiBase: string | null): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
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
