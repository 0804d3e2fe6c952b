import type { Announcement } from '../announcements/announcement.ts';
import type { Store } from '../store/store.ts';
import type { Story, StoryReport } from './story.ts';

export interface MergeResult {
  story: Story;
  /** True when this announcement began a new story; false when it joined one as another report. */
  isNew: boolean;
}

const dayMs = 86_400_000;

/**
 * Files one announcement under its story: the same club, platform and action within the window is
 * one story, whatever the source. A new story moves the club's status on the board unless the
 * board already holds a later one (a late report of an old event does not undo a newer status).
 */
export async function mergeAnnouncement(
  store: Store,
  announcement: Announcement,
  report: StoryReport,
  options: { windowDays: number; now: string },
): Promise<MergeResult> {
  const occurredAt = report.published && report.published <= options.now ? report.published : options.now;
  const since = new Date(Date.parse(occurredAt) - options.windowDays * dayMs).toISOString();
  const existing = await store.findRecentStory(announcement.club, announcement.platform, announcement.action, since);
  if (existing) {
    await store.addReport(existing.id, report);
    return { story: existing, isNew: false };
  }
  const story = await store.createStory(
    {
      clubId: announcement.club.id,
      clubName: announcement.club.name,
      platform: announcement.platform,
      action: announcement.action,
      occurredAt,
      firstSeenAt: options.now,
      confidence: announcement.confidence,
    },
    report,
  );
  if (story.clubId) await moveBoard(store, story);
  return { story, isNew: true };
}

async function moveBoard(store: Store, story: Story): Promise<void> {
  if (!story.clubId) return;
  const [current] = (await store.getBoard(story.clubId)).filter((entry) => entry.platform === story.platform);
  if (current && current.since > story.occurredAt) return;
  if (current && current.action === story.action) return;
  await store.setBoardEntry({ clubId: story.clubId, platform: story.platform, action: story.action, since: story.occurredAt, storyId: story.id });
}
