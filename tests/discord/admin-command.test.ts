import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImpossibleInteractionError } from '../helpers/fake-discord/index.ts';
import {
  ADMIN,
  FANS_ROLE,
  GUILD,
  Harness,
  LOCKED,
  MANAGE_SERVER,
  MEMBER,
  NEWS,
  OM,
  OTHER_ADMIN,
  OTHER_GUILD,
  OTHER_NEWS,
  UNREGISTERED_GUILD,
  UNREGISTERED_NEWS,
  option,
} from './harness.ts';

describe('/clubwatch, for server admins', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await Harness.start();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('is hidden by Discord from members without Manage Server', async () => {
    await expect(harness.command(MEMBER, 'clubwatch', 'watch', [option('club', OM)])).rejects.toBeInstanceOf(ImpossibleInteractionError);
  });

  it('refuses a member without Manage Server even when Discord lets the command through', async () => {
    // Admins can open a command to more members in the server's integration settings; the bot checks again.
    const result = await harness.discord.interact({
      guildId: UNREGISTERED_GUILD,
      channelId: UNREGISTERED_NEWS,
      user: MEMBER,
      commandName: 'clubwatch',
      options: [{ type: 1, name: 'watch', options: [option('club', OM)] }],
    });
    expect(result.reply?.content).toMatch(/Only members with the Manage Server permission/);
    expect(result.reply?.flags).toBe(64);
    expect(await harness.context.store.listWatches(UNREGISTERED_GUILD)).toEqual([]);
  });

  it('suggests nothing to a member without Manage Server', async () => {
    await harness.context.store.addWatch(UNREGISTERED_GUILD, { kind: 'club', value: OM });
    const result = await harness.discord.interact({
      guildId: UNREGISTERED_GUILD,
      channelId: UNREGISTERED_NEWS,
      user: MEMBER,
      type: 'autocomplete',
      commandName: 'clubwatch',
      options: [{ type: 1, name: 'unwatch', options: [{ ...option('club', 'mars'), focused: true }] }] as never,
    });
    expect(result.choices).toEqual([]);
    expect(await harness.context.store.listWatches(UNREGISTERED_GUILD)).toEqual([{ kind: 'club', value: OM }]);
  });

  it('watches and unwatches a club, a league and a country', async () => {
    expect((await harness.admin('watch', [option('club', 'phocéens')])).reply?.content).toMatch(/^This server now watches Olympique de Marseille\./);
    expect((await harness.admin('watch', [option('league', 'ligue-1')])).reply?.content).toMatch(/now watches Ligue 1/);
    expect((await harness.admin('watch', [option('country', 'de')])).reply?.content).toMatch(/now watches Germany/);
    expect(await harness.context.store.listWatches(GUILD)).toEqual([
      { kind: 'club', value: OM },
      { kind: 'country', value: 'DE' },
      { kind: 'league', value: 'ligue-1' },
    ]);
    expect((await harness.admin('unwatch', [option('country', 'DE')])).reply?.content).toBe('This server no longer watches Germany.');
    expect((await harness.admin('unwatch', [option('league', 'ligue-1')])).reply?.content).toBe('This server no longer watches Ligue 1.');
  });

  it('asks for exactly one of club, league or country', async () => {
    const result = await harness.admin('watch', [option('club', OM), option('league', 'ligue-1')]);
    expect(result.reply?.content).toBe('Choose exactly one of: a club, a league or a country.');
  });

  it('says plainly when a club is unknown and changes nothing', async () => {
    const before = await harness.context.store.listWatches(GUILD);
    const result = await harness.admin('watch', [option('club', 'Atlantis United')]);
    expect(result.reply?.content).toMatch(/No club in the catalog matches “Atlantis United”/);
    expect(await harness.context.store.listWatches(GUILD)).toEqual(before);
  });

  it('sets the channel after checking the bot can post there', async () => {
    const result = await harness.admin('channel', [option('channel', NEWS, 7)]);
    expect(result.reply?.content).toBe(`News will be posted in <#${NEWS}>.`);
    expect((await harness.context.store.getServerSettings(GUILD)).channelId).toBe(NEWS);
  });

  it('names the permissions it is missing in a channel and keeps the old one', async () => {
    const result = await harness.admin('channel', [option('channel', LOCKED, 7)]);
    expect(result.reply?.content).toBe(`clubwatch cannot post in <#${LOCKED}>: it is missing Send Messages, Embed Links there. Give it those permissions, then run this again.`);
    expect((await harness.context.store.getServerSettings(GUILD)).channelId).toBe(NEWS);
  });

  it('refuses a channel of another server', async () => {
    const result = await harness.admin('channel', [option('channel', OTHER_NEWS, 7)]);
    expect(result.reply?.content).toBe('That channel is not in this server.');
    expect((await harness.context.store.getServerSettings(GUILD)).channelId).toBe(NEWS);
  });

  it('refuses a channel Discord does not know', async () => {
    const result = await harness.admin('channel', [option('channel', '399999999999999999', 7)]);
    expect(result.reply?.content).toBe('That channel is not in this server.');
  });

  it('sets a daily digest at a local time and checks the time zone', async () => {
    const daily = await harness.admin('cadence', [option('mode', 'daily'), option('time', '7:30'), option('timezone', 'Europe/Paris')]);
    expect(daily.reply?.content).toBe('Stories will be posted once a day at 07:30 (Europe/Paris), as a digest.');
    const bad = await harness.admin('cadence', [option('mode', 'daily'), option('timezone', 'Mars/Olympus_Mons')]);
    expect(bad.reply?.content).toMatch(/is not a time zone/);
    expect(await harness.context.store.getServerSettings(GUILD)).toMatchObject({ cadence: 'daily', dailyAt: '07:30', timeZone: 'Europe/Paris' });
    await harness.admin('cadence', [option('mode', 'immediate')]);
  });

  it('mentions only a role, never @everyone', async () => {
    const everyone = await harness.admin('mention', [option('role', GUILD, 8)]);
    expect(everyone.reply?.content).toBe('clubwatch never mentions @everyone. Pick a role.');
    const elsewhere = await harness.admin('mention', [option('role', '599999999999999999', 8)]);
    expect(elsewhere.reply?.content).toBe('That role is not in this server.');
    const role = await harness.admin('mention', [option('role', FANS_ROLE, 8)]);
    expect(role.reply?.content).toBe(`New posts will mention <@&${FANS_ROLE}>.`);
    expect((await harness.context.store.getServerSettings(GUILD)).mentionRoleId).toBe(FANS_ROLE);
    await harness.admin('mention', []);
    expect((await harness.context.store.getServerSettings(GUILD)).mentionRoleId).toBeNull();
  });

  it('refuses feeds on private or loopback addresses, whatever the DNS says', async () => {
    for (const url of [`${harness.feeds.url}/feed.xml`, 'http://169.254.169.254/latest/meta-data', 'http://localhost:9/feed']) {
      const result = await harness.command(ADMIN, 'clubwatch', 'sources', [], {
        options: [{ type: 2, name: 'sources', options: [{ type: 1, name: 'add', options: [option('url', url)] }] }] as never,
      });
      expect(result.reply?.content, url).toMatch(/^clubwatch could not read that address: refused/);
    }
    expect(await harness.context.store.listServerSources(GUILD)).toEqual([]);
  });

  it('answers hostile values plainly and changes nothing', async () => {
    const add = (url: string) =>
      harness.command(ADMIN, 'clubwatch', 'sources', [], {
        options: [{ type: 2, name: 'sources', options: [{ type: 1, name: 'add', options: [option('url', url)] }] }] as never,
      });
    expect((await add('https://user:secret@news.example/feed')).reply?.content).toBe('Addresses with a user name or password cannot be added.');
    expect((await add('javascript:alert(1)')).reply?.content).toBe('Only http and https addresses can be added.');
    expect((await add('@everyone')).reply?.content).toBe('That is not a web address.');
    const long = await harness.admin('watch', [option('club', `${'x'.repeat(99)}\u0000`)]);
    expect(long.reply?.content).toMatch(/No club in the catalog matches/);
    const markdown = await harness.admin('watch', [option('club', '**<@&123456789012345678> @here**')]);
    expect(markdown.reply?.content).not.toContain('<@&123456789012345678>');
    expect(markdown.reply?.content).not.toMatch(/@here/);
    expect(await harness.context.store.listServerSources(GUILD)).toEqual([]);
  });

  it('keeps each server’s settings its own', async () => {
    const result = await harness.discord.interact({
      guildId: OTHER_GUILD,
      channelId: OTHER_NEWS,
      user: OTHER_ADMIN,
      memberPermissions: MANAGE_SERVER,
      commandName: 'clubwatch',
      options: [{ type: 1, name: 'settings', options: [] }],
    });
    const embed = result.reply?.embeds[0];
    const channel = embed?.fields?.find((field) => field.name === 'Channel');
    expect(channel?.value).toBe('not set');
    expect(JSON.stringify(embed)).not.toContain('Marseille');
    await harness.discord.interact({
      guildId: OTHER_GUILD,
      channelId: OTHER_NEWS,
      user: OTHER_ADMIN,
      memberPermissions: MANAGE_SERVER,
      commandName: 'clubwatch',
      options: [{ type: 1, name: 'unwatch', options: [option('club', OM)] }],
    });
    expect(await harness.context.store.listWatches(GUILD)).toContainEqual({ kind: 'club', value: OM });
    expect((await harness.context.store.getServerSettings(GUILD)).channelId).toBe(NEWS);
  });

  it('shows everything at a glance', async () => {
    const result = await harness.admin('settings');
    const fields = Object.fromEntries((result.reply?.embeds[0]?.fields ?? []).map((field) => [field.name, field.value]));
    expect(fields).toMatchObject({
      Channel: `<#${NEWS}>`,
      State: '✅ posting',
      Cadence: 'Each story will be posted as soon as it is known.',
      Language: 'English',
      Mention: 'none',
      'Watching (1)': 'Olympique de Marseille',
      'Own feeds': '0',
    });
  });

  it('replies in French once the server speaks French', async () => {
    const set = await harness.admin('language', [option('language', 'fr')]);
    expect(set.reply?.content).toBe('clubwatch parlera français sur ce serveur.');
    const result = await harness.admin('watch', [option('club', 'olympique-lyonnais')]);
    expect(result.reply?.content).toBe('Ce serveur suit désormais Olympique Lyonnais.');
    const german = await harness.admin('language', [option('language', 'de')]);
    expect(german.reply?.content).toBe('clubwatch spricht auf diesem Server jetzt Deutsch.');
    await harness.admin('language', [option('language', 'en')]);
  });

  it('explains what it read in an item it never saw', async () => {
    const result = await harness.admin('why', [option('url', 'https://news.example/unknown')]);
    expect(result.reply?.content).toBe('clubwatch has not read an item with that link.');
  });
});
