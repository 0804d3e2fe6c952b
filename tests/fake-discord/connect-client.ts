import { once } from 'node:events';
import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { FakeDiscord, FakeGuildSpec } from '../helpers/fake-discord/index.ts';

export const GUILD_ID = '200000000000000001';
export const NEWS_ID = '300000000000000001';
export const QUIET_ID = '300000000000000002';
export const USER = { id: '400000000000000001', username: 'fan' };

export const clubGuild = (): FakeGuildSpec => ({
  id: GUILD_ID,
  name: 'Supporters',
  systemChannelId: NEWS_ID,
  preferredLocale: 'nl',
  channels: [
    { id: NEWS_ID, name: 'news' },
    { id: QUIET_ID, name: 'quiet' },
  ],
});

/** A real discord.js client logged in to the fake, ready with its guilds cached. */
export async function connectClient(discord: FakeDiscord, retries = 1): Promise<Client> {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    rest: { api: discord.restBase, timeout: 2000, retries },
  });
  const ready = once(client, Events.ClientReady);
  await client.login(discord.token);
  await ready;
  return client;
}
