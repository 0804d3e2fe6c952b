import type { Action, Platform } from '../announcements/announcement.ts';
import type { Story } from '../stories/story.ts';
import { joinNames, labels, summaryLanguage, verbPhrase, type SummaryLanguage } from './phrases.ts';

/** The text for one story, apart from any platform: Discord and Bluesky render it their own way. */
export interface StorySummary {
  storyId: number;
  language: SummaryLanguage;
  /** "Red Star FC leaves X". */
  headline: string;
  clubId: string | null;
  clubName: string;
  platform: Platform;
  action: Action;
  occurredAt: string;
  /** "4 Dec 2024", in the summary's language. */
  date: string;
  /** The sentence that says it, from the most confident report. */
  evidence: string;
  /** "Reported by 3 outlets". */
  reportedBy: string;
  outletCount: number;
  /** One per outlet, the most confident first. */
  sources: Array<{ outlet: string; title: string; link: string | null }>;
  confidence: number;
}

/** One text for several stories, grouped the way a person writes them: "OM stays on X, Red Star leaves". */
export interface DigestSummary {
  language: SummaryLanguage;
  headline: string;
  stories: StorySummary[];
}

/** The name a summary uses for a story's club (the catalog's short name, or the reported name). */
export type ClubNamer = (story: Pick<Story, 'clubId' | 'clubName'>) => string;

const locales: Record<SummaryLanguage, string> = { en: 'en-GB', fr: 'fr-FR', de: 'de-DE', es: 'es-ES', it: 'it-IT', pt: 'pt-BR' };

/** Building an Intl formatter costs far more than using one: one per language, kept. */
const dateFormats = new Map<SummaryLanguage, Intl.DateTimeFormat>();

export function formatDate(iso: string, language: SummaryLanguage): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(locales[language], { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
    dateFormats.set(language, format);
  }
  return format.format(date);
}

function capitalise(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

export function summarizeStory(story: Story, nameOf: ClubNamer, language: string): StorySummary {
  const lang = summaryLanguage(language);
  const byConfidence = [...story.reports].sort((a, b) => b.confidence - a.confidence || (a.published ?? '').localeCompare(b.published ?? ''));
  const outlets = new Map<string, { outlet: string; title: string; link: string | null }>();
  for (const report of byConfidence) {
    if (!outlets.has(report.outlet)) outlets.set(report.outlet, { outlet: report.outlet, title: report.title, link: report.link });
  }
  const clubName = nameOf(story);
  return {
    storyId: story.id,
    language: lang,
    headline: capitalise(`${clubName} ${verbPhrase(lang, story.action, story.platform, 1, true)}`),
    clubId: story.clubId,
    clubName,
    platform: story.platform,
    action: story.action,
    occurredAt: story.occurredAt,
    date: formatDate(story.occurredAt, lang),
    evidence: byConfidence[0]?.evidence ?? '',
    reportedBy: labels[lang].reportedBy(outlets.size),
    outletCount: outlets.size,
    sources: [...outlets.values()],
    confidence: story.confidence,
  };
}

/** Groups by platform, then by action, in the order the stories come; names the platform once per group. */
function digestHeadline(summaries: StorySummary[], language: string): string {
  const lang = summaryLanguage(language);
  const byPlatform = new Map<Platform, Map<Action, string[]>>();
  for (const summary of summaries) {
    const actions = byPlatform.get(summary.platform) ?? new Map<Action, string[]>();
    const names = actions.get(summary.action) ?? [];
    if (!names.includes(summary.clubName)) names.push(summary.clubName);
    actions.set(summary.action, names);
    byPlatform.set(summary.platform, actions);
  }
  const sentences = [...byPlatform].map(([platform, actions]) =>
    [...actions]
      // Who stays comes first, then who moves: "OM stays on X, Red Star leaves".
      .sort(([a], [b]) => (a === 'stay' ? 0 : 1) - (b === 'stay' ? 0 : 1))
      .map(([action, names], index) => `${joinNames(names, lang)} ${verbPhrase(lang, action, platform, names.length, index === 0)}`)
      .join(', '),
  );
  return capitalise(sentences.join('; '));
}

export function composeDigest(stories: Story[], nameOf: ClubNamer, language: string): DigestSummary {
  const summaries = stories.map((story) => summarizeStory(story, nameOf, language));
  return { language: summaryLanguage(language), headline: digestHeadline(summaries, language), stories: summaries };
}

/** Plain text, for the console and the logs. */
export function renderStoryText(summary: StorySummary): string {
  const lines = [`${summary.headline} (${summary.date})`];
  if (summary.evidence) lines.push(`  “${summary.evidence}”`);
  lines.push(`  ${summary.reportedBy}: ${summary.sources.map((source) => source.outlet).join(', ')}`);
  for (const source of summary.sources.slice(0, 3)) if (source.link) lines.push(`  ${source.link}`);
  return lines.join('\n');
}

export function renderDigestText(digest: DigestSummary): string {
  return [digest.headline, ...digest.stories.map((summary) => `- ${renderStoryText(summary).replace(/\n/g, '\n  ')}`)].join('\n');
}
