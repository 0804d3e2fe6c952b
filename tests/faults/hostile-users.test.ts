import type { APIApplicationCommandInteractionDataOption } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messagesFor } from '../../src/discord/i18n/messages.ts';
import type { InteractionResult } from '../helpers/fake-discord/index.ts';
import { AWAY, AWAY_NEWS, AWAY_ROLE, DiscordBot, FANS, HOME, HOME_NEWS, TOKEN, text } from './helpers/discord-bot.ts';
import { routine, rss } from './helpers/hostile-feeds.ts';
import { privateDns, privateTargets } from './helpers/private-addresses.ts';
import { waitFor } from './helpers/wait.ts';

const en = messagesFor('en');
/** A Bluesky session as the mirror keeps it in the store: a secret like the token. */
const storedSession = {
  did: 'did:plc:faultsuite',
  handle: 'mirror.test',
  accessJwt: 'eyJhbGciOiJIUzI1NiJ9.eyJmYXVsdCI6ImFjY2VzcyJ9.access-signature',
  refreshJwt: 'eyJhbGciOiJIUzI1NiJ9.eyJmYXVsdCI6InJlZnJlc2gifQ.refresh-signature',
  active: true,
};

/** Values a hostile or careless admin types into any text option. */
const hostileValues = [
  'x'.repeat(100),
  'x'.repeat(2_048),
  'é'.repeat(6_000),
  '\u0000\u0001\u0007\u001b[31mred\u001b[0m\u202eevil\u202c\u2066',
  '**bold** __under__ ~~strike~~ `code` ```block``` > quote [link](https://evil.example) ||spoiler|| # Heading',
  '@everyone',
  '@here Red Star',
  `<@&${FANS}>`,
  '<@440000000000000002>',
  '<@!440000000000000002>',
  `<#${AWAY_NEWS}>`,
  'https://user:hunter2@news.test/feed.xml',
  'javascript:alert(1)',
  'file:///etc/passwd',
  '',
  '   \n\t ',
  '🏳️‍🌈'.repeat(30),
];

/** Every text option of `/clubwatch`, with the options its subcommand needs besides. */
const textRoutes: Array<{ path: string; option: string; with?: APIApplicationCommandInteractionDataOption[] }> = [
  { path: 'watch', option: 'club' },
  { path: 'watch', option: 'league' },
  { path: 'watch', option: 'country' },
  { path: 'unwatch', option: 'club' },
  { path: 'unwatch', option: 'league' },
  { path: 'unwatch', option: 'country' },
  { path: 'cadence', option: 'mode' },
  { path: 'cadence', option: 'time', with: [text('mode', 'daily')] },
  { path: 'cadence', option: 'timezone', with: [text('mode', 'daily')] },
  { path: 'language', option: 'language' },
  { path: 'sources add', option: 'url' },
  { path: 'sources remove', option: 'url' },
  { path: 'why', option: 'url' },
];

/** What the user saw, as one string: the reply's content and embeds. */
function shown(result: InteractionResult): string {
  return JSON.stringify(result.reply ?? null);
}

/** Problems with an answer: none, a generic "something went wrong", or a mention that could ping. */
function answerProblems(bot: DiscordBot, result: InteractionResult): string[] {
  const problems: string[] = [];
  if (result.deadlineMissed || result.reply === null) problems.push('no answer');
  const content = result.reply?.content ?? '';
  if (content === en.genericError) problems.push('a generic error: the input raised an unexpected exception');
  // The one reply that names @everyone itself (to refuse it) is checked by its allowed mentions only.
  const seen = shown(result).replace(en.mentionEveryone, '');
  if (/(^|[^\u200b])@(everyone|here)/.test(seen)) problems.push('an unescaped @everyone/@here');
  if (/<@[!&]?\d+>/.test(seen.replace(`<@&${FANS}>`, ''))) problems.push('a user or role mention');
  for (const request of bot.discord.requests.filter((r) => r.path.includes(result.id) || r.path.includes(result.token))) {
    const body = request.body as { content?: string; allowed_mentions?: { parse?: string[] }; data?: { content?: string; allowed_mentions?: { parse?: string[] } } } | null;
    const payload = body?.data ?? body;
    if (payload?.content && payload.allowed_mentions?.parse?.length !== 0) problems.push(`a reply that lets Discord parse mentions (${request.path})`);
  }
  return problems;
}

describe('hostile users', () => {
  let bot: DiscordBot;
  let homeFeed: string;

  beforeAll(async () => {
    bot = await DiscordBot.start({ dns: privateDns, publicStandIns: ['news.test'] });
    await bot.context.store.setState('bluesky:session', JSON.stringify({ service: 'http://localhost:1', identifier: 'mirror.test', session: storedSession }));
    homeFeed = `http://news.test:${bot.feeds.port}/home.xml`;
    bot.feeds.route('/home.xml', { body: rss('Home private feed', [{ ...routine, guid: 'home-only' }], `http://news.test:${bot.feeds.port}/articles`) });
    // HOME is set up by its admin: a club, a channel, a role to mention, and a feed of its own.
    for (const [path, options] of [
      ['watch', [text('club', 'red-star-fc')]],
      ['channel', [{ type: 7, name: 'channel', value: HOME_NEWS }]],
      ['mention', [{ type: 8, name: 'role', value: FANS }]],
      ['sources add', [text('url', homeFeed)]],
    ] as const) {
      const result = await bot.clubwatch('admin', path, [...options] as APIApplicationCommandInteractionDataOption[]);
      expect(answerProblems(bot, result), `${path}: ${shown(result)}`).toEqual([]);
    }
    await bot.app.poller.tick();
    expect((await bot.snapshot(HOME)).sources).toEqual([homeFeed]);
  }, 60_000);

  afterAll(async () => {
    await bot?.close();
  });

  it('answers every text option with hostile values clearly, and changes nothing', async () => {
    const before = await bot.snapshot(HOME);
    const wrong: string[] = [];
    for (const route of textRoutes) {
      for (const value of hostileValues) {
        const was = JSON.stringify(await bot.snapshot(HOME));
        const result = await bot.clubwatch('admin', route.path, [...(route.with ?? []), text(route.option, value)]);
        const problems = answerProblems(bot, result);
        if (JSON.stringify(await bot.snapshot(HOME)) !== was) problems.push('changed the settings');
        if (problems.length > 0) wrong.push(`${route.path} ${route.option}=${JSON.stringify(value.slice(0, 40))}: ${problems.join(', ')} ${shown(result).slice(0, 200)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await bot.snapshot(HOME)).toEqual(before);
  }, 240_000);

  it('answers every option of /clubs with hostile values clearly, as a plain member, and changes nothing', async () => {
    const before = await bot.snapshot(HOME);
    const routes: Array<{ path: string; option: string }> = [
      { path: 'status', option: 'club' },
      { path: 'latest', option: 'platform' },
      { path: 'latest', option: 'action' },
      { path: 'history', option: 'club' },
    ];
    const wrong: string[] = [];
    for (const route of routes) {
      for (const value of hostileValues) {
        const result = await bot.command('member', 'clubs', route.path, [text(route.option, value)]);
        const problems = answerProblems(bot, result);
        if (problems.length > 0) wrong.push(`/clubs ${route.path} ${route.option}=${JSON.stringify(value.slice(0, 40))}: ${problems.join(', ')} ${shown(result).slice(0, 200)}`);
        const suggested = await bot.discord.interact({
          guildId: HOME,
          channelId: HOME_NEWS,
          user: { id: '440000000000000002', username: 'member' },
          type: 'autocomplete',
          commandName: 'clubs',
          options: [{ type: 1, name: route.path, options: [{ type: 3, name: route.option, value, focused: true }] }],
        } as Parameters<typeof bot.discord.interact>[0]);
        const choices = suggested.choices ?? [];
        if (suggested.deadlineMissed || choices.length > 25 || choices.some((choice) => choice.name.length > 100 || choice.name.length === 0)) {
          wrong.push(`/clubs ${route.path} autocomplete ${JSON.stringify(value.slice(0, 40))}: ${JSON.stringify(choices).slice(0, 200)}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(await bot.snapshot(HOME)).toEqual(before);
  }, 240_000);

  it('refuses a channel or a role that is not the server’s own, or @everyone', async () => {
    const before = await bot.snapshot(HOME);
    const attempts: Array<[string, APIApplicationCommandInteractionDataOption[]]> = [
      ['channel', [{ type: 7, name: 'channel', value: AWAY_NEWS } as APIApplicationCommandInteractionDataOption]],
      ['channel', [{ type: 7, name: 'channel', value: '1' } as APIApplicationCommandInteractionDataOption]],
      ['mention', [{ type: 8, name: 'role', value: HOME } as APIApplicationCommandInteractionDataOption]],
    ];
    for (const [path, options] of attempts) {
      const result = await bot.clubwatch('admin', path, options);
      expect(answerProblems(bot, result), `${path} ${JSON.stringify(options)}`).toEqual([]);
    }
    expect(await bot.snapshot(HOME)).toEqual(before);
  }, 60_000);

  it('refuses feeds at loopback and private addresses, given directly or behind a redirect, without connecting to them', async () => {
    const before = await bot.snapshot(HOME);
    const news = `http://news.test:${bot.feeds.port}`;
    const wrong: string[] = [];
    for (const [index, target] of privateTargets(bot.feeds.port).entries()) {
      bot.feeds.route(`/moved-${index}`, { redirectTo: `${news}/moved-again-${index}` });
      bot.feeds.route(`/moved-again-${index}`, { status: 308, redirectTo: target.url });
      for (const url of [target.url, `${news}/moved-${index}`]) {
        const result = await bot.clubwatch('admin', 'sources add', [text('url', url)]);
        const content = result.reply?.content ?? '';
        if (!content.startsWith(en.fetchFailed('refused').replace(/refused\.$/, 'refused'))) wrong.push(`${target.name} (${url}): ${content}`);
        wrong.push(...answerProblems(bot, result).map((problem) => `${target.name}: ${problem}`));
      }
    }
    expect(wrong).toEqual([]);
    expect(bot.feeds.requestsTo('/secret')).toHaveLength(0);
    expect(await bot.snapshot(HOME)).toEqual(before);
  }, 120_000);

  // Discord itself only offers a server's own roles; a forged interaction could send any id.
  it('refuses a role of another server, as a forged interaction could send it', async () => {
    const before = await bot.snapshot(HOME);
    const result = await bot.clubwatch('admin', 'mention', [{ type: 8, name: 'role', value: AWAY_ROLE } as APIApplicationCommandInteractionDataOption]);
    const after = await bot.snapshot(HOME);
    await bot.clubwatch('admin', 'mention', [{ type: 8, name: 'role', value: FANS } as APIApplicationCommandInteractionDataOption]);
    expect(answerProblems(bot, result)).toEqual([]);
    expect(after).toEqual(before);
  }, 30_000);

  it('lets a member without Manage Server change nothing, by command, autocomplete or button', async () => {
    const before = await bot.snapshot(HOME);
    const attempts: Array<[string, APIApplicationCommandInteractionDataOption[]]> = [
      ['watch', [text('club', 'olympique-de-marseille')]],
      ['unwatch', [text('club', 'red-star-fc')]],
      ['channel', [{ type: 7, name: 'channel', value: HOME_NEWS } as APIApplicationCommandInteractionDataOption]],
      ['cadence', [text('mode', 'daily')]],
      ['language', [text('language', 'de')]],
      ['mention', []],
      ['sources add', [text('url', `http://news.test:${bot.feeds.port}/feed.xml`)]],
      ['sources remove', [text('url', homeFeed)]],
      ['sources list', []],
      ['settings', []],
      ['why', [text('url', `http://news.test:${bot.feeds.port}/articles/home-only`)]],
    ];
    for (const [path, options] of attempts) {
      const result = await bot.clubwatch('member', path, options);
      expect(result.reply?.content, path).toBe(en.needManageServer);
    }
    // Autocomplete tells a member nothing about the server's feeds.
    const suggested = await bot.discord.interact({
      guildId: HOME,
      channelId: HOME_NEWS,
      user: { id: '440000000000000002', username: 'member' },
      memberPermissions: '0',
      type: 'autocomplete',
      commandName: 'clubwatch',
      options: [{ type: 2, name: 'sources', options: [{ type: 1, name: 'remove', options: [{ type: 3, name: 'url', value: 'news', focused: true }] }] }],
    } as Parameters<typeof bot.discord.interact>[0]);
    expect(suggested.choices ?? []).toEqual([]);
    // A button press (clubwatch shows no buttons; a forged one must do nothing).
    bot.discord.dispatch('INTERACTION_CREATE', {
      id: '460000000000000001',
      application_id: bot.discord.applicationId,
      type: 3,
      token: 'forged-button-token',
      version: 1,
      guild_id: HOME,
      channel_id: HOME_NEWS,
      channel: { id: HOME_NEWS, type: 0, guild_id: HOME },
      member: { user: { id: '440000000000000002', username: 'member', discriminator: '0', global_name: null, avatar: null }, roles: [], permissions: '0', joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 },
      data: { custom_id: 'clubwatch:language:de', component_type: 2 },
      message: { id: '470000000000000001', channel_id: HOME_NEWS, type: 0, content: '', embeds: [], components: [], attachments: [], author: bot.discord.botUser, timestamp: new Date().toISOString(), edited_timestamp: null, tts: false, mention_everyone: false, mentions: [], mention_roles: [], pinned: false, flags: 0 },
      locale: 'en-US',
      app_permissions: '0',
      entitlements: [],
      authorizing_integration_owners: {},
      context: 0,
    });
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(await bot.snapshot(HOME)).toEqual(before);
    // And the bot still answers.
    expect((await bot.clubwatch('admin', 'settings')).reply).not.toBeNull();
  }, 60_000);

  it('lets one server’s admin neither read nor change another server’s settings', async () => {
    const home = await bot.snapshot(HOME);
    const [homeSource] = await bot.context.store.listServerSources(HOME);
    const results: InteractionResult[] = [];
    const away = async (path: string, options: APIApplicationCommandInteractionDataOption[] = []) => {
      const result = await bot.clubwatch('away-admin', path, options);
      results.push(result);
      return result;
    };
    expect((await away('sources remove', [text('url', homeFeed)])).reply?.content).toBe(en.sourceNotFound);
    expect((await away('sources remove', [text('url', homeSource?.id ?? '')])).reply?.content).toBe(en.sourceNotFound);
    expect((await away('why', [text('url', `http://news.test:${bot.feeds.port}/articles/home-only`)])).reply?.content).toBe(en.whyNotFound);
    expect((await away('channel', [{ type: 7, name: 'channel', value: HOME_NEWS } as APIApplicationCommandInteractionDataOption])).reply?.content).toBe(en.channelNotHere);
    await away('sources list');
    await away('settings');
    await away('unwatch', [text('club', 'red-star-fc')]);
    const suggested = await bot.discord.interact({
      guildId: AWAY,
      channelId: AWAY_NEWS,
      user: { id: '450000000000000001', username: 'away-admin' },
      memberPermissions: (1n << 5n).toString(),
      type: 'autocomplete',
      commandName: 'clubwatch',
      options: [{ type: 2, name: 'sources', options: [{ type: 1, name: 'remove', options: [{ type: 3, name: 'url', value: '', focused: true }] }] }],
    } as Parameters<typeof bot.discord.interact>[0]);
    expect(suggested.choices ?? []).toEqual([]);
    for (const result of results) {
      expect(shown(result)).not.toContain('news.test');
      expect(shown(result)).not.toContain('Home private feed');
      expect(shown(result)).not.toContain(HOME_NEWS);
    }
    expect(await bot.snapshot(HOME)).toEqual(home);
  }, 60_000);

  it('never lets text from a feed ping anyone', async () => {
    const hostileTitle = `@everyone @here <@&${FANS}> <@440000000000000002> Red Star FC quitte X`;
    bot.feeds.route('/home.xml', {
      body: rss('Home private feed', [{ ...routine, guid: 'home-only' }, { guid: 'ping', title: hostileTitle, description: `${hostileTitle}. Le Red Star FC a annoncé qu’il quittait X.` }], `http://news.test:${bot.feeds.port}/articles`),
    });
    for (const source of await bot.context.store.listSources()) await bot.app.poller.poll(source);
    await bot.app.dispatcher.runOnce();
    const post = await waitFor('the story to be posted', () => bot.discord.requests.find((r) => r.method === 'POST' && r.path === `/channels/${HOME_NEWS}/messages`), 10_000);
    const body = post.body as { content?: string; allowed_mentions?: { parse?: string[]; roles?: string[]; users?: string[] }; embeds?: unknown[] };
    expect(body.allowed_mentions?.parse).toEqual([]);
    expect(body.allowed_mentions?.roles ?? []).toEqual([FANS]);
    expect(body.allowed_mentions?.users ?? []).toEqual([]);
    expect(body.content ?? '').toBe(`<@&${FANS}>`);
    expect(JSON.stringify(body.embeds)).not.toMatch(/(^|[^\u200b])@(everyone|here)/);
    expect(JSON.stringify(body.embeds)).not.toMatch(/<@[!&]?\d+>/);
  }, 30_000);

  it('shows the bot token and the stored Bluesky session in no log line and no reply', () => {
    expect(bot.logs().length).toBeGreaterThan(0);
    for (const secret of [TOKEN, storedSession.accessJwt, storedSession.refreshJwt, 'access-signature', 'refresh-signature']) {
      expect(bot.logs()).not.toContain(secret);
      for (const result of bot.discord.interactions) expect(JSON.stringify(result.responses)).not.toContain(secret);
    }
  });

  it('logs no password typed in a feed URL (the admin’s own ephemeral reply may quote what they typed)', () => {
    expect(bot.logs()).not.toContain('hunter2');
  });
});
