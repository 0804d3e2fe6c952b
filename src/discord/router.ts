import { MessageFlags, type AutocompleteInteraction, type ChatInputCommandInteraction, type Interaction } from 'discord.js';
import { UserError } from '../errors.ts';
import { CommandOptionsError } from './command-args.ts';
import { adoptLocale } from './guild-events.ts';
import { messagesFor } from './i18n/messages.ts';
import { messageContentLength } from './limits.ts';
import type { BotServices, SlashCommand } from './services.ts';
import { truncate } from './text.ts';

/**
 * The one error boundary for every interaction. A UserError is shown to the user as it is; anything
 * else is logged with its context and answered with a short generic reply in the server's language.
 */
export function interactionHandler(bot: BotServices, commands: readonly SlashCommand[]): (interaction: Interaction) => Promise<void> {
  const byName = new Map(commands.map((command) => [command.data.name, command]));
  return async (interaction) => {
    if (interaction.isAutocomplete()) return autocomplete(bot, byName.get(interaction.commandName), interaction);
    if (!interaction.isChatInputCommand()) return;
    const command = byName.get(interaction.commandName);
    const log = bot.logger.child({
      command: interaction.commandName,
      subcommand: interaction.options.getSubcommand(false),
      guildId: interaction.guildId,
      userId: interaction.user.id,
      interactionId: interaction.id,
    });
    try {
      if (!command) throw new Error(`no handler for /${interaction.commandName}`);
      if (interaction.guildId) await adoptLocale(bot, interaction.guildId, interaction.guildLocale);
      await command.execute(interaction, bot);
    } catch (err) {
      const messages = messagesFor(await languageOf(bot, interaction.guildId));
      let text = messages.genericError;
      if (err instanceof UserError) text = err.message;
      else if (err instanceof CommandOptionsError) {
        log.warn({ err }, 'the interaction does not match the command');
        text = messages.optionRefused(err.option);
      } else log.error({ err }, 'command failed');
      await answer(interaction, text).catch((replyErr: unknown) => log.warn({ err: replyErr }, 'could not answer the interaction'));
    }
  };
}

async function autocomplete(bot: BotServices, command: SlashCommand | undefined, interaction: AutocompleteInteraction): Promise<void> {
  try {
    if (command?.autocomplete) await command.autocomplete(interaction, bot);
    else await interaction.respond([]);
  } catch (err) {
    bot.logger.warn({ err, command: interaction.commandName, guildId: interaction.guildId }, 'autocomplete failed');
    if (!interaction.responded) await interaction.respond([]).catch(() => undefined);
  }
}

async function languageOf(bot: BotServices, guildId: string | null): Promise<string> {
  if (!guildId) return 'en';
  return (await bot.context.store.getServerSettings(guildId).catch(() => null))?.language ?? 'en';
}

async function answer(interaction: ChatInputCommandInteraction, text: string): Promise<void> {
  const payload = { content: truncate(text, messageContentLength), embeds: [], allowedMentions: { parse: [] } };
  if (interaction.deferred) await interaction.editReply(payload);
  else if (interaction.replied) await interaction.followUp({ ...payload, flags: MessageFlags.Ephemeral });
  else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
}
