import type { Platform } from '../announcements/announcement.ts';
import type { Catalog } from '../catalog/types.ts';
import type { Store } from '../store/store.ts';
import type { Story } from '../stories/story.ts';
import { deliveryId } from './delivery-id.ts';

/** Which destinations are on, and what each wants. Built once from the config. */
export interface Routing {
  /** Preview mode: every story to the console, in this language. */
  console: { language: string } | null;
  /** The Bluesky mirror and its filter. */
  bluesky: { language: string; minConfidence: number; platforms: Platform[] | null; languages: string[] | null } | null;
  /** Discord servers, each by its own watches and settings. */
  discord: boolean;
}

function mirrors(routing: NonNullable<Routing['bluesky']>, story: Story): boolean {
  if (story.confidence < routing.minConfidence) return false;
  if (routing.platforms && !routing.platforms.includes(story.platform)) return false;
  if (routing.languages) {
    const wanted = routing.languages;
    return story.reports.some((report) => report.lang !== null && wanted.some((lang) => report.lang?.toLowerCase().startsWith(lang)));
  }
  return true;
}

/** Writes the deliveries a new story needs into the outbox (or a server's digest queue). Returns how many. */
export async function routeStory(store: Store, catalog: Catalog, routing: Routing, story: Story, sourceId: string, now: string): Promise<number> {
  let written = 0;
  const enqueue = async (destination: string, language: string) => {
    const content = { kind: 'story' as const, storyIds: [story.id], language };
    const id = deliveryId(content, destination);
    if (await store.enqueueDelivery({ id, destination, content, idempotencyKey: id, nextAttemptAt: now })) written += 1;
  };

  if (routing.console) await enqueue('console', routing.console.language);
  if (routing.bluesky && mirrors(routing.bluesky, story)) await enqueue('bluesky', routing.bluesky.language);
  if (!routing.discord) return written;

  const entry = story.clubId ? catalog.byId(story.clubId) : undefined;
  const servers = new Set(await store.serversOfSource(sourceId));
  if (entry) for (const serverId of await store.serversWatching(entry)) servers.add(serverId);
  for (const serverId of servers) {
    const settings = await store.getServerSettings(serverId);
    if (!settings.channelId || settings.pausedReason) continue;
    if (settings.cadence === 'immediate') await enqueue(`discord:${serverId}`, settings.language);
    else await store.queueForDigest(serverId, story.id);
  }
  return written;
}
