import { Events } from 'discord.js';
import { summaryLanguages } from '../config/config.ts';
import type { ServerSettings } from '../store/store.ts';
import { pauseServer } from './pause.ts';
import type { BotServices } from './services.ts';

/** The summary language for a Discord locale ("fr", "es-419", "pt-BR"), or null when clubwatch has none. */
export function languageOfLocale(locale: string | null | undefined): string | null {
  const base = locale?.toLowerCase().split('-')[0];
  return base && (summaryLanguages as readonly string[]).includes(base) ? base : null;
}

/**
 * A server that adds the bot is answered in its own language from the start. A server that removes
 * the bot is paused, its settings kept; if it adds the bot back, posting resumes where it stopped.
 * A server paused for over a week no longer has its own feeds read (the poller leaves them out).
 */
export function followGuildMembership(bot: BotServices): void {
  const { client, context, logger } = bot;
  client.on(Events.GuildDelete, (guild) => {
    void (async () => {
      const settings = await context.store.getServerSettings(guild.id);
      if (!settings.pausedReason && (await usesClubwatch(bot, settings))) await pauseServer(bot, settings, 'removed-from-server', new Date());
    })().catch((err: unknown) => logger.warn({ err, serverId: guild.id }, 'could not record leaving a server'));
  });
  // Servers that removed the bot while it was stopped are paused once it is back.
  client.once(Events.ClientReady, () => {
    void (async () => {
      const now = new Date();
      for (const settings of await context.store.listServers()) {
        if (settings.pausedReason || client.guilds.cache.has(settings.serverId)) continue;
        if (await usesClubwatch(bot, settings)) await pauseServer(bot, settings, 'removed-from-server', now);
      }
    })().catch((err: unknown) => logger.warn({ err }, 'could not check which servers removed the bot while it was stopped'));
  });
  client.on(Events.GuildCreate, (guild) => {
    void (async () => {
      const { store } = context;
      const settings = await store.getServerSettings(guild.id);
      if (settings.pausedReason === 'removed-from-server') {
        await store.updateServerSettings(guild.id, { pausedReason: null, pausedAt: null, adminNotice: null });
      }
      const seenKey = `discord-server-seen:${guild.id}`;
      if ((await store.getState(seenKey)) !== undefined) return;
      await store.setState(seenKey, new Date().toISOString());
      const language = languageOfLocale(guild.preferredLocale);
      const untouched = settings.language === 'en' && !settings.channelId && (await store.listWatches(guild.id)).length === 0;
      if (language && language !== 'en' && untouched) await store.updateServerSettings(guild.id, { language });
    })().catch((err: unknown) => logger.warn({ err, serverId: guild.id }, 'could not record joining a server'));
  });
}

/** A server that set a channel or added feeds of its own: the ones whose leaving changes what is done. */
async function usesClubwatch(bot: BotServices, settings: ServerSettings): Promise<boolean> {
  return settings.channelId !== null || (await bot.context.store.listServerSources(settings.serverId)).length > 0;
}
