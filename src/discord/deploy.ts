import { REST, Routes } from 'discord.js';
import { commandPayload } from '../../commands/index.ts';
import type { Config } from '../config/config.ts';
import type { Secrets } from '../config/secrets.ts';
import { ConfigError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { restOptions } from './client.ts';
import { discordFailure } from './failure.ts';

export interface DeployOptions {
  config: Config;
  secrets: Secrets;
  logger: Logger;
  /** One server to register to (for testing); else `DISCORD_DEV_GUILD_ID`, else globally. */
  guildId?: string | null;
}

/**
 * Registers the one command list the router answers, replacing whatever was registered before.
 * Run by `npm run deploy:commands`, never at start-up.
 */
export async function deployCommands(options: DeployOptions): Promise<void> {
  const { config, secrets, logger } = options;
  if (!config.discord || !secrets.discordToken) throw new ConfigError('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register the commands.');
  const guildId = options.guildId ?? config.discord.devGuildId;
  if (guildId && !/^\d{15,22}$/.test(guildId)) throw new ConfigError(`"${guildId}" is not a Discord server id`);
  const rest = new REST(restOptions(config.discord.apiBase)).setToken(secrets.discordToken);
  const { applicationId } = config.discord;
  const route = guildId ? Routes.applicationGuildCommands(applicationId, guildId) : Routes.applicationCommands(applicationId);
  const body = commandPayload();
  await rest.put(route, { body }).catch((err: unknown) => {
    throw discordFailure(err, config.discord?.apiBase ?? null);
  });
  logger.info({ commands: body.map((command) => command.name), guildId: guildId ?? null }, guildId ? 'registered the commands to one server' : 'registered the commands globally');
}
