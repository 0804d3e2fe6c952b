import { afterEach, describe, expect, it } from 'vitest';
import { sourceIdFor } from '../../src/sources/source-id.ts';
import { GUILD, Harness, NEWS } from './harness.ts';

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const weekMs = 7 * 86_400_000;

describe('servers that removed the bot', () => {
  let bot: Harness | undefined;
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
  });

  it('pauses a server that only added its own feed when it removes the bot, and its feed is left unread a week later', async () => {
    bot = await Harness.start();
    const { store } = bot.context;
    const url = `${bot.feeds.url}/feed.xml?server`;
    const source = await store.addSource({ id: sourceIdFor('feed', url), url, kind: 'feed', origin: 'server', intervalSeconds: 600, nextFetchAt: new Date().toISOString() });
    await store.subscribeServerSource(GUILD, source.id);

    bot.discord.removeGuild(GUILD);
    await waitFor(async () => (await store.getServerSettings(GUILD)).pausedReason === 'removed-from-server');

    const inEightDays = new Date(Date.now() + 8 * 86_400_000);
    const due = (now: Date) => store.listDueSources(now.toISOString(), 10, { readersActiveSince: new Date(now.getTime() - weekMs).toISOString() });
    expect((await due(new Date())).map((s) => s.id)).toContain(source.id);
    expect((await due(inEightDays)).map((s) => s.id)).not.toContain(source.id);
  });

  it('pauses a server that removed the bot while the bot was stopped, once the bot is back', async () => {
    bot = await Harness.start();
    await bot.admin('channel', [{ name: 'channel', type: 7, value: NEWS }]);
    expect((await bot.context.store.getServerSettings(GUILD)).channelId).toBe(NEWS);
    await bot.stop();
    bot.discord.removeGuild(GUILD);
    await bot.restart();
    await waitFor(async () => (await bot!.context.store.getServerSettings(GUILD)).pausedReason === 'removed-from-server');
  });
});
