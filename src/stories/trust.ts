import type { SourceOrigin } from '../store/store.ts';
import type { Story } from './story.ts';

/**
 * Whose word a source's reports carry. The operator's sources (`config/sources.json`, the command
 * line, clubs' own accounts) speak to everyone; a feed a server added speaks for that server only;
 * the bundled sample is a preview and speaks to no real server.
 */
export function isTrustedOrigin(origin: SourceOrigin | undefined): boolean {
  return origin === 'config' || origin === 'operator';
}

/**
 * The story as one audience may see it: the reports of trusted sources, plus those of the audience's
 * own feeds (`ownSources`); `null` sees everything (the operator's console). Another server's feed
 * is never shown as evidence, even in a story a trusted source confirmed.
 */
export function storyAsSeenBy(story: Story, ownSources: ReadonlySet<string> | null): Story {
  if (ownSources === null) return story;
  const reports = story.reports.filter((report) => report.trusted || ownSources.has(report.sourceId));
  return reports.length === story.reports.length ? story : { ...story, reports };
}
