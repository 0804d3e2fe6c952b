import {
  DiscordAPIError,
  DiscordjsError,
  DiscordjsErrorCodes,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ChatInputCommandInteraction,
  type Guild,
  type GuildBasedChannel,
} from 'discord.js';
import type { clubwatchDefinition } from '../../commands/clubwatch.ts';
import type { summaryLanguages } from '../config/config.ts';
import { UserError } from '../errors.ts';
import type { Cadence, ServerSettings, Watch } from '../store/store.ts';
import type { AdminReply, AdminRequest, ClubwatchArgs, ClubwatchOptions } from './admin-request.ts';
import type { FocusedOption } from './command-args.ts';
import { countryChoices, entryChoices, resolveCountry, resolveEntry } from './catalog-lookup.ts';
import { messagesFor } from './i18n/messages.ts';
import type { Messages } from './i18n/types.ts';
import { isSnowflake } from './input.ts';
import { embedsPerMessage, messageContentLength } from './limits.ts';
import { channelOf, guildOf, isPostable, missingInChannel, requiredInChannel, wantedInChannel } from './permissions.ts';
import { recordLanguageChosen } from './guild-events.ts';
import { resumeServer } from './pause.ts';
import type { BotServices } from './services.ts';
import { cadenceText, settingsEmbed, watchName } from './settings-view.ts';
import { addSource, listSources, removeSource, sourceChoices } from './sources-command.ts';
import { truncate } from './text.ts';
import { timeZoneChoices, parseDailyTime, parseTimeZone } from './time-input.ts';
import { explainLink } from './why-command.ts';

const maxWatches = 100;
const watchableKinds = ['club', 'federation', 'league'] as const;

function isServerAdmin(interaction: ChatInputCommandInteraction | AutocompleteInteraction): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild, true) ?? false;
}

/** `/clubwatch …`: Manage Server is required again here, whatever the command's default permissions say. */
export async function runClubwatch(interaction: ChatInputCommandInteraction, args: ClubwatchArgs, bot: BotServices): Promise<void> {
  const { store } = bot.context;
  if (!interaction.inGuild()) throw new UserError(messagesFor('en').onlyInServer);
  const guildId = interaction.guildId;
  const settings = await store.getServerSettings(guildId);
  const messages = messagesFor(settings.language);
  if (!isServerAdmin(interaction)) throw new UserError(messages.needManageServer);

  // Reading a new feed can take longer than Discord's three seconds.
  if (args.subcommand === 'sources add') await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const request: AdminRequest = { bot, guildId, settings, messages };
  const reply = await route(request, args);

  // The notice is read after the work: a pause may have happened meanwhile, and `channel` clears it.
  const fresh = await store.getServerSettings(guildId);
  const embeds = [...(reply.embeds ?? [])];
  if (fresh.adminNotice) embeds.unshift({ title: `⚠️ ${messagesFor(fresh.language).notice}`, description: fresh.adminNotice, color: 0xf0ad4e });
  const payload = { ...(reply.content ? { content: truncate(reply.content, messageContentLength) } : {}), embeds: embeds.slice(0, embedsPerMessage), allowedMentions: { parse: [] } };
  if (interaction.deferred) await interaction.editReply(payload);
  else await interaction.reply({ ...payload, flags: MessageFlags.Ephemeral });
  // Cleared once shown, and only if no newer notice replaced it meanwhile.
  if (fresh.adminNotice && (await store.getServerSettings(guildId)).adminNotice === fresh.adminNotice) {
    await store.updateServerSettings(guildId, { adminNotice: null });
  }
}

function route(request: AdminRequest, args: ClubwatchArgs): Promise<AdminReply> {
  switch (args.subcommand) {
    case 'sources add':
      return addSource(request, args.options);
    case 'sources remove':
      return removeSource(request, args.options);
    case 'sources list':
      return listSources(request);
    case 'watch':
      return changeWatch(request, args.options, true);
    case 'unwatch':
      return changeWatch(request, args.options, false);
    case 'channel':
      return setChannel(request, args.options);
    case 'cadence':
      return setCadence(request, args.options);
    case 'language':
      return setLanguage(request, args.options);
    case 'mention':
      return setMention(request, args.options);
    case 'why':
      return explainLink(request, args.options);
    case 'settings':
      return settingsEmbed(request.bot.context, request.settings).then((embed) => ({ embeds: [embed] }));
  }
}

function watchOf(request: AdminRequest, options: ClubwatchOptions<'watch' | 'unwatch'>, watches: Watch[]): Watch {
  const { bot, messages, settings } = request;
  const { catalog } = bot.context;
  const given = (['club', 'league', 'country'] as const)
    .map((kind) => ({ kind, value: options[kind]?.trim() ?? '' }))
    .filter((option) => option.value !== '');
  const [option] = given;
  if (!option || given.length > 1) throw new UserError(messages.chooseOneTarget);
  // An exact value already watched can always be unwatched, even if the catalog no longer has it.
  const existing = watches.find((watch) => watch.kind === option.kind && watch.value === option.value);
  if (existing) return existing;
  if (option.kind === 'club') return { kind: 'club', value: resolveEntry(catalog, option.value, watchableKinds, messages, messages.unknownClub).id };
  if (option.kind === 'league') return { kind: 'league', value: resolveEntry(catalog, option.value, ['league'], messages, messages.unknownLeague).id };
  return { kind: 'country', value: resolveCountry(catalog, option.value, settings.language, messages) };
}

async function changeWatch(request: AdminRequest, options: ClubwatchOptions<'watch' | 'unwatch'>, add: boolean): Promise<AdminReply> {
  const { bot, guildId, messages, settings } = request;
  const { store } = bot.context;
  const watches = await store.listWatches(guildId);
  const watch = watchOf(request, options, watches);
  const name = watchName(bot.context, watch, settings.language);
  if (!add) return { content: (await store.removeWatch(guildId, watch)) ? messages.stoppedWatching(name) : messages.notWatching(name) };
  if (watches.length >= maxWatches && !watches.some((w) => w.kind === watch.kind && w.value === watch.value)) {
    throw new UserError(messages.tooManyWatches(maxWatches));
  }
  const added = await store.addWatch(guildId, watch);
  const lines = [added ? messages.nowWatching(name) : messages.alreadyWatching(name)];
  if (!settings.channelId) lines.push(messages.setChannelHint);
  return { content: lines.join('\n') };
}

/** The channel, or null when Discord's answer does not say either way (it is then taken unchecked). */
async function findChannel(guild: Guild, channelId: string, messages: Messages): Promise<GuildBasedChannel | null> {
  try {
    return await channelOf(guild, channelId);
  } catch (err) {
    if (err instanceof DiscordAPIError) {
      if (err.code === 50001) throw new UserError(messages.channelMissing(`<#${channelId}>`, [messages.permissionNames.ViewChannel]));
      if (err.code === 10003) throw new UserError(messages.channelNotHere);
    }
    if (err instanceof DiscordjsError && err.code === DiscordjsErrorCodes.GuildChannelUnowned) throw new UserError(messages.channelNotHere);
    return null;
  }
}

async function setChannel(request: AdminRequest, options: ClubwatchOptions<'channel'>): Promise<AdminReply> {
  const { bot, guildId, settings, messages } = request;
  const channelId = options.channel;
  if (!isSnowflake(channelId)) throw new UserError(messages.channelNotHere);
  const mention = `<#${channelId}>`;
  const lines: string[] = [];
  const guild = await guildOf(bot.client, guildId);
  if (guild) {
    const channel = await findChannel(guild, channelId, messages);
    if (channel && channel.guildId !== guildId) throw new UserError(messages.channelNotHere);
    if (channel && !isPostable(channel)) throw new UserError(messages.channelNotText);
    const missing = channel ? await missingInChannel(guild, channel, [...requiredInChannel, ...wantedInChannel]) : null;
    if (missing === null) lines.push(messages.channelUnchecked);
    else {
      const required = missing.filter((name) => (requiredInChannel as readonly string[]).includes(name));
      if (required.length > 0) throw new UserError(messages.channelMissing(mention, required.map((name) => messages.permissionNames[name])));
      if (missing.length > 0) lines.push(messages.channelHistoryWarning);
    }
  } else {
    lines.push(messages.channelUnchecked);
  }
  const held = await resumeServer(bot, guildId, { channelId });
  // The reply says what resuming did, so the notice need not wait for the next reply.
  await bot.context.store.updateServerSettings(guildId, { adminNotice: null });
  if (held.released + held.digested > 0) lines.unshift(messages.heldResumed(held.released + held.digested));
  if (held.dropped > 0) lines.unshift(messages.heldDropped(held.dropped, bot.context.config.deliveries.holdDays));
  if (settings.pausedReason) lines.unshift(messages.unpaused);
  return { content: [messages.channelSet(mention), ...lines].join('\n') };
}

async function setCadence(request: AdminRequest, options: ClubwatchOptions<'cadence'>): Promise<AdminReply> {
  const { bot, guildId, settings, messages } = request;
  const { mode, time, timezone, picture } = options;
  const change: Partial<ServerSettings> = { cadence: mode satisfies Cadence };
  if (time !== undefined) change.dailyAt = parseDailyTime(time, messages);
  if (timezone !== undefined) change.timeZone = parseTimeZone(timezone, messages);
  if (picture !== undefined) change.digestBoard = picture;
  const next = await bot.context.store.updateServerSettings(guildId, change);
  return { content: cadenceText({ ...settings, ...next }, messages) };
}

async function setLanguage(request: AdminRequest, options: ClubwatchOptions<'language'>): Promise<AdminReply> {
  const { bot, guildId } = request;
  const language = options.language satisfies (typeof summaryLanguages)[number];
  await bot.context.store.updateServerSettings(guildId, { language });
  await recordLanguageChosen(bot, guildId);
  return { content: messagesFor(language).languageSet };
}

async function setMention(request: AdminRequest, options: ClubwatchOptions<'mention'>): Promise<AdminReply> {
  const { bot, guildId, messages } = request;
  const roleId = options.role;
  if (roleId === undefined) {
    await bot.context.store.updateServerSettings(guildId, { mentionRoleId: null });
    return { content: messages.mentionNone };
  }
  if (roleId === guildId || !isSnowflake(roleId)) throw new UserError(messages.mentionEveryone);
  const guild = await guildOf(bot.client, guildId);
  if (guild && (await roleIsHere(guild, roleId)) === false) throw new UserError(messages.roleNotHere);
  await bot.context.store.updateServerSettings(guildId, { mentionRoleId: roleId });
  return { content: messages.mentionSet(`<@&${roleId}>`) };
}

/** Whether the role belongs to the server; null when Discord's answer does not say. */
async function roleIsHere(guild: Guild, roleId: string): Promise<boolean | null> {
  if (guild.roles.cache.has(roleId)) return true;
  try {
    return (await guild.roles.fetch()).has(roleId);
  } catch {
    return null;
  }
}

/** Suggestions for admins only: a member without Manage Server learns nothing about the server's settings. */
export async function autocompleteClubwatch(
  interaction: AutocompleteInteraction,
  focused: FocusedOption<typeof clubwatchDefinition>,
  bot: BotServices,
): Promise<void> {
  if (!interaction.inGuild() || !isServerAdmin(interaction)) return interaction.respond([]);
  const { catalog, store } = bot.context;
  const typed = focused.value;
  switch (focused.name) {
    case 'club':
      return interaction.respond(entryChoices(catalog, typed, watchableKinds));
    case 'league':
      return interaction.respond(entryChoices(catalog, typed, ['league']));
    case 'country':
      return interaction.respond(countryChoices(catalog, typed, (await store.getServerSettings(interaction.guildId)).language));
    case 'timezone':
      return interaction.respond(timeZoneChoices(typed));
    case 'url':
      return interaction.respond(await sourceChoices(bot, interaction.guildId, typed));
  }
}
