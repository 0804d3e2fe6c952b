import type { Catalog } from '../catalog/types.ts';
import type { Store } from '../store/store.ts';
import type { Story } from '../stories/story.ts';
import { composeDigest, summarizeStory, type ClubNamer, type DigestSummary, type StorySummary } from '../summaries/compose.ts';
import type { Delivery } from './delivery.ts';

export type RenderedContent = { kind: 'story'; summary: StorySummary } | { kind: 'digest'; digest: DigestSummary };

export function clubNamer(catalog: Catalog): ClubNamer {
  return (story: Pick<Story, 'clubId' | 'clubName'>) => (story.clubId && catalog.byId(story.clubId) ? catalog.displayName(story.clubId) : story.clubName);
}

/** Turns a delivery's content into its summary or digest, read fresh from the store. Null when its stories are gone. */
export async function renderDelivery(store: Store, catalog: Catalog, delivery: Delivery): Promise<RenderedContent | null> {
  const stories = await store.getStories(delivery.content.storyIds);
  if (stories.length === 0) return null;
  const nameOf = clubNamer(catalog);
  if (delivery.content.kind === 'story' || stories.length === 1) {
    return { kind: 'story', summary: summarizeStory(stories[0] as Story, nameOf, delivery.content.language) };
  }
  return { kind: 'digest', digest: composeDigest(stories, nameOf, delivery.content.language) };
}
