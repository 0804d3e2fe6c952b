import type { ApplicationCommandOptionChoiceData } from 'discord.js';
import { FeedParseError, SourceFetchError, UserError } from '../errors.ts';
import { normalizeLink } from '../items/normalize-link.ts';
import type { ReadFeedResult } from '../sources/feed-reader.ts';
import { readFeedLazily } from '../sources/feed/read-feed-lazily.ts';
import { sourceIdFor } from '../sources/source-id.ts';
import type { SourceRecord } from '../store/store.ts';
import { formatDate } from '../summaries/compose.ts';
import { summaryLanguage } from '../summaries/phrases.ts';
import type { AdminReply, AdminRequest, ClubwatchOptions } from './admin-request.ts';
import { fitEmbed } from './embeds.ts';
import { fetchReasonText } from './fetch-reasons.ts';
import { maxUrlLength, parseUserUrl } from './input.ts';
import { autocompleteChoices, choiceNameLength } from './limits.ts';
import type { BotServices } from './services.ts';
import { inert, maskedLink, stripControl, truncate } from './text.ts';

const maxSourcesPerServer = 20;

function titleOf(source: Pick<SourceRecord, 'title' | 'url'>): string {
  if (source.title) return source.title;
  try {
    return new URL(source.url).hostname;
  } catch {
    return source.url;
  }
}

/**
 * Reads the address once through the fetcher for users' URLs (public addresses only, whatever the
 * DNS says), checks it is a feed, and subscribes the server. Its first scheduled read only records
 * what is there, so adding a feed never floods the channel.
 */
export async function addSource({ bot, guildId, messages }: AdminRequest, options: ClubwatchOptions<'sources add'>): Promise<AdminReply> {
  const { store, untrustedFetcher, config } = bot.context;
  const url = parseUserUrl(options.url, messages);
  const id = sourceIdFor('feed', url.href);
  const mine = await store.listServerSources(guildId);
  const already = mine.find((source) => source.id === id);
  if (already) return { content: messages.sourceAlready(inert(titleOf(already))) };
  if (mine.length >= maxSourcesPerServer) throw new UserError(messages.tooManySources(maxSourcesPerServer));

  let feed: ReadFeedResult;
  try {
    const fetched = await untrustedFetcher.fetchFeed(url.href, { etag: null, lastModified: null });
    if (fetched.status !== 'ok') throw new SourceFetchError('no body', 'http-status');
    feed = await readFeedLazily(fetched.body, { contentType: fetched.contentType });
  } catch (err) {
    if (err instanceof FeedParseError) throw new UserError(messages.notAFeed(inert(truncate(err.message, 200))));
    if (err instanceof SourceFetchError) throw new UserError(messages.fetchFailed(inert(truncate(fetchReasonText(messages, err.message), 200))));
    throw err;
  }
  const title = feed.title ? truncate(stripControl(feed.title).trim(), 200) : null;
  const existing = await store.getSource(id);
  if (!existing) {
    await store.addSource({
      id,
      url: url.href,
      kind: 'feed',
      origin: 'server',
      title,
      intervalSeconds: config.sources.pollIntervalSeconds,
      nextFetchAt: new Date().toISOString(),
    });
  }
  await store.subscribeServerSource(guildId, id);
  bot.logger.info({ serverId: guildId, sourceId: id }, 'server added a feed');
  return { content: messages.sourceAdded(inert(title ?? url.hostname), feed.items.length) };
}

function matchSource(sources: SourceRecord[], raw: string): SourceRecord | undefined {
  const value = stripControl(raw).trim();
  const byId = sources.find((source) => source.id === value);
  if (byId) return byId;
  try {
    const link = normalizeLink(new URL(value).href);
    return sources.find((source) => normalizeLink(source.url) === link);
  } catch {
    return undefined;
  }
}

export async function removeSource({ bot, guildId, messages }: AdminRequest, options: ClubwatchOptions<'sources remove'>): Promise<AdminReply> {
  const { store } = bot.context;
  const raw = options.url;
  if (raw.length > maxUrlLength) throw new UserError(messages.tooLong('URL', maxUrlLength));
  const source = matchSource(await store.listServerSources(guildId), raw);
  if (!source || !(await store.unsubscribeServerSource(guildId, source.id))) throw new UserError(messages.sourceNotFound);
  return { content: messages.sourceRemoved(inert(titleOf(source))) };
}

export async function listSources({ bot, guildId, settings, messages }: AdminRequest): Promise<AdminReply> {
  const sources = await bot.context.store.listServerSources(guildId);
  if (sources.length === 0) return { content: messages.sourcesNone };
  const lang = summaryLanguage(settings.language);
  const lines = sources.map((source) => {
    const state = source.failingSince
      ? `⚠️ ${messages.sourceFailing(formatDate(source.failingSince, lang), inert(truncate(fetchReasonText(messages, source.lastError ?? ''), 160)))}`
      : source.lastSuccessAt
        ? `✅ ${messages.sourceOk(formatDate(source.lastSuccessAt, lang))}`
        : `⏳ ${messages.sourceNotReadYet}`;
    return `• ${maskedLink(titleOf(source), source.url)}\n  ${state}`;
  });
  return { embeds: [fitEmbed({ title: messages.sourcesTitle, description: lines.join('\n'), color: 0x1185fe })] };
}

export async function sourceChoices(bot: BotServices, guildId: string, typed: string): Promise<ApplicationCommandOptionChoiceData<string>[]> {
  const wanted = stripControl(typed).trim().toLowerCase().slice(0, 100);
  return (await bot.context.store.listServerSources(guildId))
    .filter((source) => wanted === '' || source.url.toLowerCase().includes(wanted) || (source.title ?? '').toLowerCase().includes(wanted))
    .slice(0, autocompleteChoices)
    .map((source) => ({ name: truncate(`${titleOf(source)} · ${source.url}`, choiceNameLength), value: source.id }));
}
