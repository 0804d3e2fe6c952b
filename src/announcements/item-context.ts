import type { Catalog } from '../catalog/types.ts';
import type { Action, ClubRef, Platform } from './announcement.ts';
import type { ClubMention } from './mentions.ts';

/** State carried from one sentence to the next within an item. */
export interface ItemContext {
  catalog: Catalog;
  authorClubId: string | null;
  /** The club the item is about: the first named in the headline, else the first named at all. */
  topic: ClubRef | null;
  /** Subjects of the last announcement, for "the club" and pronouns. */
  lastSubjects: ClubRef[];
  lastSubjectsSentence: number;
  lastPlatform: Platform | null;
  lastAction: { action: Action; platforms: Platform[] } | null;
  /** Platforms each club (by id, or lower-cased name) was said to leave so far. */
  left: Map<string, Set<Platform>>;
  /** The platform the item names most: the one it is about. */
  mostNamed: Platform | null;
  /** Who the sentence before was about, for "he" and "it". */
  lastActor: 'person' | 'club' | null;
}

export function clubRef(catalog: Catalog, mention: ClubMention): ClubRef | null {
  const id = mention.ids[0];
  if (mention.ids.length === 0) return { id: null, name: mention.name };
  if (mention.ids.length !== 1 || id === undefined) return null;
  return { id, name: catalog.byId(id)?.name ?? mention.name };
}
