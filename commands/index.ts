import type { SlashCommand } from '../src/discord/services.ts';
import { clubs } from './clubs.ts';
import { clubwatch } from './clubwatch.ts';

/** The one command list: the router answers these, and `npm run deploy:commands` registers them. */
export const commands: readonly SlashCommand[] = [clubs, clubwatch];

export function commandPayload() {
  return commands.map((command) => command.data);
}
