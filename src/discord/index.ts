import { setTimeout as sleep } from 'node:timers/promises';
import { type Client, Events, RESTEvents } from 'discord.js';
import { commands } from '../../commands/index.ts';
import type { AppContext } from '../app/context.ts';
import type { PlatformModule } from '../app/platform.ts';
import { ConfigError } from '../errors.ts';
import { subsystemLogger } from '../logger.ts';
import { createDiscordClient } from './client.ts';
import { connectRestOnly, sharedIdentifyThrottler, sharedPace } from './cluster.ts';
import { DiscordDestination, postSpacingMs, type DiscordDestinationOptions } from './destination.ts';
import { discordFailure } from './failure.ts';
import { guardGatewayEvents } from './gateway-guard.ts';
import { adoptLocalesOfPresentServers, followGuildMembership } from './guild-events.ts';
import { interactionHandler } from './router.ts';
import type { BotServices } from './services.ts';

const readyTimeoutMs = 90_000;
const loginBackoffFirstMs = 1_000;
const loginBackoffMaxMs = 60_000;

/** Logs in and waits for discord.js to be ready (every server received). */
async function connect(client: Client, token: string): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  let onReady: (() => void) | undefined;
  const ready = new Promise<void>((resolve, reject) => {
    onReady = () => resolve();
    client.once(Events.ClientReady, onReady);
    timer = setTimeout(() => reject(new Error(`Discord did not say ready within ${readyTimeoutMs / 1_000} s`)), readyTimeoutMs);
  });
  ready.catch(() => undefined);
  try {
    await client.login(token);
    await ready;
  } finally {
    clearTimeout(timer);
    if (onReady) client.off(Events.ClientReady, onReady);
  }
}

export { deployCommands } from './deploy.ts';

/**
 * `both`: the gateway and the posts, in one process; `gateway`: the gateway alone (commands, servers
 * joining and leaving); `rest`: the posts alone, over REST, without a gateway connection (a worker).
 */
export type DiscordMode = 'both' | 'gateway' | 'rest';

/**
 * The Discord bot: answers `/clubs` and `/clubwatch`, and posts each server's stories to its channel
 * (`discord:<serverId>` deliveries). Only the Guilds intent; the REST base comes from the config.
 * On a shared store, posts keep one pace across processes and identifies are throttled through it.
 */
export function createDiscordPlatform(context: AppContext, options: DiscordDestinationOptions = {}, mode: DiscordMode = 'both'): PlatformModule {
  const discord = context.config.discord;
  if (!discord) throw new ConfigError('Discord is not configured: set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  const logger = subsystemLogger(context.logger, 'discord');
  const client = createDiscordClient(discord.apiBase, {
    shards: discord.shards,
    ...(context.sharedStore ? { buildIdentifyThrottler: sharedIdentifyThrottler(context.store, logger, discord.shards.ids?.length ?? null) } : {}),
  });
  const bot: BotServices = { context, client, logger };
  const handle = interactionHandler(bot, commands);
  const stopping = new AbortController();
  guardGatewayEvents(client, discord.applicationId, logger);

  client.on(Events.InteractionCreate, (interaction) => {
    void handle(interaction);
  });
  followGuildMembership(bot);
  client.on(Events.Error, (err) => logger.error({ err }, 'Discord client error'));
  client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'Discord client warning'));
  client.on(Events.ShardDisconnect, (event) => logger.warn({ code: event.code }, 'disconnected from the Discord gateway'));
  client.on(Events.ShardResume, () => logger.info('gateway session resumed'));
  client.rest.on(RESTEvents.RateLimited, (info) => logger.debug({ route: info.route, retryAfter: info.retryAfter, global: info.global }, 'rate limited by Discord'));
  client.rest.on(RESTEvents.InvalidRequestWarning, (info) =>
    logger.warn({ invalidRequests: info.count, resetsInMs: info.remainingTime }, 'Discord refused many requests lately; it bans bots at 10,000 in 10 minutes'),
  );

  let restReady = false;
  const destinationOptions: DiscordDestinationOptions = {
    ...(mode === 'rest' ? { isReady: () => restReady } : {}),
    ...(context.sharedStore ? { pace: sharedPace(context.store, postSpacingMs) } : {}),
    ...options,
  };

  return {
    name: 'discord',
    ...(mode === 'gateway' ? {} : { destination: new DiscordDestination(bot, destinationOptions) }),
    async start() {
      const token = context.secrets.discordToken;
      if (!token) throw new ConfigError('DISCORD_TOKEN is missing');
      if (mode === 'rest') {
        await connectRestOnly(client, token).catch((err: unknown) => {
          throw discordFailure(err, discord.apiBase);
        });
        restReady = true;
        logger.info({ user: client.user?.tag }, 'posting to Discord over REST (the gateway is another process)');
        return;
      }
      // Discord out of reach at start-up is waited out with backoff; a refused token ends the start.
      for (let attempt = 1; !stopping.signal.aborted; attempt++) {
        try {
          await connect(client, token);
          await adoptLocalesOfPresentServers(bot);
          logger.info({ user: client.user?.tag, servers: client.guilds.cache.size }, 'connected to Discord');
          return;
        } catch (err) {
          const failure = discordFailure(err, discord.apiBase);
          if (!failure.retryable || stopping.signal.aborted) throw failure;
          const delayMs = Math.min(loginBackoffMaxMs, loginBackoffFirstMs * 2 ** (attempt - 1));
          logger.warn({ attempt, retryInSeconds: delayMs / 1_000, reason: failure.message }, 'Discord unreachable; trying again');
          await client.destroy().catch(() => undefined);
          await sleep(delayMs, undefined, { signal: stopping.signal }).catch(() => undefined);
        }
      }
    },
    async stop() {
      stopping.abort();
      await client.destroy();
    },
  };
}
