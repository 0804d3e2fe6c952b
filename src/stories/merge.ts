import type { Announcement } from '../announcements/announcement.ts';
import type { Store } from '../store/store.ts';
import type { Story, StoryReport } from './story.ts';

export interface MergeResult {
  /** The story as it was before this report (or as it was created). */
  story: Story;
  /** True when this announcement began a new story; false when it joined one as another report. */
  isNew: boolean;
  /** True when this report, from a trusted source, made a story that only servers' own feeds had told shared. */
  becameShared: boolean;
}

const dayMs = 86_400_000;

/**
 * Files one announcement under its story: the same club, platform and action within the window is
 * one story, whatever the source. A new story moves the club's status on the board unless the
 * board already holds a later one (a late report of an old event does not undo a newer status).
 * Only shared stories (reported by a source the operator trusts) move the board everyone sees.
 */
export async function mergeAnnouncement(
  store: Store,
  announcement: Announcement,
  report: StoryReport,
  options: { windowDays: number; now: string; trusted: boolean },
): Promise<MergeResult> {
  const occurredAt = report.published && report.published <= options.now ? report.published : options.now;
  const since = new Date(Date.parse(occurredAt) - options.windowDays * dayMs).toISOString();
  const existing = await store.findRecentStory(announcement.club, announcement.platform, announcement.action, since);
  if (existing) {
    await store.addReport(existing.id, report);
    const becameShared = options.trusted && (await store.shareStory(existing.id));
    if (becameShared) {
      const fresh = await store.getStory(existing.id);
      if (fresh) await moveBoard(store, fresh);
    }
    return { story: existing, isNew: false, becameShared };
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
      shared: options.trusted,
    },
    report,
  );
  if (story.shared) await moveBoard(store, story);
  return { story, isNew: true, becameShared: false };
}

async function moveBoard(store: Store, story: Story): Promise<void> {
  if (!story.clubId) return;
  await store.advanceBoard({ clubId: story.clubId, platform: story.platform, action: story.action, since: story.occurredAt, storyId: story.id });
}
