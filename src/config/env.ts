/** Step one of three: the environment, read once, as strings. Nothing else reads `process.env`. */
export interface Env {
  dataDir?: string;
  databasePath?: string;
  databaseUrl?: string;
  configDir?: string;
  logLevel?: string;
  logFormat?: string;
  pollIntervalSeconds?: string;
  tickSeconds?: string;
  sample?: string;
  maxItemAgeDays?: string;
  maxAnnouncedPerRun?: string;
  fetchTimeoutMs?: string;
  maxFeedBytes?: string;
  storyWindowDays?: string;
  minConfidence?: string;
  previewLanguage?: string;
  userAgent?: string;
  allowedPrivateHosts?: string;
  holdDays?: string;
  retentionDays?: string;
  maxFetches?: string;
  maxFetchesPerHost?: string;
  parseThreads?: string;
  discordToken?: string;
  discordApplicationId?: string;
  discordApiBase?: string;
  discordDevGuildId?: string;
  discordShards?: string;
  discordShardCount?: string;
  deliveryLeaseSeconds?: string;
  blueskyService?: string;
  blueskyIdentifier?: string;
  blueskyAppPassword?: string;
  blueskyLanguage?: string;
  blueskyMinConfidence?: string;
  blueskyPlatforms?: string;
  blueskyLanguages?: string;
  blueskyReadClubs?: string;
  blueskyAppView?: string;
  blueskyPlcUrl?: string;
  blueskyJetstream?: string;
  webPort?: string;
  webHost?: string;
  webUrl?: string;
}

const names: Record<keyof Env, string> = {
  dataDir: 'CLUBWATCH_DATA_DIR',
  databasePath: 'CLUBWATCH_DATABASE',
  databaseUrl: 'CLUBWATCH_DATABASE_URL',
  configDir: 'CLUBWATCH_CONFIG_DIR',
  logLevel: 'CLUBWATCH_LOG_LEVEL',
  logFormat: 'CLUBWATCH_LOG_FORMAT',
  pollIntervalSeconds: 'CLUBWATCH_POLL_INTERVAL_SECONDS',
  tickSeconds: 'CLUBWATCH_TICK_SECONDS',
  sample: 'CLUBWATCH_SAMPLE',
  maxItemAgeDays: 'CLUBWATCH_MAX_ITEM_AGE_DAYS',
  maxAnnouncedPerRun: 'CLUBWATCH_MAX_ANNOUNCED_PER_RUN',
  fetchTimeoutMs: 'CLUBWATCH_FETCH_TIMEOUT_MS',
  maxFeedBytes: 'CLUBWATCH_MAX_FEED_BYTES',
  storyWindowDays: 'CLUBWATCH_STORY_WINDOW_DAYS',
  minConfidence: 'CLUBWATCH_MIN_CONFIDENCE',
  previewLanguage: 'CLUBWATCH_LANGUAGE',
  userAgent: 'CLUBWATCH_USER_AGENT',
  allowedPrivateHosts: 'CLUBWATCH_ALLOWED_PRIVATE_HOSTS',
  holdDays: 'CLUBWATCH_HOLD_DAYS',
  retentionDays: 'CLUBWATCH_RETENTION_DAYS',
  maxFetches: 'CLUBWATCH_MAX_FETCHES',
  maxFetchesPerHost: 'CLUBWATCH_MAX_FETCHES_PER_HOST',
  parseThreads: 'CLUBWATCH_PARSE_THREADS',
  discordToken: 'DISCORD_TOKEN',
  discordApplicationId: 'DISCORD_APPLICATION_ID',
  discordApiBase: 'DISCORD_API_BASE',
  discordDevGuildId: 'DISCORD_DEV_GUILD_ID',
  discordShards: 'DISCORD_SHARDS',
  discordShardCount: 'DISCORD_SHARD_COUNT',
  deliveryLeaseSeconds: 'CLUBWATCH_DELIVERY_LEASE_SECONDS',
  blueskyService: 'BLUESKY_SERVICE',
  blueskyIdentifier: 'BLUESKY_IDENTIFIER',
  blueskyAppPassword: 'BLUESKY_APP_PASSWORD',
  blueskyLanguage: 'BLUESKY_LANGUAGE',
  blueskyMinConfidence: 'BLUESKY_MIN_CONFIDENCE',
  blueskyPlatforms: 'BLUESKY_PLATFORMS',
  blueskyLanguages: 'BLUESKY_LANGUAGES',
  blueskyReadClubs: 'BLUESKY_READ_CLUB_ACCOUNTS',
  blueskyAppView: 'BLUESKY_APPVIEW',
  blueskyPlcUrl: 'BLUESKY_PLC_URL',
  blueskyJetstream: 'BLUESKY_JETSTREAM_URL',
  webPort: 'CLUBWATCH_WEB_PORT',
  webHost: 'CLUBWATCH_WEB_HOST',
  webUrl: 'CLUBWATCH_WEB_URL',
};

/** The variable name behind each setting, for error messages that name what to fix. */
export function envName(key: keyof Env): string {
  return names[key];
}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const env: Env = {};
  for (const [key, name] of Object.entries(names) as Array<[keyof Env, string]>) {
    const value = source[name]?.trim();
    if (value) env[key] = value;
  }
  return env;
}
