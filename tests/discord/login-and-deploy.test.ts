import { GatewayIntentBits } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandPayload } from '../../commands/index.ts';
import { deployCommands } from '../../src/discord/index.ts';
import { restTarget } from '../../src/discord/rest-target.ts';
import { GUILD, Harness } from './harness.ts';

const locales = ['fr', 'de', 'es-ES', 'it', 'pt-BR'];

describe('the Discord bot logging in and registering its commands', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await Harness.start();
  });
  afterAll(async () => {
    await harness.close();
  });

  it('logs in through DISCORD_API_BASE with the Guilds intent only', () => {
    const [connection] = harness.discord.gatewayConnections;
    expect(connection?.identify?.intents).toBe(GatewayIntentBits.Guilds);
    expect(harness.discord.requests.some((request) => request.path === '/gateway/bot')).toBe(true);
  });

  it('registers the one command list, and Discord accepts it', () => {
    const registered = harness.discord.commands.guild(GUILD).map((command) => command.name);
    expect(registered).toEqual(commandPayload().map((command) => command.name));
    expect(registered).toEqual(['clubs', 'clubwatch']);
  });

  it('registers globally when no server is named', async () => {
    await deployCommands({ ...harness.parts(), guildId: null });
    expect(harness.discord.commands.global.map((command) => command.name)).toEqual(['clubs', 'clubwatch']);
  });

  it('never registers commands when it starts', async () => {
    harness.discord.clearRecords();
    await harness.restart();
    expect(harness.discord.requests.filter((request) => request.path.includes('/commands'))).toEqual([]);
  });

  it('asks for Manage Server by default on /clubwatch and for nothing on /clubs', () => {
    const [clubs, clubwatch] = commandPayload();
    expect(clubs?.default_member_permissions).toBeUndefined();
    expect(clubwatch?.default_member_permissions).toBe('32');
  });

  it('translates every command, subcommand and option name and description into five languages', () => {
    const missing: string[] = [];
    const walk = (node: { name: string; name_localizations?: unknown; description?: string; description_localizations?: unknown; options?: unknown[] }, path: string) => {
      for (const locale of locales) {
        if (!(node.name_localizations as Record<string, string> | undefined)?.[locale]) missing.push(`${path} name ${locale}`);
        if (!(node.description_localizations as Record<string, string> | undefined)?.[locale]) missing.push(`${path} description ${locale}`);
      }
      for (const child of (node.options ?? []) as Array<typeof node>) walk(child, `${path} ${child.name}`);
    };
    for (const command of commandPayload()) walk(command, command.name);
    expect(missing).toEqual([]);
  });

  it('reads the REST base with or without a version', () => {
    expect(restTarget(null)).toEqual({ api: 'https://discord.com/api', version: '10' });
    expect(restTarget('http://127.0.0.1:9000/api/')).toEqual({ api: 'http://127.0.0.1:9000/api', version: '10' });
    expect(restTarget('http://127.0.0.1:9000/api/v10')).toEqual({ api: 'http://127.0.0.1:9000/api', version: '10' });
  });
});
