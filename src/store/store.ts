import type { Action, Announcement, Platform } from '../announcements/announcement.ts';
import type { Delivery, DeliveryContent } from '../deliveries/delivery.ts';
import type { BoardEntry, Story, StoryReport } from '../stories/story.ts';

export type SourceKind = 'feed' | 'bluesky';
/** Where a source comes from: `config/`, the bundled sample, the operator's command line, a server's admins. */
export type SourceOrigin = 'config' | 'sample' | 'operator' | 'server';

export interface SourceRecord {
  /** Derived from the normalised URL, so one URL used by many subscribers is one source, fetched once. */
  id: string;
  url: string;
  kind: SourceKind;
  origin: SourceOrigin;
  title: string | null;
  intervalSeconds: number;
  /** Announce what the first fetch finds (the bundled sample only); other sources record it silently. */
  announceFirstFetch: boolean;
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  /** Null until the first successful fetch. */
  lastSuccessAt: string | null;
  lastFetchedAt: string | null;
  nextFetchAt: string;
  failingSince: string | null;
  lastError: string | null;
  consecutiveFailures: number;
}

export interface NewSource {
  id: string;
  url: string;
  kind: SourceKind;
  origin: SourceOrigin;
  title?: string | null;
  intervalSeconds: number;
  announceFirstFetch?: boolean;
  nextFetchAt: string;
}

interface FetchSuccess {
  etag: string | null;
  lastModified: string | null;
  bodyHash: string | null;
  title?: string | null;
  fetchedAt: string;
  nextFetchAt: string;
}

interface FetchFailure {
  error: string;
  fetchedAt: string;
  nextFetchAt: string;
}

/** One item as the store remembers it. */
export interface SeenItem {
  sourceId: string;
  key: string;
  title: string;
  /** The text the extractor read (capped), so `why` can explain it later. */
  text: string;
  link: string | null;
  published: string | null;
  lang: string | null;
}

export interface ItemRetention {
  seenBefore: string;
  keepPerSource: number;
}

export type Cadence = 'immediate' | 'hourly' | 'daily';

/** One server's own settings; nothing one server does is visible to another. */
export interface ServerSettings {
  serverId: string;
  channelId: string | null;
  language: string;
  cadence: Cadence;
  /** "HH:MM" in `timeZone`, for the daily digest. */
  dailyAt: string;
  timeZone: string;
  mentionRoleId: string | null;
  /** Set when posting failed for good (channel gone, permission removed); settings are kept. */
  pausedReason: string | null;
  pausedAt: string | null;
  /** A notice for the admins, shown in their next admin reply, then cleared. */
  adminNotice: string | null;
  /** Digests carry a picture of the board of the clubs they name (off by default). */
  digestBoard: boolean;
}

export type WatchKind = 'club' | 'league' | 'country';
export interface Watch {
  kind: WatchKind;
  value: string;
}

interface StoryFilter {
  /**
   * Whose view: by default only shared stories (what every server and the Bluesky account may see);
   * a server id adds the stories only that server's own feeds reported; 'all' is everything (the operator).
   */
  visibleTo?: string | 'all';
  clubId?: string;
  platform?: Platform;
  action?: Action;
  limit?: number;
}

export interface NewDelivery {
  id: string;
  destination: string;
  content: DeliveryContent;
  idempotencyKey: string;
  nextAttemptAt: string;
}

export interface ClaimOptions {
  now: string;
  limit: number;
  /** A delivery claimed longer ago than this, and never finished, was interrupted: claim it again. */
  leaseMs: number;
  destinationKinds: string[];
}

export interface DeliveryCounts {
  pending: number;
  sending: number;
  sent: number;
  failed: number;
  held: number;
  merged: number;
}

/** Sources and their reads: what is due, what each read found. */
export interface SourceStore {
  addSource(source: NewSource): Promise<SourceRecord>;
  getSource(id: string): Promise<SourceRecord | undefined>;
  listSources(filter?: { origin?: SourceOrigin }): Promise<SourceRecord[]>;
  removeSource(id: string): Promise<boolean>;
  /**
   * Sources due by `now`, oldest first. With `readersActiveSince`, a source added by servers is left
   * out while it has servers and every one of them is paused (or removed the bot) since before that time.
   */
  listDueSources(now: string, limit: number, options?: { readersActiveSince?: string }): Promise<SourceRecord[]>;
  /** Moves a source's next read (its host asked to wait, or too many of its host are due at once). */
  deferSource(id: string, nextFetchAt: string): Promise<void>;
  /**
   * Takes due sources for one read each: a source goes to exactly one of the processes asking with
   * the same `dueAt` (its next read moves to `until`, when it is taken again if the read never
   * finished). Returns the ids taken.
   */
  claimSourceReads(claims: ReadonlyArray<{ id: string; dueAt: string; until: string }>): Promise<Set<string>>;
  recordFetchSuccess(id: string, success: FetchSuccess): Promise<void>;
  recordFetchFailure(id: string, failure: FetchFailure): Promise<void>;
}

/** The items read from sources, each recorded once whichever process reads it first. */
export interface ItemStore {
  /** Records items not seen before in this source and returns those (a restart never sees them again). */
  recordNewItems(items: SeenItem[], seenAt: string): Promise<SeenItem[]>;
  /** Items whose link is this one once both are normalised (tracking parameters dropped). */
  findItemsByLink(link: string): Promise<SeenItem[]>;
  /**
   * Forgets items first seen before `seenBefore`, except each source's newest `keepPerSource`; only a
   * compact key of each is kept, so it is never taken for new. Returns how many went.
   */
  pruneItems(options: ItemRetention): Promise<number>;
}

/** Announcements, the stories they make and the board. */
export interface StoryStore {
  /** Records what the extractor found in items, in this order, each with the story it was filed under (if any). */
  recordAnnouncements(found: ReadonlyArray<{ item: SeenItem; announcement: Announcement; storyId: number | null }>): Promise<void>;
  listAnnouncementsForItem(sourceId: string, key: string): Promise<Array<Announcement & { storyId: number | null }>>;
  /**
   * The latest story of this club, platform and action that began after `since`. Inside a
   * transaction, the event is the caller's until it ends: no other process files a story of it meanwhile.
   */
  findRecentStory(club: { id: string | null; name: string }, platform: Platform, action: Action, since: string): Promise<Story | undefined>;
  /**
   * Takes these events (club, platform and action) for the rest of the transaction, all at once and
   * in one order, as `findRecentStory` takes each: so that processes filing several never wait on
   * each other in a circle, and a story looked for afterwards needs no statement of its own to take it.
   */
  lockStoryEvents(events: ReadonlyArray<{ club: { id: string | null; name: string }; platform: Platform; action: Action }>): Promise<void>;
  createStory(story: Omit<Story, 'id' | 'reports'>, firstReport: StoryReport): Promise<Story>;
  addReport(storyId: number, report: StoryReport): Promise<boolean>;
  /** A trusted source reported the story: from now on every server may see it. True when it was not shared before. */
  shareStory(storyId: number): Promise<boolean>;
  getStory(id: number): Promise<Story | undefined>;
  getStories(ids: number[]): Promise<Story[]>;
  listStories(filter?: StoryFilter): Promise<Story[]>;
  getBoard(clubId?: string): Promise<BoardEntry[]>;
  setBoardEntry(entry: BoardEntry): Promise<void>;
  /**
   * Moves a club's place on a platform to this entry, unless the board holds a later status there
   * (a late report of an old event does not undo a newer one) or this same action already. True when it moved.
   */
  advanceBoard(entry: BoardEntry): Promise<boolean>;
  /** Deletes the stories only the bundled sample told (it is a preview, never news). Returns how many. */
  forgetSampleStories(): Promise<number>;
  /** Every story of a club, oldest first: its timeline (shared stories, and the server's own when one is named). */
  clubHistory(clubId: string, visibleTo?: string): Promise<Story[]>;
}

/** Servers (Discord guilds), their settings, watches, own sources and digest queues. */
export interface ServerStore {
  getServerSettings(serverId: string): Promise<ServerSettings>;
  updateServerSettings(serverId: string, change: Partial<Omit<ServerSettings, 'serverId'>>): Promise<ServerSettings>;
  listServers(): Promise<ServerSettings[]>;
  addWatch(serverId: string, watch: Watch): Promise<boolean>;
  removeWatch(serverId: string, watch: Watch): Promise<boolean>;
  listWatches(serverId: string): Promise<Watch[]>;
  /** Servers that watch this club, its league or its country (a club missing from the catalog matches none). */
  serversWatching(club: { id: string; league: string | null; country: string }): Promise<string[]>;
  subscribeServerSource(serverId: string, sourceId: string): Promise<boolean>;
  unsubscribeServerSource(serverId: string, sourceId: string): Promise<boolean>;
  listServerSources(serverId: string): Promise<SourceRecord[]>;
  /** Servers that added this source themselves. */
  serversOfSource(sourceId: string): Promise<string[]>;
  queueForDigest(serverId: string, storyId: number): Promise<void>;
  /** Takes the stories waiting for this server's digest, oldest first, and empties the queue. */
  takeDigestQueue(serverId: string): Promise<number[]>;
  listServersWithDigestQueue(): Promise<string[]>;
}

/** The durable outbox: a delivery is written before it is sent and marked sent only after success. */
export interface OutboxStore {
  /** Writes a delivery unless one with this id exists; true when written. */
  enqueueDelivery(delivery: NewDelivery): Promise<boolean>;
  getDelivery(id: string): Promise<Delivery | undefined>;
  /** Due deliveries, each handed to one claimant only (whatever the number of processes) until its lease runs out. */
  claimDeliveries(options: ClaimOptions): Promise<Delivery[]>;
  /** At start-up: attempts left in flight by a stopped process go back to the queue, marked interrupted. */
  releaseInterruptedDeliveries(now: string): Promise<number>;
  markDeliverySent(id: string, externalId: string | null, at: string): Promise<void>;
  scheduleDeliveryRetry(id: string, reason: string, nextAttemptAt: string): Promise<void>;
  markDeliveryFailed(id: string, reason: string, at: string): Promise<void>;
  /** Keeps a delivery its destination cannot take now (a paused server); it is not claimed until released. */
  holdDelivery(id: string, reason: string): Promise<void>;
  /** The held deliveries to one destination, oldest first. */
  listHeldDeliveries(destination: string): Promise<Delivery[]>;
  /** Held deliveries due again, each at its own time (so they go out in order). */
  releaseDeliveries(release: Array<{ id: string; nextAttemptAt: string }>): Promise<void>;
  /** Held deliveries whose stories went out in another delivery (a catch-up digest). */
  markDeliveriesMerged(ids: string[], intoId: string, at: string): Promise<void>;
  listDeliveries(filter?: { destination?: string; status?: Delivery['status']; limit?: number }): Promise<Delivery[]>;
  countDeliveries(destinationPrefix?: string): Promise<DeliveryCounts>;
}

interface LeaseRequest {
  /** What the lease is for: `poller`, `discord-send`, `identify:0`. */
  name: string;
  /** Who asks (one process): it keeps the lease by asking again before it runs out. */
  holder: string;
  now: string;
  until: string;
}

/** Small durable state (the Bluesky session, cursors; some of it secret, never logged) and leases. */
export interface StateStore {
  getState(key: string): Promise<string | undefined>;
  setState(key: string, value: string | null): Promise<void>;
  /**
   * Takes (or keeps) a named lease until `until`: true when it was free, ran out, or is the holder's
   * already. Processes sharing one store do a piece of work one at a time this way.
   */
  takeLease(lease: LeaseRequest): Promise<boolean>;
  /** Gives a lease back before it runs out (a clean stop). */
  releaseLease(name: string, holder: string): Promise<void>;
  /**
   * Books the next turn of a pace shared by every process (one post every `spacingMs`): returns when
   * the turn is, in milliseconds since the epoch, never before `nowMs`.
   */
  reserveTurn(name: string, nowMs: number, spacingMs: number): Promise<number>;
}

/** The one place clubwatch keeps what it knows. Named for what the bot needs, not for SQL. */
export interface Store extends SourceStore, ItemStore, StoryStore, ServerStore, OutboxStore, StateStore {
  /** Runs `work` atomically: everything it records lands, or nothing does. */
  transaction<T>(work: (store: Store) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
