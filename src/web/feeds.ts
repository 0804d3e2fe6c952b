import type { BoardView } from '../board/board.ts';
import type { Catalog } from '../catalog/types.ts';
import { summarizeStory, type ClubNamer } from '../summaries/compose.ts';
import type { SummaryLanguage } from '../summaries/phrases.ts';
import type { Story } from '../stories/story.ts';
import { escapeText, safeHref } from './html.ts';
import { webMessages } from './i18n.ts';

/** The public address of a story: its place in the club's timeline, or its best report for a club outside the catalog. */
function storyLink(base: string, story: Story, language: SummaryLanguage): string {
  if (story.clubId) return `${base}/clubs/${encodeURIComponent(story.clubId)}?lang=${language}#story-${story.id}`;
  return safeHref(story.reports[0]?.link) ?? `${base}/`;
}

/** Stories as an Atom 1.0 feed, newest first: other readers, and clubwatch itself, can follow the board. */
export function storiesAtom(stories: Story[], nameOf: ClubNamer, language: SummaryLanguage, base: string, now: Date): string {
  const m = webMessages(language);
  const updated = stories.reduce((latest, story) => (story.firstSeenAt > latest ? story.firstSeenAt : latest), stories[0]?.firstSeenAt ?? now.toISOString());
  const entries = stories.map((story) => {
    const summary = summarizeStory(story, nameOf, language);
    const sources = summary.sources.map((source) => source.outlet).join(', ');
    const body = [summary.evidence ? `“${summary.evidence}”` : '', `${summary.reportedBy}: ${sources}`].filter(Boolean).join('\n');
    const links = summary.sources
      .map((source) => safeHref(source.link))
      .filter((href): href is string => href !== null)
      .slice(0, 5)
      .map((href) => `    <link rel="related" href="${escapeText(href)}"/>`);
    return [
      '  <entry>',
      `    <id>${escapeText(`${base}/stories/${story.id}`)}</id>`,
      `    <title type="text">${escapeText(summary.headline)}</title>`,
      `    <link rel="alternate" type="text/html" href="${escapeText(storyLink(base, story, language))}"/>`,
      ...links,
      `    <published>${escapeText(story.occurredAt)}</published>`,
      `    <updated>${escapeText(story.firstSeenAt)}</updated>`,
      `    <category term="${escapeText(story.platform)}"/>`,
      `    <category term="${escapeText(story.action)}"/>`,
      `    <summary type="text">${escapeText(body)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${language}">`,
    `  <id>${escapeText(`${base}/stories.atom`)}</id>`,
    `  <title>${escapeText(m.feedTitle)}</title>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeText(`${base}/stories.atom?lang=${language}`)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeText(`${base}/?lang=${language}`)}"/>`,
    `  <updated>${escapeText(updated)}</updated>`,
    '  <author><name>clubwatch</name></author>',
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

export function boardJson(view: BoardView, catalog: Catalog): unknown {
  return {
    updatedAt: view.updatedAt,
    platforms: view.platforms,
    groups: view.groups.map((group) => ({
      league: group.leagueId ? { id: group.leagueId, name: catalog.byId(group.leagueId)?.name ?? group.leagueId } : null,
      clubs: group.clubs.map((club) => ({ id: club.id, name: club.name, country: club.country, league: club.league, standings: club.cells })),
    })),
  };
}

export function storiesJson(stories: Story[], nameOf: ClubNamer, language: SummaryLanguage): unknown {
  return {
    stories: stories.map((story) => ({
      id: story.id,
      club: { id: story.clubId, name: story.clubName },
      platform: story.platform,
      action: story.action,
      occurredAt: story.occurredAt,
      firstSeenAt: story.firstSeenAt,
      confidence: story.confidence,
      headline: summarizeStory(story, nameOf, language).headline,
      reports: story.reports.map((report) => ({
        outlet: report.outlet,
        title: report.title,
        link: safeHref(report.link),
        published: report.published,
        evidence: report.evidence,
        lang: report.lang,
      })),
    })),
  };
}
