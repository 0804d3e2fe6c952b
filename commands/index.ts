import { autocompleteClubwatch, runClubwatch } from '../src/discord/admin-command.ts';
import { autocompleteClubs, runClubs } from '../src/discord/clubs-command.ts';
import { slashCommand, type SlashCommand } from '../src/discord/services.ts';
import { clubsDefinition } from './clubs.ts';
import { clubwatchDefinition } from './clubwatch.ts';

/** The one command list: the router answers these, and `npm run deploy:commands` registers them. */
export const commands: readonly SlashCommand[] = [
  slashCommand(clubsDefinition, { execute: runClubs, autocomplete: autocompleteClubs }),
  slashCommand(clubwatchDefinition, { execute: runClubwatch, autocomplete: autocompleteClubwatch }),
];

export function commandPayload() {
  return commands.map((command) => command.data);
}
