import type { AutocompleteInteraction, ChatInputCommandInteraction, Client, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { AppContext } from '../app/context.ts';
import type { Logger } from '../logger.ts';

/** What command handlers and the destination share: the app's context and the one Discord client. */
export interface BotServices {
  context: AppContext;
  client: Client;
  logger: Logger;
}

/** One slash command: its definition for Discord, and the handlers the router calls. */
export interface SlashCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  execute(interaction: ChatInputCommandInteraction, bot: BotServices): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, bot: BotServices): Promise<void>;
}
