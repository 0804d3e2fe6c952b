export const platforms = [
  'x',
  'bluesky',
  'threads',
  'mastodon',
  'instagram',
  'tiktok',
  'facebook',
  'youtube',
  'other',
] as const;
export type Platform = (typeof platforms)[number];

export const actions = ['leave', 'stay', 'join', 'pause', 'return', 'delete'] as const;
export type Action = (typeof actions)[number];

/** The languages summaries, commands and pages are written in (as their own modules list them). */
export const languages = ['fr', 'en', 'de', 'es', 'it', 'pt'] as const;

/** The languages the extractor reads: those it writes in, and Dutch. */
export const readLanguages = [...languages, 'nl'] as const;
export type ReadLanguage = (typeof readLanguages)[number];

/** The club an announcement is about; `id` is null for a club missing from the catalog. */
export interface ClubRef {
  id: string | null;
  name: string;
}

/** What an item says a club did on a platform, with its evidence. */
export interface Announcement {
  club: ClubRef;
  platform: Platform;
  action: Action;
  /** 0 to 1. */
  confidence: number;
  /** The sentence that says it. */
  evidence: string;
  /** A join the item dates ("launched its Twitter account in 2012", "on Instagram since 2014"): its year. */
  year?: number;
}

/** Why the extractor decided what it did, for `extract --explain` and the Discord `why` command. */
/**
 * A join the item dates to a year before its own (or, undated, before today's): history, not news.
 * The pipeline posts it nowhere; `why` says so.
 */
export function isHistory(announcement: Pick<Announcement, 'year'>, published: string | null, now: Date): boolean {
  if (announcement.year === undefined) return false;
  const at = published ? Date.parse(published) : Number.NaN;
  return announcement.year < new Date(Number.isNaN(at) ? now.getTime() : at).getUTCFullYear();
}

export interface Explanation {
  language: ReadLanguage | null;
  announcements: Array<Announcement & { cues: string[] }>;
  /** Candidates the extractor saw and set aside, each with the reason. */
  rejected: Array<{ text: string; reason: string }>;
}

export interface ExtractInput {
  text: string;
  /** Declared language, when known. */
  lang?: string | null;
  /** For a club's own post: the author club, to which first-person sentences are attributed. */
  authorClubId?: string | null;
}
