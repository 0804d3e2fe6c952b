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

async function enqueueStories(store: Store, stories: readonly Story[], destination: string, language: string, now: string): Promise<number> {
  const content = { kind: stories.length === 1 ? ('story' as const) : ('digest' as const), storyIds: stories.map((s) => s.id), language };
  const id = deliveryId(content, destination);
  return (await store.enqueueDelivery({ id, destination, content, idempotencyKey: id, nextAttemptAt: now })) ? 1 : 0;
}

/** Where a story's delivery goes: written to the outbox at once, or gathered with its item's other stories. */
type Enqueue = (story: Story, destination: string, language: string) => Promise<number>;

function direct(store: Store, now: string): Enqueue {
  return (story, destination, language) => enqueueStories(store, [story], destination, language, now);
}

/** Each server by its own settings: a delivery now, or a place in its digest. */
async function routeToServers(store: Store, story: Story, servers: Iterable<string>, now: string, enqueue: Enqueue = direct(store, now)): Promise<number> {
  let written = 0;
  for (const serverId of servers) {
    const settings = await store.getServerSettings(serverId);
    // A paused server's deliveries are written all the same: they are held, and sent when posting resumes.
    if (!settings.channelId) continue;
    if (settings.cadence === 'immediate') written += await enqueue(story, `discord:${serverId}`, settings.language);
    else await store.queueForDigest(serverId, story.id);
  }
  return written;
}

/** The servers that added any of these sources themselves. */
async function ownersOf(store: Store, sourceIds: Iterable<string>): Promise<Set<string>> {
  const owners = new Set<string>();
  for (const sourceId of new Set(sourceIds)) for (const serverId of await store.serversOfSource(sourceId)) owners.add(serverId);
  return owners;
}

async function watchersOf(store: Store, catalog: Catalog, story: Story): Promise<string[]> {
  const entry = story.clubId ? catalog.byId(story.clubId) : undefined;
  return entry ? store.serversWatching(entry) : [];
}

/**
 * Writes the deliveries a new story needs into the outbox (or a server's digest queue). Returns how many.
 * A shared story goes to the mirror, the servers watching its club and those that added the source;
 * a story only a server's own feed told goes to that server alone.
 */
export async function routeStory(
  store: Store,
  catalog: Catalog,
  routing: Routing,
  story: Story,
  sourceId: string,
  now: string,
  enqueue: Enqueue = direct(store, now),
): Promise<number> {
  let written = 0;
  if (routing.console) written += await enqueue(story, 'console', routing.console.language);
  if (!story.shared) return written + (routing.discord ? await routeToServers(store, story, await ownersOf(store, [sourceId]), now, enqueue) : 0);
  if (routing.bluesky && mirrors(routing.bluesky, story)) written += await enqueue(story, 'bluesky', routing.bluesky.language);
  if (!routing.discord) return written;
  const servers = await ownersOf(store, [sourceId]);
  for (const serverId of await watchersOf(store, catalog, story)) servers.add(serverId);
  return written + (await routeToServers(store, story, servers, now, enqueue));
}

/**
 * The new stories of one item, routed together: a channel (or the console) that wants several of
 * them gets one message for all ("OM stays on X, Red Star leaves"), not one per story.
 */
export async function routeItemStories(store: Store, catalog: Catalog, routing: Routing, stories: readonly Story[], sourceId: string, now: string): Promise<number> {
  if (stories.length === 1) return routeStory(store, catalog, routing, stories[0] as Story, sourceId, now);
  const planned = new Map<string, { destination: string; language: string; stories: Story[] }>();
  const gather: Enqueue = async (story, destination, language) => {
    const key = `${destination}\u0000${language}`;
    const entry = planned.get(key) ?? { destination, language, stories: [] };
    entry.stories.push(story);
    planned.set(key, entry);
    return 0;
  };
  for (const story of stories) await routeStory(store, catalog, routing, story, sourceId, now, gather);
  let written = 0;
  for (const { destination, language, stories: wanted } of planned.values()) {
    // The Bluesky mirror keeps one post per story, each with its own card and mention.
    if (destination === 'bluesky') for (const story of wanted) written += await enqueueStories(store, [story], destination, language, now);
    else written += await enqueueStories(store, wanted, destination, language, now);
  }
  return written;
}

/**
 * A story that only servers' own feeds had told gained a report. From a trusted source it is now
 * shared: it goes everywhere a new shared story goes, except to the servers that already had it.
 * From another server's own feed, it goes to that server too. A shared story is not sent again.
 */
export async function routeLaterReport(
  store: Store,
  catalog: Catalog,
  routing: Routing,
  before: Story,
  report: { sourceId: string; trusted: boolean },
  now: string,
): Promise<number> {
  if (before.shared) return 0;
  const hadIt = await ownersOf(store, before.reports.map((r) => r.sourceId));
  const reached = (servers: Iterable<string>) => [...servers].filter((serverId) => !hadIt.has(serverId));
  if (!report.trusted) {
    return routing.discord ? routeToServers(store, before, reached(await ownersOf(store, [report.sourceId])), now) : 0;
  }
  const story = (await store.getStory(before.id)) ?? before;
  let written = 0;
  if (routing.bluesky && mirrors(routing.bluesky, story)) written += await enqueueStories(store, [story], 'bluesky', routing.bluesky.language, now);
  if (!routing.discord) return written;
  const servers = await ownersOf(store, [report.sourceId]);
  for (const serverId of await watchersOf(store, catalog, story)) servers.add(serverId);
  return written + (await routeToServers(store, story, reached(servers), now));
}
