import { DiscordAPIError, Events, PermissionFlagsBits, REST, Routes, type APIMessage, type Client, type TextChannel } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_BOT_PERMISSIONS, DEFAULT_EVERYONE_PERMISSIONS, startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord/index.ts';
import { GUILD_ID, NEWS_ID, QUIET_ID, clubGuild, connectClient } from './connect-client.ts';

const GONE_ID = '300000000000000009';
const HIDDEN_ID = '300000000000000008';

describe('fake Discord messages, driven by the real discord.js client', () => {
  let discord: FakeDiscord;
  let client: Client;
  const channel = (id: string): TextChannel => client.channels.cache.get(id) as TextChannel;

  beforeAll(async () => {
    const guild = clubGuild();
    guild.channels.push({ id: GONE_ID, name: 'gone' }, { id: HIDDEN_ID, name: 'hidden' });
    discord = await startFakeDiscord({ guilds: [guild] });
    client = await connectClient(discord);
  });
  afterAll(async () => {
    await client?.destroy();
    await discord?.close();
  });

  it('answers the lookups a permission check makes', async () => {
    const guild = await client.guilds.fetch({ guild: GUILD_ID, force: true });
    const me = await guild.members.fetchMe({ force: true });
    const news = await guild.channels.fetch(NEWS_ID, { force: true });
    const roles = await guild.roles.fetch();
    expect(roles.has(GUILD_ID)).toBe(true);
    expect(news && news.permissionsFor(me).has(['ViewChannel', 'SendMessages', 'EmbedLinks'])).toBe(true);
    expect((await guild.channels.fetch()).size).toBeGreaterThanOrEqual(2);
  });

  it('stores a sent message and reads it back newest first', async () => {
    await channel(NEWS_ID).send('first');
    const sent = await channel(NEWS_ID).send({ content: 'second', allowedMentions: { parse: [] } });
    const fetched = await channel(NEWS_ID).messages.fetch({ limit: 10, cache: false });
    expect([...fetched.values()].map((m) => m.content)).toEqual(['second', 'first']);
    expect(discord.messages(NEWS_ID).map((m) => m.id)).toContain(sent.id);
    const request = discord.requests.findLast((r) => r.method === 'POST' && r.path === `/channels/${NEWS_ID}/messages`);
    expect(request?.body).toMatchObject({ content: 'second', allowed_mentions: { parse: [] } });
  });

  it('waits for a message or a request still to come', async () => {
    const arriving = discord.waitForMessage(NEWS_ID, (m) => m.content === 'later');
    const answered = discord.waitForRequest((r) => r.method === 'POST' && (r.body as { content?: string } | null)?.content === 'later');
    setTimeout(() => void channel(NEWS_ID).send('later'), 20);
    expect((await arriving).content).toBe('later');
    expect((await answered).status).toBe(200);
    await expect(discord.waitForMessage(NEWS_ID, (m) => m.content === 'never', 50)).rejects.toThrow(/no message in channel .* within 50 ms/);
  });

  it('pings only the mentions that allowed_mentions lets through', async () => {
    const message = await channel(NEWS_ID).send({
      content: 'hi <@400000000000000001> and <@400000000000000002>',
      allowedMentions: { users: ['400000000000000002'] },
    });
    expect(message.mentions.users.map((u) => u.id)).toEqual(['400000000000000002']);
  });

  it('answers a repeated nonce with enforce_nonce with the message it created, or Unknown Message once deleted', async () => {
    const before = discord.messages(QUIET_ID).length;
    const one = await channel(QUIET_ID).send({ content: 'once', nonce: 'delivery-42', enforceNonce: true });
    const two = await channel(QUIET_ID).send({ content: 'once', nonce: 'delivery-42', enforceNonce: true });
    expect(two.id).toBe(one.id);
    expect(discord.messages(QUIET_ID).length).toBe(before + 1);
    // As on Discord, the nonce comes back when a message is created and is lost when it is fetched.
    expect(one.nonce).toBe('delivery-42');
    const fetched = (await client.rest.get(Routes.channelMessage(QUIET_ID, one.id))) as APIMessage;
    expect(fetched.id).toBe(one.id);
    expect(fetched.nonce).toBeUndefined();
    await one.delete();
    const again = await channel(QUIET_ID).send({ content: 'once', nonce: 'delivery-42', enforceNonce: true }).catch((e: unknown) => e);
    expect((again as DiscordAPIError).code).toBe(10008);
  });

  it('lets discord.js wait out an injected 429 so the message lands once', async () => {
    const before = discord.messages(QUIET_ID).length;
    discord.failNext({ method: 'POST', pathPattern: /^\/channels\/\d+\/messages$/, status: 429, retryAfter: 0.05 });
    await channel(QUIET_ID).send('after a rate limit');
    expect(discord.messages(QUIET_ID).length).toBe(before + 1);
    const statuses = discord.requests.filter((r) => r.body && (r.body as { content?: string }).content === 'after a rate limit');
    expect(statuses.map((r) => r.status)).toEqual([429, 200]);
  });

  it('keeps one message when the answer is lost after Discord created it and discord.js retries', async () => {
    const before = discord.messages(QUIET_ID).length;
    discord.failNext({ method: 'POST', pathPattern: /messages$/, network: 'reset', afterHandling: true });
    const message = await channel(QUIET_ID).send({ content: 'answer lost', nonce: 'lost-answer-1', enforceNonce: true });
    expect(discord.messages(QUIET_ID).length).toBe(before + 1);
    const attempts = discord.requests.filter((r) => (r.body as { nonce?: string } | null)?.nonce === 'lost-answer-1');
    expect(attempts.map((r) => r.dropped)).toEqual(['reset', null]);
    expect(attempts[1]?.responseBody).toMatchObject({ id: message.id });
  });

  it('lets discord.js retry an injected 500 and then succeed', async () => {
    discord.failNext({ method: 'POST', pathPattern: /messages$/, status: 500 });
    const message = await channel(QUIET_ID).send('after a server error');
    const attempts = discord.requests.filter((r) => (r.body as { content?: string } | null)?.content === 'after a server error');
    expect(attempts.map((r) => r.status)).toEqual([500, 200]);
    expect(discord.messages(QUIET_ID).filter((m) => m.id === message.id)).toHaveLength(1);
  });

  it('surfaces a channel without Send Messages as DiscordAPIError 50013', async () => {
    discord.denyChannel(HIDDEN_ID, 'send');
    const error = await channel(HIDDEN_ID).send('nope').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect((error as DiscordAPIError).code).toBe(50013);
    expect((error as DiscordAPIError).status).toBe(403);
  });

  it('drops embeds where the bot lacks Embed Links, refusing a message left empty', async () => {
    discord.setChannelPermissions(QUIET_ID, { deny: PermissionFlagsBits.EmbedLinks });
    const mixed = await channel(QUIET_ID).send({ content: 'text stays', embeds: [{ title: 'dropped' }] });
    expect(mixed.embeds).toHaveLength(0);
    const error = await channel(QUIET_ID).send({ embeds: [{ title: 'dropped' }] }).catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50006);
    discord.setChannelPermissions(QUIET_ID, {});
  });

  it('answers 50001 for a channel the bot cannot see and 10003 for a deleted one', async () => {
    discord.denyChannel(HIDDEN_ID, 'view');
    const hidden = await client.rest.post(Routes.channelMessages(HIDDEN_ID), { body: { content: 'x' } }).catch((e: unknown) => e);
    expect((hidden as DiscordAPIError).code).toBe(50001);
    discord.deleteChannel(GONE_ID);
    const gone = await client.rest.post(Routes.channelMessages(GONE_ID), { body: { content: 'x' } }).catch((e: unknown) => e);
    expect((gone as DiscordAPIError).code).toBe(10003);
    expect((gone as DiscordAPIError).status).toBe(404);
  });

  it('refuses bodies beyond Discord limits with 400 50035', async () => {
    const tooLong = async (body: unknown): Promise<DiscordAPIError> =>
      (await client.rest.post(Routes.channelMessages(NEWS_ID), { body }).catch((e: unknown) => e)) as DiscordAPIError;
    expect((await tooLong({ content: 'x'.repeat(2001) })).code).toBe(50035);
    expect((await tooLong({ embeds: [{ title: 't'.repeat(257) }] })).rawError).toMatchObject({
      errors: { embeds: { 0: { title: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } } },
    });
    const big = { description: 'd'.repeat(4000), fields: [{ name: 'n', value: 'v'.repeat(1024) }, { name: 'n', value: 'v'.repeat(1000) }] };
    expect((await tooLong({ embeds: [big] })).code).toBe(50035);
    expect((await tooLong({ embeds: Array.from({ length: 11 }, () => ({ title: 't' })) })).code).toBe(50035);
    expect((await tooLong({ content: 'x', nonce: 'n'.repeat(26) })).code).toBe(50035);
    expect((await tooLong({ content: '' })).code).toBe(50006);
    expect((await tooLong({ content: 'hi', allowed_mentions: { parse: ['users'], users: ['1'] } })).code).toBe(50035);
  });

  it('edits a message but refuses an edit that would leave it empty', async () => {
    const sent = await channel(NEWS_ID).send({ content: 'draft', embeds: [{ title: 'kept' }] });
    const edited = await sent.edit({ content: 'final' });
    expect(edited.content).toBe('final');
    expect(edited.embeds[0]?.title).toBe('kept');
    const error = await sent.edit({ content: '', embeds: [] }).catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50006);
  });

  it('refuses a reply to an unknown message unless told not to fail', async () => {
    const reply = { content: 'reply', message_reference: { message_id: '999999999999999999' } };
    const error = await client.rest.post(Routes.channelMessages(NEWS_ID), { body: reply }).catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50035);
    const lenient = { ...reply, message_reference: { ...reply.message_reference, fail_if_not_exists: false } };
    expect(await client.rest.post(Routes.channelMessages(NEWS_ID), { body: lenient })).toMatchObject({ content: 'reply' });
  });

  it('accepts attachments sent as multipart form data', async () => {
    // discord.js's default undici strategy cannot send Node's own FormData through undici 7
    // (the version package.json forces); the fetch strategy can.
    const rest = new REST({ api: discord.restBase, makeRequest: fetch as never, retries: 0 }).setToken('fake-bot-token');
    const message = (await rest.post(Routes.channelMessages(NEWS_ID), {
      body: { content: 'chart', attachments: [{ id: 0, description: 'standings' }] },
      files: [{ data: Buffer.from('png'), name: 'chart.png', contentType: 'image/png' }],
    })) as APIMessage;
    expect(message.attachments[0]).toMatchObject({ filename: 'chart.png', size: 3, description: 'standings' });
    expect(discord.requests.at(-1)?.files).toMatchObject([{ filename: 'chart.png', size: 3, contentType: 'image/png' }]);
  });

  it('follows guild-wide permission changes and new channels', async () => {
    const extra = '300000000000000007';
    const created = new Promise((resolve) => client.once(Events.ChannelCreate, resolve));
    discord.addChannel(GUILD_ID, { id: extra, name: 'transfers' });
    await created;
    const roleUpdates = new Promise((resolve) => {
      let seen = 0;
      client.on(Events.GuildRoleUpdate, function counted() {
        if (++seen < 2) return;
        client.off(Events.GuildRoleUpdate, counted);
        resolve(undefined);
      });
    });
    discord.setRolePermissions(GUILD_ID, GUILD_ID, PermissionFlagsBits.ViewChannel);
    discord.setBotPermissions(GUILD_ID, PermissionFlagsBits.ViewChannel);
    await roleUpdates;
    const me = client.guilds.cache.get(GUILD_ID)?.members.me;
    expect(me && channel(extra).permissionsFor(me).has('SendMessages')).toBe(false);
    const error = await channel(extra).send('x').catch((e: unknown) => e);
    expect((error as DiscordAPIError).code).toBe(50013);
    discord.setBotPermissions(GUILD_ID, DEFAULT_BOT_PERMISSIONS);
    discord.setRolePermissions(GUILD_ID, GUILD_ID, DEFAULT_EVERYONE_PERMISSIONS);
  });

  it('keeps discord.js caches in step with channel changes', () => {
    expect(discord.problems).toEqual([]);
    expect(client.guilds.cache.get(GUILD_ID)?.channels.cache.has(GONE_ID)).toBe(false);
    const me = client.guilds.cache.get(GUILD_ID)?.members.me;
    expect(me && channel(HIDDEN_ID).permissionsFor(me).has('ViewChannel')).toBe(false);
  });
});
