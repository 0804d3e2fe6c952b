import { DiscordAPIError, Routes, type Client } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ImpossibleInteractionError,
  startFakeDiscord,
  type FakeDiscord,
  type InteractOptions,
} from '../helpers/fake-discord/index.ts';
import { GUILD_ID, NEWS_ID, USER, clubGuild, connectClient } from './connect-client.ts';

const follow = {
  name: 'follow',
  description: 'Follow a club',
  name_localizations: { nl: 'volg' },
  description_localizations: { nl: 'Volg een club' },
  options: [
    {
      type: 1,
      name: 'add',
      description: 'Start following',
      options: [{ type: 3, name: 'club', description: 'Club name', required: true, autocomplete: true }],
    },
    { type: 1, name: 'remove', description: 'Stop following' },
  ],
};

describe('fake Discord command registration', () => {
  let discord: FakeDiscord;
  let client: Client;

  beforeAll(async () => {
    discord = await startFakeDiscord({ guilds: [clubGuild()] });
    client = await connectClient(discord, 0);
  });
  afterAll(async () => {
    await client?.destroy();
    await discord?.close();
  });

  const refusal = async (commands: unknown[]): Promise<DiscordAPIError> => {
    const error = await client.rest
      .put(Routes.applicationCommands(discord.applicationId), { body: commands })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    return error as DiscordAPIError;
  };

  it('stores a valid global command set and a guild set apart', async () => {
    const stored = await client.application?.commands.set([follow, { name: 'ping', description: 'Check the bot' }]);
    expect(stored?.map((c) => c.name).sort()).toEqual(['follow', 'ping']);
    await client.application?.commands.set([{ name: 'Report Post', type: 3 }], GUILD_ID);
    expect(discord.commands.global.map((c) => c.name).sort()).toEqual(['follow', 'ping']);
    expect(discord.commands.guild(GUILD_ID).map((c) => c.name)).toEqual(['Report Post']);
  });

  it('keeps command ids when the same names are registered again', async () => {
    const before = discord.commands.global.find((c) => c.name === 'follow')?.id;
    await client.rest.put(Routes.applicationCommands(discord.applicationId), { body: [follow] });
    expect(discord.commands.global.map((c) => c.id)).toEqual([before]);
  });

  it('refuses invalid names, lengths, locales and structures with 400 50035', async () => {
    const cases: [unknown, Record<string, unknown>][] = [
      [{ name: 'Follow', description: 'x' }, { 0: { name: { _errors: [{ code: 'APPLICATION_COMMAND_INVALID_NAME' }] } } }],
      [{ name: 'has space', description: 'x' }, { 0: { name: {} } }],
      [{ name: 'x'.repeat(33), description: 'x' }, { 0: { name: {} } }],
      [{ name: 'ok', description: '' }, { 0: { description: { _errors: [{ code: 'BASE_TYPE_BAD_LENGTH' }] } } }],
      [{ name: 'ok', description: 'd'.repeat(101) }, { 0: { description: {} } }],
      [{ name: 'ok', description: 'x', name_localizations: { xx: 'ok' } }, { 0: { name_localizations: { xx: {} } } }],
      [
        { name: 'ok', description: 'x', options: Array.from({ length: 26 }, (_, i) => ({ type: 3, name: `o${i}`, description: 'x' })) },
        { 0: { options: { _errors: [{ code: 'BASE_TYPE_MAX_LENGTH' }] } } },
      ],
      [
        { name: 'ok', description: 'x', options: [{ type: 3, name: 'a', description: 'x' }, { type: 3, name: 'b', description: 'x', required: true }] },
        { 0: { options: { 1: { required: {} } } } },
      ],
      [
        { name: 'ok', description: 'x', options: [{ type: 1, name: 'a', description: 'x' }, { type: 3, name: 'b', description: 'x' }] },
        { 0: { options: {} } },
      ],
      [
        { name: 'ok', description: 'x', options: [{ type: 3, name: 'c', description: 'x', choices: [{ name: 'n', value: 'v'.repeat(101) }] }] },
        { 0: { options: { 0: { choices: { 0: { value: {} } } } } } },
      ],
    ];
    for (const [command, errors] of cases) {
      const error = await refusal([command]);
      expect(error.status).toBe(400);
      expect(error.code).toBe(50035);
      expect(error.rawError).toMatchObject({ message: 'Invalid Form Body', errors });
    }
    const choices = Array.from({ length: 5 }, (_, i) => ({ name: `${i}`.padEnd(30, 'n'), value: `${i}`.padEnd(30, 'v') }));
    const options = Array.from({ length: 25 }, (_, i) => ({ type: 3, name: `o${i}`, description: 'd'.repeat(100), choices }));
    const huge = await refusal([{ name: 'huge', description: 'x', options }]);
    expect(huge.rawError).toMatchObject({ errors: { 0: { _errors: [{ code: 'APPLICATION_COMMAND_TOO_LARGE' }] } } });
    const duplicate = await refusal([follow, follow]);
    expect(duplicate.rawError).toMatchObject({ errors: { 1: { name: {} } } });
    expect(discord.commands.global.map((c) => c.name)).toEqual(['follow']);
  });

  it('refuses interactions Discord would never send for a registered command', async () => {
    await client.application?.commands.set([
      follow,
      { name: 'purge', description: 'Remove old posts', default_member_permissions: '8192' },
    ]);
    const base = { guildId: GUILD_ID, channelId: NEWS_ID, user: USER };
    const attempt = (options: Partial<InteractOptions>): Promise<unknown> =>
      discord.interact({ ...base, commandName: 'follow', ...options }).catch((e: unknown) => e);
    expect(await attempt({ options: [{ name: 'add', type: 1, options: [{ name: 'team', type: 3, value: 'x' }] }] })).toBeInstanceOf(
      ImpossibleInteractionError,
    );
    expect(await attempt({ options: [{ name: 'add', type: 1, options: [] }] })).toBeInstanceOf(ImpossibleInteractionError);
    expect(await attempt({ options: [] })).toBeInstanceOf(ImpossibleInteractionError);
    expect(await attempt({ commandName: 'purge', memberPermissions: '0' })).toBeInstanceOf(ImpossibleInteractionError);
    expect(discord.interactions).toHaveLength(0);
  });
});

describe('fake Discord with registration required', () => {
  it('refuses to dispatch a command that was never registered', async () => {
    const discord = await startFakeDiscord({ guilds: [clubGuild()], requireRegisteredCommands: true });
    const client = await connectClient(discord, 0);
    try {
      const attempt = discord.interact({ guildId: GUILD_ID, channelId: NEWS_ID, user: USER, commandName: 'ping' });
      await expect(attempt).rejects.toBeInstanceOf(ImpossibleInteractionError);
    } finally {
      await client.destroy();
      await discord.close();
    }
  });
});
