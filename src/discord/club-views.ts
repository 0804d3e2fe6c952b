import type { APIEmbed } from 'discord.js';
import type { AppContext } from '../app/context.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import { clubNamer } from '../deliveries/render.ts';
import type { Watch } from '../store/store.ts';
import type { BoardEntry, Story } from '../stories/story.ts';
import { storyAsSeenBy } from '../stories/trust.ts';
import { formatDate, summarizeStory, type StorySummary } from '../summaries/compose.ts';
import { labels, platformName, summaryLanguage } from '../summaries/phrases.ts';
import { fitEmbed } from './embeds.ts';
import { embedLimits } from './limits.ts';
import { messagesFor } from './i18n/messages.ts';
import { inert, maskedLink } from './text.ts';

const colour = 0x1185fe;

/** Who is looking: a server sees shared stories and what its own feeds reported, nothing of other servers' feeds. */
export interface Viewer {
  serverId: string | undefined;
  ownSources: ReadonlySet<string>;
}

export async function viewerOf(context: AppContext, serverId: string | null): Promise<Viewer> {
  if (!serverId) return { serverId: undefined, ownSources: new Set() };
  return { serverId, ownSources: new Set((await context.store.listServerSources(serverId)).map((source) => source.id)) };
}

/** "X: left on 4 Dec 2024", in the server's language. */
function standingLine(entry: Pick<BoardEntry, 'platform' | 'action' | 'since'>, language: string): string {
  const messages = messagesFor(language);
  return `${platformName(entry.platform)}: ${messages.standing[entry.action](formatDate(entry.since, summaryLanguage(language)))}`;
}

function sourceList(summary: StorySummary, max = 5): string {
  return summary.sources
    .slice(0, max)
    .map((source) => maskedLink(source.outlet, source.link))
    .join(' · ');
}

/** Lines joined until the limit, then "…and N more". */
function fitLines(lines: string[], max: number, andMore: (count: number) => string): string {
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    if (length + line.length + 1 > max - 40) {
      kept.push(andMore(lines.length - index));
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}

/** The club's standing on each platform it has news about, each with its sources and outlet count. */
export async function clubStatusEmbed(context: AppContext, entry: CatalogEntry, language: string, viewer: Viewer): Promise<APIEmbed> {
  const messages = messagesFor(language);
  const lang = summaryLanguage(language);
  const nameOf = clubNamer(context.catalog);
  const board = await context.store.getBoard(entry.id);
  const standings: Array<{ entry: Pick<BoardEntry, 'platform' | 'action' | 'since'>; story: Story | undefined }> = [];
  if (board.length > 0) {
    const stories = new Map((await context.store.getStories(board.map((b) => b.storyId))).map((story) => [story.id, story]));
    for (const b of board) standings.push({ entry: b, story: stories.get(b.storyId) });
  } else {
    // A club whose stories never moved the board (older reports): its latest story per platform.
    const latest = new Map<string, Story>();
    for (const story of (await context.store.clubHistory(entry.id, viewer.serverId)).reverse()) if (!latest.has(story.platform)) latest.set(story.platform, story);
    for (const story of latest.values()) standings.push({ entry: { platform: story.platform, action: story.action, since: story.occurredAt }, story });
  }
  const embed: APIEmbed = { title: messages.statusTitle(entry.name), color: colour };
  if (standings.length === 0) return { ...embed, description: messages.noNewsFor(entry.name) };
  embed.fields = standings.map(({ entry: standing, story }) => {
    const summary = story ? summarizeStory(storyAsSeenBy(story, viewer.ownSources), nameOf, lang) : null;
    const sources = summary ? sourceList(summary) : '';
    return {
      name: standingLine(standing, language),
      value: summary ? `${labels[lang].reportedBy(summary.outletCount)}${sources ? `: ${sources}` : ''}` : '\u200B',
    };
  });
  return fitEmbed(embed);
}

/** One line per club the server watches (directly, or through a league or country that has news). */
export async function watchedClubsEmbed(context: AppContext, watches: Watch[], language: string): Promise<APIEmbed> {
  const messages = messagesFor(language);
  const { catalog } = context;
  const board = await context.store.getBoard();
  const byClub = new Map<string, BoardEntry[]>();
  for (const entry of board) byClub.set(entry.clubId, [...(byClub.get(entry.clubId) ?? []), entry]);
  const ids = new Set(watches.filter((w) => w.kind === 'club').map((w) => w.value));
  const leagues = new Set(watches.filter((w) => w.kind === 'league').map((w) => w.value));
  const countries = new Set(watches.filter((w) => w.kind === 'country').map((w) => w.value));
  for (const clubId of byClub.keys()) {
    const entry = catalog.byId(clubId);
    if (entry && ((entry.league && leagues.has(entry.league)) || countries.has(entry.country))) ids.add(clubId);
  }
  const lines = [...ids]
    .map((id) => ({ id, name: catalog.byId(id)?.name ?? id }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ id, name }) => {
      const standings = byClub.get(id) ?? [];
      const text = standings.length > 0 ? standings.map((s) => standingLine(s, language)).join(' · ') : messages.noNewsYet;
      return `**${inert(name)}**: ${text}`;
    });
  return fitEmbed({ title: messages.watchedTitle, color: colour, description: lines.length > 0 ? fitLines(lines, embedLimits.description, messages.andMore) : messages.noNewsYet });
}

export function storiesEmbed(context: AppContext, title: string, stories: Story[], language: string, viewer: Viewer, withSources = true): APIEmbed {
  const messages = messagesFor(language);
  const nameOf = clubNamer(context.catalog);
  const lang = summaryLanguage(language);
  if (stories.length === 0) return { title, color: colour, description: messages.noStories };
  const lines = stories.map((story) => {
    const summary = summarizeStory(storyAsSeenBy(story, viewer.ownSources), nameOf, lang);
    const parts = [`**${inert(summary.headline)}**`, summary.date, summary.reportedBy];
    if (withSources && summary.sources.length > 0) parts.push(sourceList(summary, 2));
    return `• ${parts.join(' · ')}`;
  });
  return fitEmbed({ title, color: colour, description: fitLines(lines, embedLimits.description, messages.andMore) });
}
