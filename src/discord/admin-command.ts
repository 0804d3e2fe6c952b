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
import { summaryLanguages } from '../config/config.ts';
import { UserError } from '../errors.ts';
import type { Cadence, ServerSettings, Watch } from '../store/store.ts';
import type { AdminReply, AdminRequest } from './admin-request.ts';
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
export async function runClubwatch(interaction: ChatInputCommandInteraction, bot: BotServices): Promise<void> {
  const { store } = bot.context;
  if (!interaction.inGuild()) throw new UserError(messagesFor('en').onlyInServer);
  const guildId = interaction.guildId;
  const settings = await store.getServerSettings(guildId);
  const messages = messagesFor(settings.language);
  if (!isServerAdmin(interaction)) throw new UserError(messages.needManageServer);

  const group = interaction.options.getSubcommandGroup(false);
  const subcommand = interaction.options.getSubcommand(true);
  if (group === 'sources' && subcommand === 'add') await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const request: AdminRequest = { interaction, bot, guildId, settings, messages };
  const reply = await route(request, group, subcommand);

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

function route(request: AdminRequest, group: string | null, subcommand: string): Promise<AdminReply> {
  if (group === 'sources') {
    if (subcommand === 'add') return addSource(request);
    if (subcommand === 'remove') return removeSource(request);
    return listSources(request);
  }
  switch (subcommand) {
    case 'watch':
      return changeWatch(request, true);
    case 'unwatch':
      return changeWatch(request, false);
    case 'channel':
      return setChannel(request);
    case 'cadence':
      return setCadence(request);
    case 'language':
      return setLanguage(request);
    case 'mention':
      return setMention(request);
    case 'why':
      return explainLink(request);
    default:
      return settingsEmbed(request.bot.context, request.settings).then((embed) => ({ embeds: [embed] }));
  }
}

function watchOf(request: AdminRequest, watches: Watch[]): Watch {
  const { interaction, bot, messages, settings } = request;
  const { catalog } = bot.context;
  const given = (['club', 'league', 'country'] as const)
    .map((kind) => ({ kind, value: interaction.options.getString(kind)?.trim() ?? '' }))
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

async function changeWatch(request: AdminRequest, add: boolean): Promise<AdminReply> {
  const { bot, guildId, messages, settings } = request;
  const { store } = bot.context;
  const watches = await store.listWatches(guildId);
  const watch = watchOf(request, watches);
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

async function setChannel(request: AdminRequest): Promise<AdminReply> {
  const { interaction, bot, guildId, settings, messages } = request;
  const channelId = interaction.options.get('channel')?.value;
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

async function setCadence(request: AdminRequest): Promise<AdminReply> {
  const { interaction, bot, guildId, settings, messages } = request;
  const mode = interaction.options.getString('mode', true);
  if (!['immediate', 'hourly', 'daily'].includes(mode)) throw new UserError(messages.cadenceImmediate);
  const time = interaction.options.getString('time');
  const zone = interaction.options.getString('timezone');
  const change: Partial<ServerSettings> = { cadence: mode as Cadence };
  if (time !== null) change.dailyAt = parseDailyTime(time, messages);
  if (zone !== null) change.timeZone = parseTimeZone(zone, messages);
  const picture = interaction.options.getBoolean('picture');
  if (picture !== null) change.digestBoard = picture;
  const next = await bot.context.store.updateServerSettings(guildId, change);
  return { content: cadenceText({ ...settings, ...next }, messages) };
}

async function setLanguage(request: AdminRequest): Promise<AdminReply> {
  const { interaction, bot, guildId, messages } = request;
  const language = interaction.options.getString('language', true);
  if (!(summaryLanguages as readonly string[]).includes(language)) throw new UserError(messages.languageSet);
  await bot.context.store.updateServerSettings(guildId, { language });
  await recordLanguageChosen(bot, guildId);
  return { content: messagesFor(language).languageSet };
}

async function setMention(request: AdminRequest): Promise<AdminReply> {
  const { interaction, bot, guildId, messages } = request;
  const roleId = interaction.options.get('role')?.value ?? null;
  if (roleId === null) {
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
export async function autocompleteClubwatch(interaction: AutocompleteInteraction, bot: BotServices): Promise<void> {
  if (!interaction.inGuild() || !isServerAdmin(interaction)) return interaction.respond([]);
  const { catalog, store } = bot.context;
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value);
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
    default:
      return interaction.respond([]);
  }
}
