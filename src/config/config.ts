import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { platforms, type Platform } from '../announcements/announcement.ts';
import { ConfigError } from '../errors.ts';
import { invalidAllowedHost } from '../sources/fetch/address-policy.ts';
import { envName, type Env } from './env.ts';
import { shardChoice, type ShardChoice } from './shards.ts';

/** Step two: the config, with defaults and cross-checks, failing fast in plain words. */
export interface Config {
  dataDir: string;
  databasePath: string;
  configDir: string;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** `CLUBWATCH_LOG_FORMAT`; null lets the command line choose (readable on a terminal, JSON otherwise). */
  logFormat: 'json' | 'pretty' | null;
  sources: {
    pollIntervalSeconds: number;
    tickSeconds: number;
    /** Read the bundled sample feeds (on by default in preview mode only, so a new install shows something at once). */
    sample: boolean;
    maxItemAgeDays: number;
    maxAnnouncedPerRun: number;
    fetchTimeoutMs: number;
    maxFeedBytes: number;
    maxRedirects: number;
    userAgent: string;
    /** Host names, addresses and CIDR ranges users' URLs may reach though not public (a feed service on the operator's network). */
    allowedPrivateHosts: string[];
    /** Reads at once, in all and of one host. */
    maxFetches: number;
    maxFetchesPerHost: number;
    /** Worker threads that parse large feed bodies (default: one per core). */
    parseThreads: number;
  };
  /** Items are kept this many days, and each source's newest 200 whatever their age. */
  retention: { days: number; keepPerSource: number };
  stories: { windowDays: number; minConfidence: number };
  /**
   * Updates for a server whose posting is paused are held this many days, then dropped (and counted).
   * A delivery claimed longer than `leaseSeconds` ago, and never finished, was cut off: it is sent again.
   */
  deliveries: { holdDays: number; leaseSeconds: number };
  previewLanguage: string;
  discord: { applicationId: string; apiBase: string | null; devGuildId: string | null; shards: ShardChoice } | null;
  bluesky: {
    service: string;
    identifier: string;
    language: string;
    minConfidence: number;
    platforms: Platform[] | null;
    languages: string[] | null;
  } | null;
  /** Reading clubs' accounts: the AppView (handles, search), the PLC directory (`did:plc` documents), Jetstream. */
  blueskySource: { readClubAccounts: boolean; appView: string; plcUrl: string; jetstream: string | null };
  /** The public read-only site, when `CLUBWATCH_WEB_PORT` is set. */
  web: { port: number; host: string; publicUrl: string | null } | null;
}

export const summaryLanguages = ['en', 'fr', 'de', 'es', 'it', 'pt'] as const;

function number(env: Env, key: keyof Env, fallback: number, min: number, max: number): number {
  const raw = env[key];
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new ConfigError(`${envName(key)} must be a number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

function flag(env: Env, key: keyof Env, fallback: boolean): boolean {
  const raw = env[key]?.toLowerCase();
  if (raw === undefined) return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${envName(key)} must be true or false, not "${env[key]}"`);
}

function language(env: Env, key: keyof Env, fallback: string): string {
  const raw = env[key]?.toLowerCase() ?? fallback;
  if (!(summaryLanguages as readonly string[]).includes(raw)) {
    throw new ConfigError(`${envName(key)} must be one of ${summaryLanguages.join(', ')}, not "${raw}"`);
  }
  return raw;
}

function url(env: Env, key: keyof Env, fallback: string | null): string | null {
  const raw = env[key] ?? fallback;
  if (raw === null) return null;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http');
  } catch {
    throw new ConfigError(`${envName(key)} must be an http(s) URL, not "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function websocketUrl(env: Env, key: keyof Env): string | null {
  const raw = env[key];
  if (raw === undefined) return null;
  try {
    const parsed = new URL(raw);
    if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') throw new Error('not a websocket URL');
  } catch {
    throw new ConfigError(`${envName(key)} must be a ws(s) URL, not "${raw}"`);
  }
  return raw;
}

function list(raw: string | undefined): string[] | null {
  if (!raw) return null;
  return raw.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean);
}

function hostList(env: Env): string[] {
  const entries = (env.allowedPrivateHosts ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  const bad = invalidAllowedHost(entries);
  if (bad !== null) {
    throw new ConfigError(`${envName('allowedPrivateHosts')} must list host names, addresses or CIDR ranges separated by commas, not "${bad}"`);
  }
  return entries;
}

function discordConfig(env: Env): Config['discord'] {
  if (env.discordToken && !env.discordApplicationId) {
    throw new ConfigError('DISCORD_TOKEN is set but DISCORD_APPLICATION_ID is missing');
  }
  if (!env.discordToken && env.discordApplicationId) {
    throw new ConfigError('DISCORD_APPLICATION_ID is set but DISCORD_TOKEN is missing');
  }
  if (!env.discordToken || !env.discordApplicationId) return null;
  if (!/^\d{1,20}$/.test(env.discordApplicationId)) {
    throw new ConfigError(`DISCORD_APPLICATION_ID must be a numeric id, not "${env.discordApplicationId}"`);
  }
  return {
    applicationId: env.discordApplicationId,
    apiBase: url(env, 'discordApiBase', null),
    devGuildId: env.discordDevGuildId ?? null,
    shards: shardChoice(env),
  };
}

function blueskyConfig(env: Env): Config['bluesky'] {
  if (env.blueskyIdentifier && !env.blueskyAppPassword) {
    throw new ConfigError('BLUESKY_IDENTIFIER is set but BLUESKY_APP_PASSWORD is missing');
  }
  if (!env.blueskyIdentifier && env.blueskyAppPassword) {
    throw new ConfigError('BLUESKY_APP_PASSWORD is set but BLUESKY_IDENTIFIER is missing');
  }
  if (!env.blueskyIdentifier) return null;
  const wanted = list(env.blueskyPlatforms);
  const unknown = wanted?.filter((platform) => !(platforms as readonly string[]).includes(platform)) ?? [];
  if (unknown.length > 0) {
    throw new ConfigError(`BLUESKY_PLATFORMS names unknown platforms: ${unknown.join(', ')} (known: ${platforms.join(', ')})`);
  }
  return {
    service: url(env, 'blueskyService', 'https://bsky.social') as string,
    identifier: env.blueskyIdentifier,
    language: language(env, 'blueskyLanguage', 'en'),
    minConfidence: number(env, 'blueskyMinConfidence', 0.7, 0, 1),
    platforms: wanted as Platform[] | null,
    languages: list(env.blueskyLanguages),
  };
}

function webConfig(env: Env): Config['web'] {
  if (env.webPort === undefined) {
    if (env.webHost || env.webUrl) throw new ConfigError('CLUBWATCH_WEB_HOST or CLUBWATCH_WEB_URL is set but CLUBWATCH_WEB_PORT is missing');
    return null;
  }
  const host = env.webHost ?? '127.0.0.1';
  if (!/^[A-Za-z0-9.:-]+$/.test(host)) throw new ConfigError(`CLUBWATCH_WEB_HOST must be a host name or an address, not "${host}"`);
  const port = number(env, 'webPort', 0, 0, 65_535);
  if (!Number.isInteger(port)) throw new ConfigError(`CLUBWATCH_WEB_PORT must be a whole number from 0 to 65535, not "${env.webPort}"`);
  return { port, host, publicUrl: url(env, 'webUrl', null) };
}

export function buildConfig(env: Env, cwd = process.cwd()): Config {
  const dataDir = resolve(cwd, env.dataDir ?? 'data');
  const logLevel = (env.logLevel ?? 'info') as Config['logLevel'];
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError(`CLUBWATCH_LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "${logLevel}"`);
  }
  const logFormat = env.logFormat?.toLowerCase() ?? null;
  if (logFormat !== null && logFormat !== 'json' && logFormat !== 'pretty') {
    throw new ConfigError(`CLUBWATCH_LOG_FORMAT must be json or pretty, not "${env.logFormat}"`);
  }
  if (env.databaseUrl !== undefined && !/^postgres(ql)?:\/\//.test(env.databaseUrl)) {
    // The value is not repeated: it may hold a password.
    throw new ConfigError('CLUBWATCH_DATABASE_URL must be a PostgreSQL address, postgres://user@host:5432/database');
  }
  const pollIntervalSeconds = number(env, 'pollIntervalSeconds', 600, 2, 86_400);
  return {
    dataDir,
    databasePath: env.databasePath === ':memory:' ? ':memory:' : resolve(cwd, env.databasePath ?? `${dataDir}/clubwatch.db`),
    configDir: resolve(cwd, env.configDir ?? 'config'),
    logLevel,
    logFormat,
    sources: {
      pollIntervalSeconds,
      tickSeconds: number(env, 'tickSeconds', Math.min(5, pollIntervalSeconds), 1, 60),
      // A preview: on by default only when clubwatch posts nowhere but the console.
      sample: flag(env, 'sample', !env.discordToken && !env.blueskyIdentifier),
      maxItemAgeDays: number(env, 'maxItemAgeDays', 14, 1, 3650),
      maxAnnouncedPerRun: number(env, 'maxAnnouncedPerRun', 20, 1, 1000),
      fetchTimeoutMs: number(env, 'fetchTimeoutMs', 15_000, 500, 120_000),
      maxFeedBytes: number(env, 'maxFeedBytes', 5 * 1024 * 1024, 10_000, 100 * 1024 * 1024),
      maxRedirects: 5,
      userAgent: env.userAgent ?? 'clubwatch/0.1 (+https://github.com/clubwatch/clubwatch; feed reader)',
      allowedPrivateHosts: hostList(env),
      maxFetches: number(env, 'maxFetches', 32, 1, 256),
      maxFetchesPerHost: number(env, 'maxFetchesPerHost', 2, 1, 64),
      parseThreads: number(env, 'parseThreads', availableParallelism(), 0, 64),
    },
    retention: { days: number(env, 'retentionDays', 30, 1, 36_500), keepPerSource: 200 },
    stories: {
      windowDays: number(env, 'storyWindowDays', 14, 1, 365),
      minConfidence: number(env, 'minConfidence', 0.6, 0, 1),
    },
    deliveries: { holdDays: number(env, 'holdDays', 7, 1, 365), leaseSeconds: number(env, 'deliveryLeaseSeconds', 120, 5, 3600) },
    previewLanguage: language(env, 'previewLanguage', 'en'),
    discord: discordConfig(env),
    bluesky: blueskyConfig(env),
    blueskySource: {
      readClubAccounts: flag(env, 'blueskyReadClubs', false),
      appView: url(env, 'blueskyAppView', 'https://public.api.bsky.app') as string,
      plcUrl: url(env, 'blueskyPlcUrl', 'https://plc.directory') as string,
      jetstream: websocketUrl(env, 'blueskyJetstream'),
    },
    web: webConfig(env),
  };
}
