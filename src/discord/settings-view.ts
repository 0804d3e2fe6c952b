import type { APIEmbed } from 'discord.js';
import type { AppContext } from '../app/context.ts';
import type { ServerSettings, Watch } from '../store/store.ts';
import { formatDate } from '../summaries/compose.ts';
import { summaryLanguage } from '../summaries/phrases.ts';
import { countryName } from './catalog-lookup.ts';
import { fitEmbed } from './embeds.ts';
import { embedLimits } from './limits.ts';
import { fetchReasonText } from './fetch-reasons.ts';
import { messagesFor, pausedReasonText } from './i18n/messages.ts';
import type { Messages } from './i18n/types.ts';
import { inert, truncate } from './text.ts';

const languageNames: Record<string, string> = { en: 'English', fr: 'Français', de: 'Deutsch', es: 'Español', it: 'Italiano', pt: 'Português' };

export function cadenceText(settings: Pick<ServerSettings, 'cadence' | 'dailyAt' | 'timeZone' | 'digestBoard'>, messages: Messages): string {
  // Said only when on: it is off by default, and the admin who turns it off sees it gone.
  const picture = settings.digestBoard ? ` ${messages.digestPictureOn}` : '';
  if (settings.cadence === 'hourly') return `${messages.cadenceHourly}${picture}`;
  if (settings.cadence === 'daily') return `${messages.cadenceDaily(settings.dailyAt, settings.timeZone)}${picture}`;
  return messages.cadenceImmediate;
}

export function watchName(context: AppContext, watch: Watch, language: string): string {
  if (watch.kind === 'country') return countryName(watch.value, language);
  return context.catalog.byId(watch.value)?.name ?? watch.value;
}

/** Everything a server has set, at a glance: channel and its state, cadence, language, mention, watches, own feeds. */
export async function settingsEmbed(context: AppContext, settings: ServerSettings): Promise<APIEmbed> {
  const messages = messagesFor(settings.language);
  const lang = summaryLanguage(settings.language);
  const watches = await context.store.listWatches(settings.serverId);
  const sources = await context.store.listServerSources(settings.serverId);
  const failing = sources.filter((source) => source.failingSince);
  const state = settings.pausedReason
    ? `⏸️ ${messages.paused(formatDate(settings.pausedAt ?? '', lang), pausedReasonText(messages, settings.pausedReason))}`
    : settings.channelId
      ? `✅ ${messages.active}`
      : `— ${messages.setChannelHint}`;
  const watchList = watches.map((watch) => inert(watchName(context, watch, settings.language))).join(', ');
  const sourceLines = [
    messages.sourcesSummary(sources.length, failing.length),
    ...failing.slice(0, 5).map((source) => `⚠️ ${inert(truncate(source.title ?? source.url, 60))}: ${messages.sourceFailing(formatDate(source.failingSince ?? '', lang), inert(truncate(fetchReasonText(messages, source.lastError ?? ''), 120)))}`),
  ];
  return fitEmbed({
    title: messages.settingsTitle,
    color: settings.pausedReason ? 0xf0ad4e : 0x1185fe,
    fields: [
      { name: messages.fieldChannel, value: settings.channelId ? `<#${settings.channelId}>` : messages.notSet, inline: true },
      { name: messages.fieldState, value: state, inline: true },
      { name: messages.fieldCadence, value: cadenceText(settings, messages) },
      { name: messages.fieldLanguage, value: languageNames[settings.language] ?? settings.language, inline: true },
      { name: messages.fieldMention, value: settings.mentionRoleId ? `<@&${settings.mentionRoleId}>` : messages.none, inline: true },
      { name: `${messages.fieldWatches} (${watches.length})`, value: watchList ? truncate(watchList, embedLimits.fieldValue) : messages.none },
      { name: messages.fieldSources, value: sourceLines.join('\n') },
    ],
  });
}
