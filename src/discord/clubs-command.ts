import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { clubsDefinition } from '../../commands/clubs.ts';
import { runBoard } from './board-command.ts';
import { countryChoices, entryChoices, resolveEntry } from './catalog-lookup.ts';
import type { CommandArgs, FocusedOption } from './command-args.ts';
import { clubStatusEmbed, storiesEmbed, viewerOf, watchedClubsEmbed } from './club-views.ts';
import { messagesFor } from './i18n/messages.ts';
import type { BotServices } from './services.ts';

const everyKind = ['club', 'federation', 'league'] as const;

type ClubsArgs = CommandArgs<typeof clubsDefinition>;

async function languageOf(bot: BotServices, guildId: string | null): Promise<string> {
  return guildId ? (await bot.context.store.getServerSettings(guildId)).language : 'en';
}

/** `/clubs status|latest|history`: what any member may ask. */
export async function runClubs(interaction: ChatInputCommandInteraction, args: ClubsArgs, bot: BotServices): Promise<void> {
  const { context } = bot;
  const language = await languageOf(bot, interaction.guildId);
  const messages = messagesFor(language);
  const viewer = await viewerOf(context, interaction.guildId);

  if (args.subcommand === 'status') {
    const { club } = args.options;
    if (club) {
      const entry = resolveEntry(context.catalog, club, everyKind, messages, messages.unknownClub);
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
  if (args.subcommand === 'latest') {
    const { platform, action } = args.options;
    const stories = await context.store.listStories({
      limit: 10,
      ...(viewer.serverId ? { visibleTo: viewer.serverId } : {}),
      ...(platform ? { platform } : {}),
      ...(action ? { action } : {}),
    });
    await interaction.reply({ embeds: [storiesEmbed(context, messages.latestTitle, stories, language, viewer)] });
    return;
  }
  if (args.subcommand === 'board') {
    await runBoard(interaction, args.options, context, language);
    return;
  }
  const entry = resolveEntry(context.catalog, args.options.club, everyKind, messages, messages.unknownClub);
  const history = await context.store.clubHistory(entry.id, viewer.serverId);
  const recent = history.slice(-25);
  await interaction.reply({ embeds: [storiesEmbed(context, messages.historyTitle(entry.name), recent, language, viewer, true)] });
}

export async function autocompleteClubs(interaction: AutocompleteInteraction, focused: FocusedOption<typeof clubsDefinition>, bot: BotServices): Promise<void> {
  const { catalog } = bot.context;
  switch (focused.name) {
    case 'league':
      return interaction.respond(entryChoices(catalog, focused.value, ['league']));
    case 'country':
      return interaction.respond(countryChoices(catalog, focused.value, await languageOf(bot, interaction.guildId)));
    case 'club':
      return interaction.respond(entryChoices(catalog, focused.value, everyKind));
  }
}
