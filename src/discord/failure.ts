import { DiscordAPIError, DiscordjsError, DiscordjsErrorCodes, HTTPError } from 'discord.js';
import { describeSystemError, DiscordUnavailableError } from '../errors.ts';
import { restTarget } from './rest-target.ts';

/**
 * Why talking to Discord failed, in words, and whether trying again may help: a refused token or
 * a request Discord will never accept (4xx) will not; the network and Discord's own errors (5xx) may.
 */
export function discordFailure(err: unknown, apiBase: string | null): DiscordUnavailableError {
  if (err instanceof DiscordUnavailableError) return err;
  if ((err instanceof DiscordjsError && err.code === DiscordjsErrorCodes.TokenInvalid) || (err instanceof DiscordAPIError && err.status === 401)) {
    return new DiscordUnavailableError('Discord refused the bot token: check DISCORD_TOKEN', false, { cause: err });
  }
  if (err instanceof DiscordAPIError) {
    return new DiscordUnavailableError(`Discord answered ${err.status} (${err.code}): ${err.message}`, err.status >= 500 || err.status === 429, { cause: err });
  }
  if (err instanceof HTTPError) {
    return new DiscordUnavailableError(`Discord answered ${err.status}: ${err.message}`, err.status >= 500 || err.status === 429, { cause: err });
  }
  const where = restTarget(apiBase).api;
  return new DiscordUnavailableError(`could not reach Discord at ${where}: ${describeSystemError(err)}`, true, { cause: err });
}
