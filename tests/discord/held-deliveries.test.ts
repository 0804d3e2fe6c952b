import BetterSqlite3 from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Action, Platform } from '../../src/announcements/announcement.ts';
import { sourceIdFor } from '../../src/sources/source-id.ts';
import { GUILD, Harness, NEWS, OM, option, rss, type HarnessOptions } from './harness.ts';

const events: Array<{ platform: Platform; action: Action; title: string }> = [
  { platform: 'x', action: 'leave', title: 'OM leaves X' },
  { platform: 'bluesky', action: 'join', title: 'OM joins Bluesky' },
  { platform: 'threads', action: 'join', title: 'OM joins Threads' },
  { platform: 'mastodon', action: 'join', title: 'OM joins Mastodon' },
  { platform: 'instagram', action: 'pause', title: 'OM pauses Instagram' },
  { platform: 'tiktok', action: 'leave', title: 'OM leaves TikTok' },
  { platform: 'youtube', action: 'return', title: 'OM returns to YouTube' },
];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a server whose channel refuses the bot for a while', () => {
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

  /** Stories arrive one at a time, a moment apart, so "oldest first" means something. */
  async function storiesDuringPause(bot: Harness, count: number): Promise<void> {
    for (const event of events.slice(0, count)) {
      await bot.story({ platform: event.platform, action: event.action });
      await bot.app.dispatcher.runOnce();
      await sleep(5);
    }
  }

  it('holds the refused post and those that arrive during the pause, then posts all three once, in order, when the channel is set again', async () => {
    const bot = await ready();
    bot.discord.denyChannel(NEWS, 'send');
    await sleep(100);
    await storiesDuringPause(bot, 3);
    expect((await bot.context.store.getServerSettings(GUILD)).pausedReason).toBe('missing-permissions');
    expect(bot.posts()).toHaveLength(0);
    // One refused attempt; the two later stories cost Discord nothing.
    expect(bot.sends()).toHaveLength(1);
    const held = await bot.context.store.listDeliveries({ destination: `discord:${GUILD}` });
    expect(held.map((delivery) => delivery.status)).toEqual(['held', 'held', 'held']);

    bot.discord.setChannelPermissions(NEWS, {});
    const fixed = await bot.admin('channel', [option('channel', NEWS, 7)]);
    expect(fixed.reply?.content).toContain('Posting had been paused; it has resumed.');
    expect(fixed.reply?.content).toContain('3 updates held during the pause will be posted now, oldest first.');
    await bot.app.dispatcher.runOnce();

    expect(bot.posts().map((post) => post.embeds[0]?.title)).toEqual(events.slice(0, 3).map((event) => event.title));
    const after = await bot.context.store.listDeliveries({ destination: `discord:${GUILD}` });
    expect(after.map((delivery) => delivery.status)).toEqual(['sent', 'sent', 'sent']);
    await bot.app.dispatcher.runOnce();
    expect(bot.posts()).toHaveLength(3);
  });

  it('notices at the next attempt that the permission is back, and posts what was held before the new story', async () => {
    const bot = await ready();
    bot.discord.denyChannel(NEWS, 'send');
    await sleep(100);
    await storiesDuringPause(bot, 1);
    expect(bot.posts()).toHaveLength(0);

    bot.discord.setChannelPermissions(NEWS, {});
    await sleep(100);
    await bot.story({ platform: events[1]!.platform, action: events[1]!.action });
    await bot.app.dispatcher.runOnce();
    expect(bot.posts().map((post) => post.embeds[0]?.title)).toEqual([events[0]!.title, events[1]!.title]);
    expect((await bot.context.store.getServerSettings(GUILD)).pausedReason).toBeNull();
  });

  it('gathers more than five held updates into one catch-up digest, and drops and counts those held too long', async () => {
    const bot = await ready({ env: { holdDays: '2' } });
    bot.discord.denyChannel(NEWS, 'view');
    await sleep(100);
    await storiesDuringPause(bot, 7);
    expect((await bot.context.store.getServerSettings(GUILD)).pausedReason).toBe('missing-access');
    const held = await bot.context.store.listDeliveries({ destination: `discord:${GUILD}` });
    expect(held).toHaveLength(7);
    // The first one has waited three days.
    const db = new BetterSqlite3(bot.config.databasePath);
    db.prepare('update deliveries set created_at = ? where id = ?').run(new Date(Date.now() - 3 * 86_400_000).toISOString(), held[0]!.id);
    db.close();

    bot.discord.setChannelPermissions(NEWS, {});
    const fixed = await bot.admin('channel', [option('channel', NEWS, 7)]);
    expect(fixed.reply?.content).toContain('1 update was held longer than 2 days during the pause and dropped.');
    expect(fixed.reply?.content).toContain('6 updates held during the pause will be posted now, oldest first, as one catch-up digest.');
    await bot.app.dispatcher.runOnce();

    const posts = bot.posts();
    expect(posts).toHaveLength(1);
    expect(posts[0]?.embeds[0]?.title).toBe('OM joins Bluesky; OM joins Threads; OM joins Mastodon; OM pauses its Instagram account; OM leaves TikTok; OM returns to YouTube');
    const after = await bot.context.store.listDeliveries({ destination: `discord:${GUILD}` });
    expect(after.filter((delivery) => delivery.status === 'merged')).toHaveLength(6);
    expect(after.filter((delivery) => delivery.status === 'failed')).toHaveLength(1);
    expect(after.filter((delivery) => delivery.status === 'sent')).toHaveLength(1);
  });

  it('says in why that a story read during the pause is held, not posted, until posting resumes', async () => {
    const bot = await ready();
    bot.discord.denyChannel(NEWS, 'send');
    await sleep(100);
    await storiesDuringPause(bot, 1);
    const link = 'https://news.example/om-quitte-x';
    bot.feeds.route('/feed.xml', {
      body: rss([
        { id: 'seed', title: 'Pre-season friendly ends in a draw', text: 'Nothing about social media here.' },
        { id: 'om-x', title: 'L’OM rejoint Threads', text: 'L’Olympique de Marseille a annoncé mardi rejoindre le réseau social Threads.', link },
      ]),
    });
    const now = new Date().toISOString();
    await bot.context.store.recordFetchSuccess(sourceIdFor('feed', `${bot.feeds.url}/feed.xml`), { etag: null, lastModified: null, bodyHash: null, fetchedAt: now, nextFetchAt: now });
    await bot.app.poller.tick();
    await bot.app.dispatcher.runOnce();

    const why = await bot.admin('why', [option('url', link)]);
    expect(why.reply?.embeds.at(-1)?.fields?.[0]?.value).toMatch(/held while posting to this server is paused \(story \d+\); it will be posted when posting resumes/);

    bot.discord.setChannelPermissions(NEWS, {});
    await bot.admin('channel', [option('channel', NEWS, 7)]);
    await bot.app.dispatcher.runOnce();
    expect(bot.posts().map((post) => post.embeds[0]?.title)).toEqual(['OM leaves X', 'OM joins Threads']);
    const whyAfter = await bot.admin('why', [option('url', link)]);
    expect(whyAfter.reply?.embeds.at(-1)?.fields?.[0]?.value).toMatch(/posted \(story \d+\)/);
  });
});
