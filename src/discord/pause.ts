import { PermissionFlagsBits, Routes } from 'discord.js';
import type { ServerSettings } from '../store/store.ts';
import { messagesFor, pausedReasonText } from './i18n/messages.ts';
import { botMember, guildOf } from './permissions.ts';
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
