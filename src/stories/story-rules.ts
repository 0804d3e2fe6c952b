import type { StoryReport } from './story.ts';

/**
 * What a further report changes in its story: the story is as sure as its surest report, and
 * happened when its earliest report says it did.
 */
export function storyAfterReport(
  story: { confidence: number; occurredAt: string },
  report: Pick<StoryReport, 'confidence' | 'published'>,
): { confidence: number; occurredAt: string } {
  return {
    confidence: Math.max(story.confidence, report.confidence),
    occurredAt: report.published && report.published < story.occurredAt ? report.published : story.occurredAt,
  };
}
