import { Client, DiscordAPIError, Events, GatewayIntentBits, Routes, type Guild } from 'discord.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord/index.ts';
import { GUILD_ID, NEWS_ID, clubGuild, connectClient } from './connect-client.ts';

describe('fake Discord session', () => {
  let discord: FakeDiscord | undefined;
  let destroy: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await destroy?.();
    await discord?.close();
  });

  it('logs the real client in and caches every guild with its channels', async () => {
    discord = await startFakeDiscord({ guilds: [clubGuild()] });
    const client = await connectClient(discord);
    destroy = () => client.destroy();

    expect(client.user?.id).toBe(discord.botUser.id);
    expect(client.application?.id).toBe(discord.applicationId);
    const guild = client.guilds.cache.get(GUILD_ID);
    expect(guild?.name).toBe('Supporters');
    expect(guild?.systemChannelId).toBe(NEWS_ID);
    expect(guild?.preferredLocale).toBe('nl');
    expect(guild?.channels.cache.get(NEWS_ID)?.name).toBe('news');
    expect(guild?.members.me?.permissions.has('SendMessages')).toBe(true);
    expect(discord.gatewayConnections[0]?.identify?.intents).toBe(1);
    expect(discord.requests.map((r) => `${r.method} ${r.path}`)).toContain('GET /gateway/bot');
  });

  it('tells the client when the bot joins and leaves a guild', async () => {
    discord = await startFakeDiscord({ guilds: [clubGuild()] });
    const client = await connectClient(discord);
    destroy = () => client.destroy();
    const joined = new Promise<Guild>((resolve) => client.once(Events.GuildCreate, resolve));
    discord.addGuild({ id: '200000000000000002', name: 'Away fans', channels: [{ id: '300000000000000003', name: 'general' }] });
    expect((await joined).name).toBe('Away fans');
    const left = new Promise<Guild>((resolve) => client.once(Events.GuildDelete, resolve));
    discord.removeGuild('200000000000000002');
    expect((await left).id).toBe('200000000000000002');
    expect(client.guilds.cache.has('200000000000000002')).toBe(false);
    const refused = await client.rest.post(Routes.channelMessages('300000000000000003'), { body: { content: 'x' } }).catch((e: unknown) => e);
    expect((refused as DiscordAPIError).code).toBe(50001);
  });

  it('resumes the session after the gateway drops the connection or asks for a reconnect', async () => {
    discord = await startFakeDiscord({ guilds: [clubGuild()] });
    const client = await connectClient(discord);
    destroy = () => client.destroy();
    const resumed = new Promise((resolve) => client.once(Events.ShardResume, resolve));
    discord.disconnectGateway(4000);
    await resumed;
    expect(discord.gatewayConnections.at(-1)?.resumed).toBe(true);
    const resumedAgain = new Promise((resolve) => client.once(Events.ShardResume, resolve));
    discord.requestReconnect();
    await resumedAgain;
    expect(discord.gatewayConnections.filter((c) => c.resumed)).toHaveLength(2);
  });

  it('identifies again after the gateway invalidates the session', async () => {
    discord = await startFakeDiscord({ guilds: [clubGuild()] });
    // discord.js spaces identifies 5 s apart; a throttler that does not wait keeps this test short.
    const client = new Client({
      intents: [GatewayIntentBits.Guilds],
      rest: { api: discord.restBase, retries: 0 },
      ws: { buildIdentifyThrottler: () => ({ waitForIdentify: async () => undefined }) },
    });
    destroy = () => client.destroy();
    const ready = new Promise((resolve) => client.once(Events.ClientReady, resolve));
    await client.login('fake-bot-token');
    await ready;
    const reidentified = new Promise((resolve) => client.once(Events.ShardReady, resolve));
    discord.invalidateSessions();
    await reidentified;
    expect(discord.gatewayConnections.filter((c) => c.identify !== null)).toHaveLength(2);
    expect(client.guilds.cache.has(GUILD_ID)).toBe(true);
  });

  it('refuses a gateway login with the wrong token or an ungranted privileged intent', async () => {
    discord = await startFakeDiscord({ guilds: [clubGuild()], token: 'right-token' });
    const wrong = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: discord.restBase, retries: 0 } });
    await expect(wrong.login('wrong-token')).rejects.toThrow();
    await wrong.destroy();
    const greedy = new Client({
      intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMembers],
      rest: { api: discord.restBase, retries: 0 },
    });
    await expect(greedy.login('right-token')).rejects.toThrow();
    await greedy.destroy();
    await vi.waitFor(() => expect(discord?.gatewayConnections.at(-1)?.closeCode).toBe(4014));
  });
});
