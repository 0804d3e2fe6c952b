import { ConfigError } from '../errors.ts';
import type { Env } from './env.ts';

/** The gateway shards this process connects: all of them (Discord's count) unless both variables say which. */
export interface ShardChoice {
  /** Shard ids, from 0; null lets Discord's recommended count decide and connects them all. */
  ids: number[] | null;
  count: number | null;
}

/** `DISCORD_SHARDS=0,1` or `0-3`, with `DISCORD_SHARD_COUNT=8`: this process's share of the shards. */
export function shardChoice(env: Pick<Env, 'discordShards' | 'discordShardCount'>): ShardChoice {
  if (env.discordShards === undefined && env.discordShardCount === undefined) return { ids: null, count: null };
  if (env.discordShards === undefined || env.discordShardCount === undefined) {
    throw new ConfigError('DISCORD_SHARDS and DISCORD_SHARD_COUNT go together: the shards this gateway connects, and how many there are in all');
  }
  const count = Number(env.discordShardCount);
  if (!Number.isInteger(count) || count < 1 || count > 10_000) {
    throw new ConfigError(`DISCORD_SHARD_COUNT must be a whole number from 1 to 10000, not "${env.discordShardCount}"`);
  }
  const ids = new Set<number>();
  for (const part of env.discordShards.split(',')) {
    const range = /^\s*(\d+)\s*(?:-\s*(\d+)\s*)?$/.exec(part);
    const first = Number(range?.[1]);
    const last = Number(range?.[2] ?? range?.[1]);
    if (!range || last < first || last >= count) {
      throw new ConfigError(`DISCORD_SHARDS must list shard ids below DISCORD_SHARD_COUNT (${count}), like 0,1 or 0-3, not "${env.discordShards}"`);
    }
    for (let id = first; id <= last; id += 1) ids.add(id);
  }
  return { ids: [...ids].sort((a, b) => a - b), count };
}
