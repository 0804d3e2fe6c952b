import BetterSqlite3 from 'better-sqlite3';
import { openSqliteStore } from '../../../src/store/sqlite/sqlite-store.ts';
import { startFakeDiscord, type FakeDiscord, type FakeDiscordOptions } from '../../helpers/fake-discord/index.ts';
import { FeedServer } from '../../helpers/feed-server.ts';
import { startTestPds, type TestAccount, type TestPds } from '../../helpers/pds.ts';
import { testEnvironment, type TestEnvironment } from '../../helpers/test-app.ts';
import { redStarJoinsBluesky, redStarLeaves, routine, rss } from './hostile-feeds.ts';

/**
 * What the crash-and-restart suite runs the real bot against: a fake Discord with `servers`
 * servers of one channel each, all watching Red Star FC; a real PDS with the mirror's account; one
 * feed on 127.0.0.1; and a data folder whose SQLite file already holds the servers' settings.
 */
export interface FanOutWorld {
  discord: FakeDiscord;
  pds: TestPds;
  account: TestAccount;
  feeds: FeedServer;
  env: TestEnvironment;
  servers: Array<{ serverId: string; channelId: string }>;
  /** The environment `clubwatch start` runs with. */
  vars: Record<string, string>;
  /** From now on the feed carries the announcement (Red Star FC leaves X). */
  announce(): void;
  /** From now on the feed carries a second one too (Red Star FC joins Bluesky): a second fan-out. */
  announceMore(): void;
  /** Read straight from the SQLite file (the bot may be running): has the feed been read once? */
  feedReadOnce(): boolean;
  /** Posts in the mirror account's repository. */
  blueskyPosts(): Promise<Array<{ uri: string; text: string }>>;
  close(): Promise<void>;
}

export async function createFanOutWorld(options: { servers: number; discord?: FakeDiscordOptions }): Promise<FanOutWorld> {
  const servers = Array.from({ length: options.servers }, (_, i) => ({
    serverId: String(200_000_000_000_000_000n + BigInt(i)),
    channelId: String(300_000_000_000_000_000n + BigInt(i)),
  }));
  const discord = await startFakeDiscord({
    ...options.discord,
    guilds: servers.map(({ serverId, channelId }, i) => ({ id: serverId, name: `Supporters ${i}`, channels: [{ id: channelId, name: 'club-news' }] })),
  });
  const pds = await startTestPds();
  const account = await pds.createAccount('mirror.test');
  const feeds = new FeedServer();
  await feeds.start();
  // Articles link back to 127.0.0.1, which the link-card fetcher refuses without connecting.
  const linkBase = `${feeds.url}/articles`;
  feeds.route('/feed.xml', { body: rss('Le Parisien Sport', [routine], linkBase) });

  const env = testEnvironment({ sources: [`${feeds.url}/feed.xml`] });
  const config = env.config();
  const store = await openSqliteStore({ path: config.databasePath });
  try {
    for (const { serverId, channelId } of servers) {
      await store.updateServerSettings(serverId, { channelId });
      await store.addWatch(serverId, { kind: 'club', value: 'red-star-fc' });
    }
  } finally {
    await store.close();
  }

  const vars = {
    ...env.vars,
    CLUBWATCH_LOG_LEVEL: 'debug',
    CLUBWATCH_POLL_INTERVAL_SECONDS: '2',
    CLUBWATCH_TICK_SECONDS: '1',
    DISCORD_TOKEN: 'fault-suite-discord-token.not-a-real-one',
    DISCORD_APPLICATION_ID: discord.applicationId,
    DISCORD_API_BASE: discord.restBase,
    BLUESKY_SERVICE: pds.url,
    BLUESKY_IDENTIFIER: account.handle,
    BLUESKY_APP_PASSWORD: account.password,
  };

  return {
    discord,
    pds,
    account,
    feeds,
    env,
    servers,
    vars,
    announce() {
      feeds.route('/feed.xml', { body: rss('Le Parisien Sport', [routine, redStarLeaves], linkBase) });
    },
    announceMore() {
      feeds.route('/feed.xml', { body: rss('Le Parisien Sport', [routine, redStarLeaves, redStarJoinsBluesky], linkBase) });
    },
    feedReadOnce() {
      const db = new BetterSqlite3(config.databasePath, { readonly: true, fileMustExist: true });
      try {
        db.pragma('busy_timeout = 2000');
        const row = db.prepare('SELECT last_success_at AS at FROM sources').get() as { at: string | null } | undefined;
        return row?.at !== null && row?.at !== undefined;
      } finally {
        db.close();
      }
    },
    async blueskyPosts() {
      const agent = await pds.agentFor(account);
      const { data } = await agent.com.atproto.repo.listRecords({ repo: account.did, collection: 'app.bsky.feed.post', limit: 100 });
      return data.records.map((record) => ({ uri: record.uri, text: String((record.value as { text?: unknown }).text ?? '') }));
    },
    async close() {
      await Promise.allSettled([discord.close(), pds.close(), feeds.close()]);
      env.remove();
    },
  };
}
