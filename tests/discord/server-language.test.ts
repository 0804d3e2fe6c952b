import { afterEach, describe, expect, it } from 'vitest';
import { ADMIN, GUILD, Harness, NEWS, OM, guilds, option } from './harness.ts';

/** The README's order is invite, then start: servers present at start-up must get their language too. */
describe('a French server the bot is already in when it starts', () => {
  let harness: Harness | null = null;
  afterEach(async () => {
    await harness?.close();
    harness = null;
  });

  const frenchGuild = () => guilds().map((guild) => (guild.id === GUILD ? { ...guild, preferredLocale: 'fr' } : guild));

  it('is answered and posted to in French from the start', async () => {
    const bot = (harness = await Harness.start({ fake: { guilds: frenchGuild() } }));
    expect((await bot.context.store.getServerSettings(GUILD)).language).toBe('fr');

    const channel = await bot.admin('channel', [option('channel', NEWS, 7)]);
    expect(channel.reply?.content).toContain(`Les nouvelles seront publiées dans <#${NEWS}>.`);
    await bot.admin('watch', [option('club', OM)]);
    await bot.story();
    await bot.app.dispatcher.runOnce();
    expect(bot.posts()[0]?.embeds[0]?.title).toBe('OM quitte X');
  });

  it('keeps the language its admins chose across restarts, whatever the server’s locale', async () => {
    const bot = (harness = await Harness.start({ fake: { guilds: frenchGuild() } }));
    const chosen = await bot.admin('language', [option('language', 'de')]);
    expect((await bot.context.store.getServerSettings(GUILD)).language).toBe('de');
    expect(chosen.reply?.content).toBeTruthy();
    await bot.restart();
    expect((await bot.context.store.getServerSettings(GUILD)).language).toBe('de');
    const reply = await bot.admin('channel', [option('channel', NEWS, 7)]);
    expect(reply.reply?.content).toContain(`Meldungen werden in <#${NEWS}> gepostet.`);
  });

  it('switches a server set up in English by an earlier version to its locale at the next start', async () => {
    const bot = (harness = await Harness.start({ fake: { guilds: frenchGuild() } }));
    await bot.context.store.updateServerSettings(GUILD, { language: 'en', channelId: NEWS });
    await bot.restart();
    expect((await bot.context.store.getServerSettings(GUILD)).language).toBe('fr');
  });

  it('tells the fetcher’s reasons in French too', async () => {
    const bot = (harness = await Harness.start({ fake: { guilds: frenchGuild() } }));
    const port = new URL(bot.feeds.url).port;
    const add = (url: string) =>
      bot.command(ADMIN, 'clubwatch', 'sources', [], {
        options: [{ type: 2, name: 'sources', options: [{ type: 1, name: 'add', options: [{ name: 'url', type: 3, value: url }] }] }] as never,
      });
    expect((await add(`http://127.0.0.1:${port}/feed.xml`)).reply?.content).toBe(`clubwatch n’a pas pu lire cette adresse : refusé : port ${port} (seuls 80 et 443).`);
    expect((await add('http://127.0.0.1/feed.xml')).reply?.content).toBe('clubwatch n’a pas pu lire cette adresse : refusé : 127.0.0.1 n’est pas une adresse publique.');
  });
});
