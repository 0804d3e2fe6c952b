import BetterSqlite3 from 'better-sqlite3';
import type { APIMessage, RESTPostAPIChannelMessageJSONBody } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueueDueDigests } from '../../src/deliveries/digests.ts';
import { sourceIdFor } from '../../src/sources/source-id.ts';
import { FANS_ROLE, GENERAL, GUILD, Harness, NEWS, OM, guilds, option, rss, type HarnessOptions } from './harness.ts';

const messagesPath = /^\/channels\/\d+\/messages$/;

describe('posting new stories to a server’s channel', () => {
  let harness: Harness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  async function ready(options: HarnessOptions = {}): Promise<Harness> {
    harness = await Harness.start(options);
    await harness.admin('channel', [option('channel', NEWS, 7)]);
    await harness.admin('watch', [option('club', OM)]);
    return harness;
  }

  it('posts exactly one message when a feed reports a watched club leaving X, and nothing more after a restart', async () => {
    const bot = await ready();
    const feedUrl = `${bot.feeds.url}/feed.xml`;
    bot.feeds.route('/feed.xml', {
      body: rss([
        { id: 'seed', title: 'Pre-season friendly ends in a draw', text: 'Nothing about social media here.' },
        { id: 'om-x', title: 'L’OM quitte X', text: 'L’Olympique de Marseille a annoncé mardi quitter le réseau social X.', link: 'https://news.example/om-quitte-x' },
      ]),
    });
    // Time passes: the feed is due again.
    const sourceId = sourceIdFor('feed', feedUrl);
    const now = new Date().toISOString();
    await bot.context.store.recordFetchSuccess(sourceId, { etag: null, lastModified: null, bodyHash: null, fetchedAt: now, nextFetchAt: now });
    await bot.app.poller.tick();
    await bot.app.dispatcher.runOnce();

    const posts = bot.posts();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.embeds[0]?.title).toBe('OM leaves X');
    expect(posts[0]?.embeds[0]?.url).toBe('https://news.example/om-quitte-x');
    const [send] = bot.sends();
    const body = send?.body as RESTPostAPIChannelMessageJSONBody;
    expect(body.enforce_nonce).toBe(true);
    expect(String(body.nonce).length).toBeLessThanOrEqual(25);
    const [delivery] = await bot.context.store.listDeliveries({ destination: `discord:${GUILD}` });
    expect(delivery).toMatchObject({ status: 'sent', idempotencyKey: body.nonce, externalId: posts[0]?.id });

    await bot.restart();
    await bot.context.store.recordFetchSuccess(sourceId, { etag: null, lastModified: null, bodyHash: null, fetchedAt: now, nextFetchAt: now });
    await bot.app.poller.tick();
    await bot.app.dispatcher.runOnce();
    expect(bot.posts()).toHaveLength(1);
    expect(bot.sends()).toHaveLength(1);
  });

  it('never lets a feed item’s title ping anyone, from the feed to the channel', async () => {
    const bot = await ready();
    const feedUrl = `${bot.feeds.url}/feed.xml`;
    bot.feeds.route('/feed.xml', {
      body: rss([
        { id: 'seed', title: 'Pre-season friendly ends in a draw', text: 'Nothing about social media here.' },
        { id: 'ping', title: '@everyone @here L’OM quitte X <@410000000000000002> <@&510000000000000001>', text: '@everyone L’Olympique de Marseille a annoncé quitter X. @here' },
      ]),
    });
    const now = new Date().toISOString();
    await bot.context.store.recordFetchSuccess(sourceIdFor('feed', feedUrl), { etag: null, lastModified: null, bodyHash: null, fetchedAt: now, nextFetchAt: now });
    await bot.app.poller.tick();
    await bot.app.dispatcher.runOnce();

    const [post] = bot.posts();
    expect((bot.sends()[0]?.body as RESTPostAPIChannelMessageJSONBody).allowed_mentions).toEqual({ parse: [], roles: [] });
    expect(post).toMatchObject({ mention_everyone: false, mentions: [], mention_roles: [] });
    expect(JSON.stringify(post?.embeds)).not.toMatch(/@everyone|@here|<@\d|<@&\d/);
  });

  it('waits out a 429 and retries a 500, posting once with the same nonce each time', async () => {
    const bot = await ready();
    bot.discord.failNext({ method: 'POST', pathPattern: messagesPath, status: 429, retryAfter: 0.05 });
    bot.discord.failNext({ method: 'POST', pathPattern: messagesPath, status: 500 });
    await bot.story();
    await bot.app.dispatcher.runOnce();
    expect(bot.posts()).toHaveLength(1);
    const sends = bot.sends();
    expect(sends.map((send) => send.status)).toEqual([429, 500, 200]);
    expect(new Set(sends.map((send) => (send.body as RESTPostAPIChannelMessageJSONBody).nonce)).size).toBe(1);
  });

  it('turns a long Retry-After into a later attempt instead of waiting inside the send', async () => {
    const bot = await ready();
    bot.discord.failNext({ method: 'POST', pathPattern: messagesPath, status: 429, retryAfter: 120 });
    await bot.story();
    await bot.app.dispatcher.runOnce();
    const [waiting] = await bot.context.store.listDeliveries({ destination: `discord:${GUILD}` });
    expect(waiting?.status).toBe('pending');
    expect(waiting?.lastError).toMatch(/^rate limited/);
    expect(Date.parse(waiting?.nextAttemptAt ?? '') - Date.now()).toBeGreaterThan(60_000);
    expect(bot.posts()).toHaveLength(0);
  });

  it('backs off after repeated 5xx, then checks the channel before posting again', async () => {
    const bot = await ready();
    bot.discord.failNext({ method: 'POST', pathPattern: messagesPath, status: 503, times: 2 });
    await bot.story();
    await bot.app.dispatcher.runOnce();
    const [waiting] = await bot.context.store.listDeliveries({ destination: `discord:${GUILD}` });
    expect(waiting).toMatchObject({ status: 'pending', lastError: 'Discord answered 503' });
    expect(Date.parse(waiting?.nextAttemptAt ?? '')).toBeGreaterThan(Date.now());
    expect(bot.posts()).toHaveLength(0);

    await bot.context.store.scheduleDeliveryRetry(waiting?.id ?? '', waiting?.lastError ?? '', new Date().toISOString());
    await bot.app.dispatcher.runOnce();
    expect(bot.posts()).toHaveLength(1);
    expect(bot.discord.requests.some((request) => request.method === 'GET' && request.path === `/channels/${NEWS}/messages`)).toBe(true);
  });

  it('pauses a server whose channel refuses posts, keeps its settings, and tells its admins', async () => {
    const bot = await ready();
    bot.discord.denyChannel(NEWS, 'send');
    await bot.story();
    await bot.app.dispatcher.runOnce();

    const settings = await bot.context.store.getServerSettings(GUILD);
    expect(settings).toMatchObject({ channelId: NEWS, pausedReason: 'missing-permissions' });
    expect(await bot.context.store.listWatches(GUILD)).toEqual([{ kind: 'club', value: OM }]);
    const notice = bot.posts(GENERAL);
    expect(notice).toHaveLength(1);
    expect(notice[0]?.content).toContain(`clubwatch has paused posting to <#${NEWS}>`);
    expect(notice[0]?.mention_everyone).toBe(false);

    // A paused server costs Discord no more requests.
    const refused = bot.sends().length;
    await bot.story({ platform: 'bluesky', action: 'join' });
    await bot.app.dispatcher.runOnce();
    expect(bot.sends()).toHaveLength(refused);

    const reply = await bot.admin('settings');
    expect(reply.reply?.embeds[0]?.description).toMatch(/^Posting to <#\d+> is paused: clubwatch is missing a permission in the channel/);
    expect(reply.reply?.embeds[1]?.fields?.find((field) => field.name === 'State')?.value).toMatch(/^⏸️ paused since/);
    await waitFor(async () => (await bot.context.store.getServerSettings(GUILD)).adminNotice === null);
    expect((await bot.admin('settings')).reply?.embeds).toHaveLength(1);

    bot.discord.setChannelPermissions(NEWS, {});
    const fixed = await bot.admin('channel', [option('channel', NEWS, 7)]);
    expect(fixed.reply?.content).toContain('Posting had been paused; it has resumed.');
    expect((await bot.context.store.getServerSettings(GUILD)).pausedReason).toBeNull();
  });

  it('pauses when the channel is deleted', async () => {
    const bot = await ready();
    bot.discord.deleteChannel(NEWS);
    await bot.story();
    await bot.app.dispatcher.runOnce();
    expect((await bot.context.store.getServerSettings(GUILD)).pausedReason).toBe('unknown-channel');
  });

  it('never lets feed text ping anyone', async () => {
    const bot = await ready();
    await bot.story({ evidence: '@everyone @here L’OM quitte X <@410000000000000002> <@&510000000000000001>', outlets: ['@everyone news'] });
    await bot.app.dispatcher.runOnce();
    const [post] = bot.posts();
    const body = bot.sends()[0]?.body as RESTPostAPIChannelMessageJSONBody;
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [] });
    expect(post?.mention_everyone).toBe(false);
    expect(post?.mentions).toEqual([]);
    expect(post?.mention_roles).toEqual([]);
    expect(post?.embeds[0]?.description).not.toMatch(/@everyone|<@\d/);
  });

  it('mentions the configured role and only that role', async () => {
    const bot = await ready();
    await bot.admin('mention', [option('role', FANS_ROLE, 8)]);
    await bot.story();
    await bot.app.dispatcher.runOnce();
    const [post] = bot.posts();
    expect(post?.content).toBe(`<@&${FANS_ROLE}>`);
    expect(post?.mention_roles).toEqual([FANS_ROLE]);
    expect((bot.sends()[0]?.body as RESTPostAPIChannelMessageJSONBody).allowed_mentions).toEqual({ parse: [], roles: [FANS_ROLE] });
  });

  it('looks for its earlier post in the channel before resending a delivery interrupted long ago', async () => {
    // Discord has forgotten the nonce by then.
    const bot = await ready({ fake: { nonceWindowMs: 1 } });
    await bot.story();
    await bot.app.dispatcher.runOnce();
    expect(bot.posts()).toHaveLength(1);
    const delivery = await restartAfterCrashWhileSending(bot, new Date(Date.now() - 10 * 60_000));

    expect(bot.posts()).toHaveLength(1);
    expect(bot.discord.requests.some((request) => request.method === 'GET' && request.path === `/channels/${NEWS}/messages`)).toBe(true);
    expect(bot.sends()).toHaveLength(0);
    expect(await bot.context.store.getDelivery(delivery?.id ?? '')).toMatchObject({ status: 'sent', externalId: bot.posts()[0]?.id });
  });

  it('checks the channel even after a recent interruption, so a Discord that ignores nonces gets no double post', async () => {
    const bot = await ready({ fake: { nonceWindowMs: 1 } });
    await bot.story();
    await bot.app.dispatcher.runOnce();
    await restartAfterCrashWhileSending(bot, new Date());

    expect(bot.posts()).toHaveLength(1);
    expect(bot.sends()).toHaveLength(0);
  });

  it('can trust Discord’s nonce alone for an attempt cut off moments ago', async () => {
    const bot = await ready({ destination: { nonceTrustMs: 90_000 } });
    await bot.story();
    await bot.app.dispatcher.runOnce();
    const delivery = await restartAfterCrashWhileSending(bot, new Date());

    expect(bot.posts()).toHaveLength(1);
    expect((bot.sends()[0]?.body as RESTPostAPIChannelMessageJSONBody).nonce).toBe(delivery?.idempotencyKey);
    expect(bot.discord.requests.some((request) => request.method === 'GET' && request.path === `/channels/${NEWS}/messages`)).toBe(false);
  });

  it('posts an hourly digest as one message', async () => {
    const bot = await ready();
    await bot.admin('cadence', [option('mode', 'hourly')]);
    await bot.story();
    await bot.story({ clubId: 'olympique-de-marseille', platform: 'bluesky', action: 'join' });
    const hourAgo = Date.now() - 3_600_000;
    await enqueueDueDigests(bot.context.store, new Date(hourAgo - 3_600_000));
    await enqueueDueDigests(bot.context.store, new Date(hourAgo));
    await bot.app.dispatcher.runOnce();
    const posts: APIMessage[] = bot.posts();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.embeds[0]?.title).toBe('OM leaves X; OM joins Bluesky');
  });
});

/** Stops the bot as a crash would after its post went out, then starts it again and lets it send. */
async function restartAfterCrashWhileSending(bot: Harness, claimedAt: Date) {
  const [delivery] = await bot.context.store.listDeliveries({ destination: `discord:${GUILD}` });
  await bot.stop();
  crashedWhileSending(bot.config.databasePath, delivery?.id ?? '', claimedAt);
  bot.discord.clearRecords();
  await bot.restart();
  await bot.app.dispatcher.runOnce();
  return delivery;
}

/** The state a crash leaves behind: the post went out, but the outbox still says "sending". */
function crashedWhileSending(databasePath: string, deliveryId: string, claimedAt: Date): void {
  const db = new BetterSqlite3(databasePath);
  db.prepare("update deliveries set status = 'sending', claimed_at = ?, sent_at = null, external_id = null where id = ?").run(claimedAt.toISOString(), deliveryId);
  db.close();
}

describe('leaving and rejoining a server', () => {
  it('pauses posting when the bot is removed and resumes when it is added back', async () => {
    const bot = await Harness.start();
    try {
      await bot.admin('channel', [option('channel', NEWS, 7)]);
      const [spec] = guilds();
      bot.discord.removeGuild(GUILD);
      await waitFor(async () => (await bot.context.store.getServerSettings(GUILD)).pausedReason === 'removed-from-server');
      if (spec) bot.discord.addGuild(spec);
      await waitFor(async () => (await bot.context.store.getServerSettings(GUILD)).pausedReason === null);
      expect(await bot.context.store.getServerSettings(GUILD)).toMatchObject({ channelId: NEWS, pausedReason: null });
    } finally {
      await bot.close();
    }
  });

  it('speaks a new server’s own language from the start', async () => {
    const bot = await Harness.start();
    try {
      bot.discord.addGuild({ id: '240000000000000001', name: 'Supporters de l’OM', preferredLocale: 'fr', channels: [{ id: '340000000000000001', name: 'actus' }] });
      await waitFor(async () => (await bot.context.store.getServerSettings('240000000000000001')).language === 'fr');
      const result = await bot.discord.interact({
        guildId: '240000000000000001',
        channelId: '340000000000000001',
        user: { id: '410000000000000009', username: 'fan' },
        commandName: 'clubs',
        options: [{ type: 1, name: 'status', options: [option('club', OM)] }],
      });
      expect(result.reply?.embeds[0]?.title).toBe('Olympique de Marseille : où en est le club');
    } finally {
      await bot.close();
    }
  });

  it('keeps a digest of many stories within Discord’s limits', async () => {
    const bot = await Harness.start();
    try {
      await bot.admin('channel', [option('channel', NEWS, 7)]);
      await bot.admin('watch', [option('country', 'FR')]);
      await bot.admin('cadence', [option('mode', 'hourly')]);
      const clubs = bot.context.catalog.entries.filter((entry) => entry.country === 'FR' && entry.kind === 'club');
      for (const club of clubs) {
        for (const platform of ['x', 'bluesky', 'threads'] as const) {
          await bot.story({ clubId: club.id, clubName: club.name, platform, evidence: `${club.name} ${'a long quote '.repeat(40)}` });
        }
      }
      const hourAgo = Date.now() - 3_600_000;
      await enqueueDueDigests(bot.context.store, new Date(hourAgo - 3_600_000));
      await enqueueDueDigests(bot.context.store, new Date(hourAgo));
      await bot.app.dispatcher.runOnce();
      expect(bot.sends().map((send) => send.status)).toEqual([200]);
      expect(bot.posts()).toHaveLength(1);
    } finally {
      await bot.close();
    }
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
