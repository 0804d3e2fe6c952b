import type { APIEmbedField } from 'discord.js';
import { isHistory } from '../announcements/announcement.ts';
import { deliveryId } from '../deliveries/delivery-id.ts';
import { normalizeLink } from '../items/normalize-link.ts';
import type { SeenItem } from '../store/store.ts';
import { formatDate } from '../summaries/compose.ts';
import { summaryLanguage, verbPhrase } from '../summaries/phrases.ts';
import type { AdminReply, AdminRequest, ClubwatchOptions } from './admin-request.ts';
import { fitEmbed } from './embeds.ts';
import { embedLimits } from './limits.ts';
import { parseUserUrl } from './input.ts';
import { inert, truncate } from './text.ts';

/** Items read from another server's own feeds are that server's business: they are not shown. */
async function visibleItems(request: AdminRequest, items: SeenItem[]): Promise<SeenItem[]> {
  const { store } = request.bot.context;
  const visible: SeenItem[] = [];
  for (const item of items) {
    const source = await store.getSource(item.sourceId);
    if (!source) continue;
    if (source.origin === 'server' && !(await store.serversOfSource(source.id)).includes(request.guildId)) continue;
    visible.push(item);
  }
  return visible;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname || url;
  } catch {
    return url;
  }
}

/** Items recorded under the link as given or in its normalised form (tracking parameters dropped). */
async function itemsAt(request: AdminRequest, url: URL): Promise<SeenItem[]> {
  const { store } = request.bot.context;
  const found = new Map<string, SeenItem>();
  for (const link of new Set([normalizeLink(url.href), url.href])) {
    for (const item of await store.findItemsByLink(link)) found.set(`${item.sourceId}\n${item.key}`, item);
  }
  return [...found.values()];
}

/** `why URL`: what clubwatch read in that item, and why it did or did not post it. */
export async function explainLink(request: AdminRequest, options: ClubwatchOptions<'why'>): Promise<AdminReply> {
  const { bot, guildId, settings, messages } = request;
  const { store, extractor, catalog, config } = bot.context;
  const url = parseUserUrl(options.url, messages);
  const [item] = await visibleItems(request, await itemsAt(request, url));
  if (!item) return { content: messages.whyNotFound };

  const lang = summaryLanguage(settings.language);
  const source = await store.getSource(item.sourceId);
  const outlet = source?.title ?? (source ? hostOf(source.url) : item.sourceId);
  const text = item.text && !item.text.startsWith(item.title) ? `${item.title}\n${item.text}` : item.text || item.title;
  const explanation = extractor.explain({ text, lang: item.lang });
  const stored = await store.listAnnouncementsForItem(item.sourceId, item.key);
  const watches = await store.listWatches(guildId);
  const watched = (clubId: string | null): boolean => {
    const entry = clubId ? catalog.byId(clubId) : undefined;
    if (!entry) return false;
    return watches.some(
      (w) => (w.kind === 'club' && w.value === entry.id) || (w.kind === 'league' && w.value === entry.league) || (w.kind === 'country' && w.value === entry.country),
    );
  };

  const stories = new Map((await store.getStories(stored.flatMap((s) => (s.storyId === null ? [] : [s.storyId])))).map((story) => [story.id, story]));
  // What became of the story's post to this server: held, waiting and given-up posts are never called posted.
  const deliveryState = new Map<number, string>();
  for (const storyId of stories.keys()) {
    let delivery = await store.getDelivery(deliveryId({ kind: 'story', storyIds: [storyId] }, `discord:${guildId}`));
    const digestId = delivery?.status === 'merged' ? /catch-up digest (\w+)$/.exec(delivery.lastError ?? '')?.[1] : undefined;
    if (digestId) delivery = await store.getDelivery(digestId);
    if (!delivery || delivery.status === 'sent') continue;
    if (delivery.status === 'held') deliveryState.set(storyId, messages.whyHeld(storyId));
    else if (delivery.status === 'failed') deliveryState.set(storyId, messages.whyFailed(storyId, inert(truncate(delivery.lastError ?? '', 160))));
    else deliveryState.set(storyId, messages.whyWaiting(storyId));
  }
  const posted = (storyId: number): string => {
    const state = deliveryState.get(storyId);
    if (state) return state;
    const story = stories.get(storyId);
    if (!story) return messages.whyPosted(storyId);
    if (!story.shared) return messages.whyOwnOnly(storyId);
    const own = story.reports.some((report) => report.sourceId === item.sourceId && !report.trusted);
    if (!own) return messages.whyPosted(storyId);
    const trustedOutlets = [...new Set(story.reports.filter((report) => report.trusted).map((report) => inert(report.outlet)))];
    return messages.whyShared(storyId, truncate(trustedOutlets.join(', '), 200));
  };

  const found = explanation.announcements.map((announcement) => {
    const club = announcement.club.id ? catalog.displayName(announcement.club.id) : announcement.club.name;
    const record = stored.find(
      (s) => s.platform === announcement.platform && s.action === announcement.action && (s.club.id ?? s.club.name) === (announcement.club.id ?? announcement.club.name),
    );
    const outcome = !record
      ? messages.whyNotExamined
      : record.storyId !== null
        ? posted(record.storyId)
        : announcement.year !== undefined && record.confidence >= config.stories.minConfidence && isHistory(announcement, item.published, new Date())
          ? messages.whyHistory(announcement.year)
          : messages.whyBelow(record.confidence.toFixed(2), config.stories.minConfidence.toFixed(2));
    const watch = watched(announcement.club.id) ? messages.whyWatched(club) : messages.whyNotWatched(club);
    const cues = announcement.cues.length > 0 ? ` · ${announcement.cues.slice(0, 4).map((cue) => inert(cue)).join(', ')}` : '';
    return [
      `**${inert(club)}** · ${verbPhrase(lang, announcement.action, announcement.platform, 1, true)} · ${announcement.confidence.toFixed(2)}${cues}`,
      `> ${inert(truncate(announcement.evidence, 200)).replace(/\n+/g, ' ')}`,
      `${outcome}; ${watch}`,
    ].join('\n');
  });
  const fields: APIEmbedField[] = [{ name: messages.whyFound, value: found.length > 0 ? truncate(found.join('\n\n'), embedLimits.fieldValue) : messages.whyNothing }];
  if (explanation.rejected.length > 0) {
    const setAside = explanation.rejected.slice(0, 5).map((r) => `• ${inert(truncate(r.text, 80))}: ${inert(truncate(r.reason, 120))}`);
    fields.push({ name: messages.whySetAside, value: truncate(setAside.join('\n'), embedLimits.fieldValue) });
  }
  const published = item.published ? formatDate(item.published, lang) : '—';
  return {
    embeds: [
      fitEmbed({
        title: messages.whyTitle,
        description: `**${inert(truncate(item.title, 300))}**\n${messages.whyRead(inert(outlet), published)}`,
        color: 0x1185fe,
        fields,
      }),
    ],
  };
}
