import { Events } from 'discord.js';
import { pauseServer } from './pause.ts';
import type { BotServices } from './services.ts';

/**
 * A server that removes the bot is paused, its settings kept; if it adds the bot back, posting
 * resumes where it stopped.
 */
export function followGuildMembership(bot: BotServices): void {
  const { client, context, logger } = bot;
  client.on(Events.GuildDelete, (guild) => {
    void (async () => {
      const settings = await context.store.getServerSettings(guild.id);
      if (settings.channelId && !settings.pausedReason) await pauseServer(bot, settings, 'removed-from-server', new Date());
    })().catch((err: unknown) => logger.warn({ err, serverId: guild.id }, 'could not record leaving a server'));
  });
  client.on(Events.GuildCreate, (guild) => {
    void (async () => {
      const settings = await context.store.getServerSettings(guild.id);
      if (settings.pausedReason === 'removed-from-server') {
        await context.store.updateServerSettings(guild.id, { pausedReason: null, pausedAt: null, adminNotice: null });
      }
    })().catch((err: unknown) => logger.warn({ err, serverId: guild.id }, 'could not record joining a server'));
  });
}
