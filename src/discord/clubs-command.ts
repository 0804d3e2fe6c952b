import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import { actions, platforms } from '../announcements/announcement.ts';
import { UserError } from '../errors.ts';
import { runBoard } from './board-command.ts';
import { countryChoices, entryChoices, resolveEntry } from './catalog-lookup.ts';
import { clubStatusEmbed, storiesEmbed, viewerOf, watchedClubsEmbed } from './club-views.ts';
import { messagesFor } from './i18n/messages.ts';
import type { BotServices } from './services.ts';

const everyKind = ['club', 'federation', 'league'] as const;

async function languageOf(bot: BotServices, guildId: string | null): Promise<string> {
  return guildId ? (await bot.context.store.getServerSettings(guildId)).language : 'en';
}

/** `/clubs status|latest|history`: what any member may ask. */
export async function runClubs(interaction: ChatInputCommandInteraction, bot: BotServices): Promise<void> {
  const { context } = bot;
  const language = await languageOf(bot, interaction.guildId);
  const messages = messagesFor(language);
  const subcommand = interaction.options.getSubcommand(true);
  const clubOption = interaction.options.getString('club');
  const viewer = await viewerOf(context, interaction.guildId);

  if (subcommand === 'status') {
    if (clubOption) {
      const entry = resolveEntry(context.catalog, clubOption, everyKind, messages, messages.unknownClub);
      await interaction.reply({ embeds: [await clubStatusEmbed(context, entry, language, viewer)] });
      return;
    }
    const watches = interaction.guildId ? await context.store.listWatches(interaction.guildId) : [];
    if (watches.length > 0) {
      await interaction.reply({ embeds: [await watchedClubsEmbed(context, watches, language)] });
      return;
    }
    const stories = await context.store.listStories({ limit: 10, ...(viewer.serverId ? { visibleTo: viewer.serverId } : {}) });
    await interaction.reply({ embeds: [storiesEmbed(context, messages.latestTitle, stories, language, viewer)] });
    return;
  }
  if (subcommand === 'latest') {
    const platform = choiceOf(interaction.options.getString('platform'), platforms);
    const action = choiceOf(interaction.options.getString('action'), actions);
    const stories = await context.store.listStories({
      limit: 10,
      ...(viewer.serverId ? { visibleTo: viewer.serverId } : {}),
      ...(platform ? { platform } : {}),
      ...(action ? { action } : {}),
    });
    await interaction.reply({ embeds: [storiesEmbed(context, messages.latestTitle, stories, language, viewer)] });
    return;
  }
  if (subcommand === 'board') {
    await runBoard(interaction, context, language);
    return;
  }
  if (subcommand === 'history') {
    const entry = resolveEntry(context.catalog, clubOption ?? '', everyKind, messages, messages.unknownClub);
    const history = await context.store.clubHistory(entry.id, viewer.serverId);
    const recent = history.slice(-25);
    await interaction.reply({ embeds: [storiesEmbed(context, messages.historyTitle(entry.name), recent, language, viewer, true)] });
    return;
  }
  throw new UserError(messages.genericError);
}

function choiceOf<T extends string>(value: string | null, allowed: readonly T[]): T | null {
  if (value === null) return null;
  return (allowed as readonly string[]).includes(value) ? (value as T) : null;
}

export async function autocompleteClubs(interaction: AutocompleteInteraction, bot: BotServices): Promise<void> {
  const focused = interaction.options.getFocused(true);
  if (focused.name === 'league') return interaction.respond(entryChoices(bot.context.catalog, String(focused.value), ['league']));
  if (focused.name === 'country') {
    return interaction.respond(countryChoices(bot.context.catalog, String(focused.value), await languageOf(bot, interaction.guildId)));
  }
  if (focused.name !== 'club') return interaction.respond([]);
  await interaction.respond(entryChoices(bot.context.catalog, String(focused.value), everyKind));
}
