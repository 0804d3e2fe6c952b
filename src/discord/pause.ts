import { PermissionFlagsBits, Routes } from 'discord.js';
import type { ServerSettings } from '../store/store.ts';
import { messagesFor, pausedReasonText } from './i18n/messages.ts';
import { releaseHeld, type ReleaseResult } from '../deliveries/hold.ts';
import { botMember, channelOf, guildOf, missingInChannel, requiredInChannel } from './permissions.ts';
import type { BotServices } from './services.ts';

export type PauseReason = 'missing-access' | 'missing-permissions' | 'unknown-channel' | 'removed-from-server';

/**
 * Stops posting to a server whose channel refused a post, keeping its settings; its admins are told
 * in their next `/clubwatch` reply and, once, in the server's system channel if the bot may post there.
 */
export async function pauseServer(bot: BotServices, settings: ServerSettings, reason: PauseReason, now: Date): Promise<void> {
  const messages = messagesFor(settings.language);
  const channel = settings.channelId ? `<#${settings.channelId}>` : '—';
  const reasonText = pausedReasonText(messages, reason);
  await bot.context.store.updateServerSettings(settings.serverId, {
    pausedReason: reason,
    pausedAt: now.toISOString(),
    adminNotice: messages.pauseNotice(channel, reasonText),
  });
  bot.logger.warn({ serverId: settings.serverId, channelId: settings.channelId, reason }, 'posting paused for a server');
  if (reason === 'removed-from-server') return;
  await tellSystemChannel(bot, settings, messages.systemChannelNotice(channel, reasonText));
}

async function tellSystemChannel(bot: BotServices, settings: ServerSettings, text: string): Promise<void> {
  try {
    const guild = await guildOf(bot.client, settings.serverId);
    const systemChannel = guild?.systemChannel;
    if (!guild || !systemChannel || systemChannel.id === settings.channelId) return;
    const me = await botMember(guild);
    const permissions = me ? systemChannel.permissionsFor(me) : null;
    if (!permissions?.has([PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages], true)) return;
    await bot.client.rest.post(Routes.channelMessages(systemChannel.id), { body: { content: text, allowed_mentions: { parse: [] } } });
  } catch (err) {
    bot.logger.info({ err, serverId: settings.serverId }, 'could not tell the server about the pause');
  }
}

/**
 * Posting to a server may go on again (its channel was set, its permission restored, the bot added
 * back): the pause is lifted and what was held is released, oldest first; updates held too long are
 * dropped and the admins told how many in their next admin reply.
 */
export async function resumeServer(bot: BotServices, serverId: string, change: Partial<ServerSettings> = {}, now = new Date()): Promise<ReleaseResult> {
  const { store, config } = bot.context;
  const settings = await store.updateServerSettings(serverId, { ...change, pausedReason: null, pausedAt: null, adminNotice: null });
  const result = await releaseHeld(store, `discord:${serverId}`, { now, holdDays: config.deliveries.holdDays, language: settings.language });
  if (result.dropped > 0) {
    await store.updateServerSettings(serverId, { adminNotice: messagesFor(settings.language).heldDropped(result.dropped, config.deliveries.holdDays) });
  }
  bot.logger.info({ serverId, ...result }, 'posting resumed for a server');
  return result;
}

/** After a refusal, whether the gateway's view of the channel says the bot may post there again. Never asks Discord to post. */
export async function mayPostAgain(bot: BotServices, settings: ServerSettings): Promise<boolean> {
  if (!settings.channelId || settings.pausedReason === 'removed-from-server') return false;
  try {
    const guild = await guildOf(bot.client, settings.serverId);
    if (!guild) return false;
    const channel = await channelOf(guild, settings.channelId);
    if (!channel) return false;
    const missing = await missingInChannel(guild, channel, requiredInChannel);
    return missing !== null && missing.length === 0;
  } catch {
    return false;
  }
}
