import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { ClientUser, Routes, type APIUser, type Client, type WebSocketOptions } from 'discord.js';
import { DiscordUnavailableError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';

/** Discord lets a bot identify one shard per 5 s in each bucket (`shard_id % max_concurrency`). */
const identifySpacingMs = 5_000;

/**
 * A worker posts over REST without a gateway connection: the token is set, and the bot's own user
 * fetched once (to recognise its own posts after a cut-off attempt).
 */
export async function connectRestOnly(client: Client, token: string): Promise<void> {
  client.rest.setToken(token);
  const me = (await client.rest.get(Routes.user())) as APIUser;
  // What discord.js does on READY; a worker never receives READY, and the destination and the
  // permission checks need to know who the bot is.
  const makeUser = ClientUser as unknown as new (client: Client, data: APIUser) => ClientUser;
  client.user = new makeUser(client, me);
  client.users.cache.set(me.id, client.user);
}

/** Posts of every process of the bot, one turn at a time: the token's global limit is the cluster's. */
export function sharedPace(store: Store, spacingMs: number): () => Promise<void> {
  return async () => {
    const turn = await store.reserveTurn('discord-posts', Date.now(), spacingMs);
    const wait = turn - Date.now();
    if (wait > 0) await sleep(wait);
  };
}

type BuildIdentifyThrottler = NonNullable<WebSocketOptions['buildIdentifyThrottler']>;
type GatewayManager = Parameters<BuildIdentifyThrottler>[0];

/**
 * Identifies throttled through the store, so that gateways on several machines keep Discord's pace
 * together: a shard identifies once it holds its bucket's lease, which runs out 5 s later. Before
 * any shard connects, the day's remaining session starts are checked.
 */
export function sharedIdentifyThrottler(store: Store, logger: Logger, shardsChosen: number | null): BuildIdentifyThrottler {
  return async (manager: GatewayManager) => {
    const { session_start_limit: limit, shards: recommended } = await manager.fetchGatewayInformation();
    // Without a choice of shards, this gateway connects as many as Discord recommends.
    const shardsHere = shardsChosen ?? recommended;
    if (limit.remaining < shardsHere) {
      const hours = Math.ceil(limit.reset_after / 3_600_000);
      throw new DiscordUnavailableError(
        `Discord allows ${limit.remaining} more gateway sessions today and this gateway needs ${shardsHere}; they are allowed again in about ${hours} h`,
        false,
      );
    }
    logger.info({ remaining: limit.remaining, maxConcurrency: limit.max_concurrency, shards: shardsHere }, 'gateway session starts left today');
    const holder = randomUUID();
    return {
      async waitForIdentify(shardId: number, signal: AbortSignal) {
        const name = `discord-identify:${shardId % limit.max_concurrency}`;
        for (;;) {
          signal.throwIfAborted();
          const now = Date.now();
          const until = new Date(now + identifySpacingMs).toISOString();
          if (await store.takeLease({ name, holder: `${holder}:${shardId}:${now}`, now: new Date(now).toISOString(), until })) return;
          await sleep(250, undefined, { signal });
        }
      },
    };
  };
}
