import type { Catalog } from '../catalog/types.ts';
import type { Store } from '../store/store.ts';
import type { Story } from '../stories/story.ts';
import { storyAsSeenBy } from '../stories/trust.ts';
import { composeDigest, summarizeStory, type ClubNamer, type DigestSummary, type StorySummary } from '../summaries/compose.ts';
import type { Delivery } from './delivery.ts';

export type RenderedContent = { kind: 'story'; summary: StorySummary } | { kind: 'digest'; digest: DigestSummary };

export function clubNamer(catalog: Catalog): ClubNamer {
  return (story: Pick<Story, 'clubId' | 'clubName'>) => (story.clubId && catalog.byId(story.clubId) ? catalog.displayName(story.clubId) : story.clubName);
}

/** The sources a destination may show besides trusted ones: a server's own feeds; none for the mirror; all for the console. */
async function ownSourcesOf(store: Store, destination: string): Promise<Set<string> | null> {
  if (destination === 'console') return null;
  if (!destination.startsWith('discord:')) return new Set();
  return new Set((await store.listServerSources(destination.slice('discord:'.length))).map((source) => source.id));
}

/** Turns a delivery's content into its summary or digest, read fresh from the store. Null when its stories are gone. */
export async function renderDelivery(store: Store, catalog: Catalog, delivery: Delivery): Promise<RenderedContent | null> {
  const own = await ownSourcesOf(store, delivery.destination);
  const stories = (await store.getStories(delivery.content.storyIds))
    .map((story) => storyAsSeenBy(story, own))
    .filter((story) => story.reports.length > 0);
  if (stories.length === 0) return null;
  const nameOf = clubNamer(catalog);
  if (delivery.content.kind === 'story' || stories.length === 1) {
    return { kind: 'story', summary: summarizeStory(stories[0] as Story, nameOf, delivery.content.language) };
  }
  return { kind: 'digest', digest: composeDigest(stories, nameOf, delivery.content.language) };
}
