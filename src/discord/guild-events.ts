import { Events } from 'discord.js';
import { summaryLanguages } from '../config/config.ts';
import type { ServerSettings } from '../store/store.ts';
import { pauseServer, resumeServer } from './pause.ts';
import type { BotServices } from './services.ts';

/** The summary language for a Discord locale ("fr", "es-419", "pt-BR"), or null when clubwatch has none. */
function languageOfLocale(locale: string | null | undefined): string | null {
  const base = locale?.toLowerCase().split('-')[0];
  return base && (summaryLanguages as readonly string[]).includes(base) ? base : null;
}

const chosenKey = (serverId: string) => `discord-language-chosen:${serverId}`;

/** An admin chose the server's language with `/clubwatch language`: the server's locale no longer decides it. */
export async function recordLanguageChosen(bot: BotServices, serverId: string): Promise<void> {
  await bot.context.store.setState(chosenKey(serverId), new Date().toISOString());
}

/**
 * The server speaks the language of its Discord locale (its preferred locale, or the locale an
 * interaction carries), unless its admins chose one. Locales clubwatch has no language for change nothing.
 */
export async function adoptLocale(bot: BotServices, serverId: string, locale: string | null | undefined): Promise<void> {
  const language = languageOfLocale(locale);
  if (!language) return;
  const { store } = bot.context;
  if ((await store.getState(chosenKey(serverId))) !== undefined) return;
  const settings = await store.getServerSettings(serverId);
  if (settings.language !== language) await store.updateServerSettings(serverId, { language });
}

/** At start-up: the servers the bot is already in get their language as a new one would. */
export async function adoptLocalesOfPresentServers(bot: BotServices): Promise<void> {
  for (const guild of bot.client.guilds.cache.values()) {
    await adoptLocale(bot, guild.id, guild.preferredLocale).catch((err: unknown) => bot.logger.warn({ err, serverId: guild.id }, 'could not apply a server’s locale'));
  }
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
      if (settings.pausedReason === 'removed-from-server') await resumeServer(bot, guild.id);
      await adoptLocale(bot, guild.id, guild.preferredLocale);
    })().catch((err: unknown) => logger.warn({ err, serverId: guild.id }, 'could not record joining a server'));
  });
}

/** A server that set a channel or added feeds of its own: the ones whose leaving changes what is done. */
async function usesClubwatch(bot: BotServices, settings: ServerSettings): Promise<boolean> {
  return settings.channelId !== null || (await bot.context.store.listServerSources(settings.serverId)).length > 0;
}
