import type { AutocompleteInteraction, ChatInputCommandInteraction, Client, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord.js';
import type { AppContext } from '../app/context.ts';
import type { Logger } from '../logger.ts';
import { readArgs, readFocused, type CommandArgs, type CommandDefinition, type FocusedOption } from './command-args.ts';

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

/** Handlers typed from the command's definition: they get its arguments, read and checked. */
export interface CommandHandlers<C extends CommandDefinition> {
  execute(interaction: ChatInputCommandInteraction, args: CommandArgs<C>, bot: BotServices): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, focused: FocusedOption<C>, bot: BotServices): Promise<void>;
}

/** A definition and its handlers as one command; an autocomplete for an option that does not ask for it gets no suggestions. */
export function slashCommand<const C extends CommandDefinition & RESTPostAPIChatInputApplicationCommandsJSONBody>(
  data: C,
  handlers: CommandHandlers<C>,
): SlashCommand {
  const { autocomplete } = handlers;
  return {
    data,
    execute: (interaction, bot) => handlers.execute(interaction, readArgs(data, interaction), bot),
    ...(autocomplete
      ? {
          autocomplete: async (interaction: AutocompleteInteraction, bot: BotServices) => {
            const focused = readFocused(data, interaction);
            if (focused) await autocomplete(interaction, focused, bot);
            else await interaction.respond([]);
          },
        }
      : {}),
  };
}
