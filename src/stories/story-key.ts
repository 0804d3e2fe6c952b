import type { Action, Platform } from '../announcements/announcement.ts';

/** A club missing from the catalog is keyed by its lower-cased name so its reports still merge. */
export function storyClubKey(club: { id: string | null; name: string }): string {
  return club.id ?? `unlisted:${club.name.toLocaleLowerCase()}`;
}

/** One event: the same club, platform and action. Reports of it within the window are one story. */
export function storyEventKey(club: { id: string | null; name: string }, platform: Platform, action: Action): string {
  return `${storyClubKey(club)}\n${platform}\n${action}`;
}
