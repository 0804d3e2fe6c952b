import { Events } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
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

  it('resumes the session after the gateway drops the connection', async () => {
    discord = await startFakeDiscord({ guilds: [clubGuild()] });
    const client = await connectClient(discord);
    destroy = () => client.destroy();
    const resumed = new Promise((resolve) => client.once(Events.ShardResume, resolve));
    discord.disconnectGateway(4000);
    await resumed;
    expect(discord.gatewayConnections.at(-1)?.resumed).toBe(true);
  });
});
