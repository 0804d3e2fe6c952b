import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect, sql, type Selectable, type SelectQueryBuilder, type SqliteDatabase, type Transaction } from 'kysely';
import type { Action, Announcement, Platform } from '../../announcements/announcement.ts';
import type { Delivery } from '../../deliveries/delivery.ts';
import type { BoardEntry, Story, StoryReport } from '../../stories/story.ts';
import type {
  ClaimOptions,
  DeliveryCounts,
  ItemRetention,
  FetchFailure,
  FetchSuccess,
  NewDelivery,
  NewSource,
  SeenItem,
  ServerSettings,
  SourceOrigin,
  SourceRecord,
  Store,
  StoryFilter,
  Watch,
} from '../store.ts';
import { StoreOpenError } from '../../errors.ts';
import { forgetSampleStories, migrationProvider } from './migrations.ts';
import { openDatabaseFile } from './open-file.ts';
import { startCheckpointer } from './checkpointer.ts';
import { itemRow, linkHash, seenItemOf } from './compact-items.ts';
import * as outbox from './outbox.ts';
import * as retention from './retention.ts';
import { toReport, toSource, toStory } from './rows.ts';
import * as servers from './servers.ts';
import * as state from './state.ts';
import type { Database } from './schema.ts';

export interface SqliteStoreOptions {
  /** A file path, or ":memory:". */
  path: string;
  /** clubwatch's own data folder: created (or narrowed) to its owner alone, 0700. */
  dataDir?: string;
}

/**
 * The store holds secrets (the Bluesky session's tokens): the data folder is its owner's alone (0700)
 * and the database files are read and written by the owner only (0600), on a new store as on one an
 * earlier version created wider.
 */
function keepPrivate(path: string, dataDir: string | undefined): void {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      chmodSync(dataDir, 0o700);
    } catch (err) {
      // A folder someone else owns (a volume mounted by root, say) keeps its mode; the files below are still private.
      if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
    }
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // Created before SQLite opens it, so it is never readable by others, not even for a moment.
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

/** Opens (creating when needed) the SQLite file in WAL mode and applies pending migrations. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  if (options.path !== ':memory:') {
    try {
      keepPrivate(options.path, options.dataDir);
    } catch {
      // A data folder that is a file, say: opening the database says so in words.
    }
  }
  const database = openDatabaseFile(options.path);
  // The journal files SQLite creates take the database file's mode; this makes sure of it.
  if (options.path !== ':memory:') keepPrivate(options.path, undefined);
  useIncrementalVacuum(database);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) {
    await db.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreOpenError(`could not prepare the database ${options.path}: ${reason}`, { cause: error });
  }
  const checkpointer = options.path === ':memory:' ? null : startCheckpointer(database, options.path);
  return new SqliteStore(
    db,
    false,
    () => {
      // Hands the pages that pruning freed back to the file system.
      database.pragma('incremental_vacuum');
    },
    () => checkpointer?.stop() ?? Promise.resolve(),
  );
}

/**
 * Pages freed by pruning are given back with `incremental_vacuum`, which needs auto_vacuum set to
 * incremental: set before the first table of a new file, or converted once with a VACUUM.
 */
function useIncrementalVacuum(database: BetterSqlite3.Database): void {
  const incremental = 2;
  if (database.pragma('auto_vacuum', { simple: true }) === incremental) return;
  database.pragma('auto_vacuum = INCREMENTAL');
  // Takes effect once the file is rewritten: at once while it is empty, once for an older file.
  if (database.pragma('auto_vacuum', { simple: true }) !== incremental) database.exec('VACUUM');
}

/**
 * Kysely asks SQLite to prepare every query anew; the bot runs the same few hundred queries over and
 * over, so prepared statements are kept and reused (a bounded cache: queries with long `in` lists vary).
 */
function withStatementCache(database: BetterSqlite3.Database): SqliteDatabase {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => database.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        if (statements.size >= 500) statements.clear();
        statement = database.prepare(sql);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** A club missing from the catalog is keyed by its lower-cased name so its reports still merge. */
function clubKey(club: { id: string | null; name: string }): string {
  return club.id ?? `unlisted:${club.name.toLocaleLowerCase()}`;
}

class SqliteStore implements Store {
  constructor(
    private readonly db: Kysely<Database> | Transaction<Database>,
    private readonly inTransaction: boolean,
    private readonly afterPrune: () => void = () => undefined,
    private readonly beforeClose: () => Promise<void> = () => Promise.resolve(),
  ) {}

  async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
    if (this.inTransaction) return work(this);
    return (this.db as Kysely<Database>).transaction().execute((trx) => work(new SqliteStore(trx, true, this.afterPrune)));
  }

  // Sources

  async addSource(source: NewSource): Promise<SourceRecord> {
    await this.db
      .insertInto('sources')
      .values({
        id: source.id,
        url: source.url,
        kind: source.kind,
        origin: source.origin,
        title: source.title ?? null,
        interval_seconds: source.intervalSeconds,
        announce_first_fetch: source.announceFirstFetch ? 1 : 0,
        next_fetch_at: source.nextFetchAt,
        consecutive_failures: 0,
      })
      // The operator taking up a feed a server added makes it the operator's (trusted) from now on.
      .onConflict((oc) =>
        oc.column('id').doUpdateSet({
          interval_seconds: source.intervalSeconds,
          origin: sql<string>`case when sources.origin = 'server' then excluded.origin else sources.origin end`,
        }),
      )
      .execute();
    const stored = await this.getSource(source.id);
    if (!stored) throw new Error(`source ${source.id} vanished after it was written`);
    return stored;
  }

  async getSource(id: string): Promise<SourceRecord | undefined> {
    const row = await this.db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSource(row);
  }

  async listSources(filter: { origin?: SourceOrigin } = {}): Promise<SourceRecord[]> {
    let query = this.db.selectFrom('sources').selectAll().orderBy('url');
    if (filter.origin) query = query.where('origin', '=', filter.origin);
    return (await query.execute()).map(toSource);
  }

  async removeSource(id: string): Promise<boolean> {
    await this.db.deleteFrom('server_sources').where('source_id', '=', id).execute();
    await retention.forgetSourceItems(this.db, id);
    const result = await this.db.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async listDueSources(now: string, limit: number, options: { readersActiveSince?: string } = {}): Promise<SourceRecord[]> {
    let query = this.db.selectFrom('sources').selectAll().where('next_fetch_at', '<=', now);
    const since = options.readersActiveSince;
    if (since !== undefined) {
      // A server's source is read while one of its servers is active, or paused only recently.
      query = query.where((eb) =>
        eb.or([
          eb('origin', '!=', 'server'),
          eb.not(eb.exists(eb.selectFrom('server_sources').select('server_sources.server_id').whereRef('server_sources.source_id', '=', 'sources.id'))),
          eb.exists(
            eb
              .selectFrom('server_sources')
              .leftJoin('servers', 'servers.server_id', 'server_sources.server_id')
              .select('server_sources.server_id')
              .whereRef('server_sources.source_id', '=', 'sources.id')
              .where((inner) => inner.or([inner('servers.paused_at', 'is', null), inner('servers.paused_at', '>=', since)])),
          ),
        ]),
      );
    }
    const rows = await query
      .orderBy('next_fetch_at')
      .limit(limit)
      .execute();
    return rows.map(toSource);
  }

  async deferSource(id: string, nextFetchAt: string): Promise<void> {
    await this.db.updateTable('sources').set({ next_fetch_at: nextFetchAt }).where('id', '=', id).execute();
  }

  async recordFetchSuccess(id: string, success: FetchSuccess): Promise<void> {
    await this.db
      .updateTable('sources')
      .set({
        etag: success.etag,
        last_modified: success.lastModified,
        body_hash: success.bodyHash,
        ...(success.title !== undefined ? { title: success.title } : {}),
        last_success_at: success.fetchedAt,
        last_fetched_at: success.fetchedAt,
        next_fetch_at: success.nextFetchAt,
        failing_since: null,
        last_error: null,
        consecutive_failures: 0,
      })
      .where('id', '=', id)
      .execute();
  }

  async recordFetchFailure(id: string, failure: FetchFailure): Promise<void> {
    await this.db
      .updateTable('sources')
      .set((eb) => ({
        last_fetched_at: failure.fetchedAt,
        next_fetch_at: failure.nextFetchAt,
        failing_since: eb.fn.coalesce('failing_since', eb.val(failure.fetchedAt)),
        last_error: failure.error,
        consecutive_failures: eb('consecutive_failures', '+', 1),
      }))
      .where('id', '=', id)
      .execute();
  }

  // Items

  async recordNewItems(items: SeenItem[], seenAt: string): Promise<SeenItem[]> {
    const fresh: SeenItem[] = [];
    // A read is mostly items seen before: look them up in one query, write the rest in another.
    for (let start = 0; start < items.length; start += 500) {
      const chunk = items.slice(start, start + 500);
      const known = new Set<string>();
      for (const sourceId of new Set(chunk.map((item) => item.sourceId))) {
        const keys = chunk.filter((item) => item.sourceId === sourceId).map((item) => item.key);
        const rows = await this.db.selectFrom('items').select('key').where('source_id', '=', sourceId).where('key', 'in', keys).execute();
        for (const row of rows) known.add(`${sourceId}\n${row.key}`);
        const unknown = keys.filter((key) => !known.has(`${sourceId}\n${key}`));
        for (const key of await retention.prunedKeys(this.db, sourceId, unknown)) known.add(`${sourceId}\n${key}`);
      }
      const unseen = chunk.filter((item) => {
        const id = `${item.sourceId}\n${item.key}`;
        if (known.has(id)) return false;
        known.add(id);
        return true;
      });
      if (unseen.length === 0) continue;
      await this.db
        .insertInto('items')
        .values(unseen.map((item) => itemRow(item, seenAt)))
        .onConflict((oc) => oc.doNothing())
        .execute();
      fresh.push(...unseen);
    }
    return fresh;
  }

  async findItemsByLink(link: string): Promise<SeenItem[]> {
    const rows = await this.db.selectFrom('items').selectAll().where('link_hash', '=', linkHash(link)).execute();
    return rows.map((row) => seenItemOf(row, link));
  }

  async pruneItems(options: ItemRetention): Promise<number> {
    if (this.inTransaction) throw new Error('items are pruned outside a transaction, in batches of their own');
    const pruned = await retention.pruneItems(this.db as Kysely<Database>, options);
    if (pruned > 0) this.afterPrune();
    return pruned;
  }

  // Announcements, stories and the board

  async recordAnnouncement(item: SeenItem, announcement: Announcement, storyId: number | null): Promise<void> {
    await this.db
      .insertInto('announcements')
      .values({
        source_id: item.sourceId,
        item_key: item.key,
        club_id: announcement.club.id,
        club_name: announcement.club.name,
        platform: announcement.platform,
        action: announcement.action,
        confidence: announcement.confidence,
        evidence: announcement.evidence,
        story_id: storyId,
      })
      .execute();
  }

  async listAnnouncementsForItem(sourceId: string, key: string): Promise<Array<Announcement & { storyId: number | null }>> {
    const rows = await this.db
      .selectFrom('announcements')
      .selectAll()
      .where('source_id', '=', sourceId)
      .where('item_key', '=', key)
      .orderBy('id')
      .execute();
    return rows.map((row) => ({
      club: { id: row.club_id, name: row.club_name },
      platform: row.platform as Platform,
      action: row.action as Action,
      confidence: row.confidence,
      evidence: row.evidence,
      storyId: row.story_id,
    }));
  }

  async findRecentStory(club: { id: string | null; name: string }, platform: Platform, action: Action, since: string): Promise<Story | undefined> {
    const row = await this.db
      .selectFrom('stories')
      .selectAll()
      .where('club_key', '=', clubKey(club))
      .where('platform', '=', platform)
      .where('action', '=', action)
      .where('occurred_at', '>=', since)
      .orderBy('occurred_at', 'desc')
      .executeTakeFirst();
    return row && (await this.withReports([row]))[0];
  }

  async createStory(story: Omit<Story, 'id' | 'reports'>, firstReport: StoryReport): Promise<Story> {
    const { id } = await this.db
      .insertInto('stories')
      .values({
        club_key: clubKey({ id: story.clubId, name: story.clubName }),
        club_id: story.clubId,
        club_name: story.clubName,
        platform: story.platform,
        action: story.action,
        occurred_at: story.occurredAt,
        first_seen_at: story.firstSeenAt,
        confidence: story.confidence,
        shared: story.shared ? 1 : 0,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.addReport(id, firstReport);
    return { ...story, id, reports: [firstReport] };
  }

  async addReport(storyId: number, report: StoryReport): Promise<boolean> {
    const result = await this.db
      .insertInto('story_reports')
      .values({
        story_id: storyId,
        source_id: report.sourceId,
        item_key: report.itemKey,
        outlet: report.outlet,
        title: report.title,
        link: report.link,
        evidence: report.evidence,
        published: report.published,
        confidence: report.confidence,
        lang: report.lang,
        trusted: report.trusted ? 1 : 0,
      })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if ((result.numInsertedOrUpdatedRows ?? 0n) === 0n) return false;
    await this.db
      .updateTable('stories')
      .set({ confidence: report.confidence })
      .where('id', '=', storyId)
      .where('confidence', '<', report.confidence)
      .execute();
    if (report.published) {
      await this.db
        .updateTable('stories')
        .set({ occurred_at: report.published })
        .where('id', '=', storyId)
        .where('occurred_at', '>', report.published)
        .execute();
    }
    return true;
  }

  async shareStory(storyId: number): Promise<boolean> {
    const result = await this.db.updateTable('stories').set({ shared: 1 }).where('id', '=', storyId).where('shared', '=', 0).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async getStory(id: number): Promise<Story | undefined> {
    return (await this.getStories([id]))[0];
  }

  async getStories(ids: number[]): Promise<Story[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('stories').selectAll().where('id', 'in', ids).execute();
    const stories = await this.withReports(rows);
    const order = new Map(ids.map((id, index) => [id, index]));
    return stories.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  }

  async listStories(filter: StoryFilter = {}): Promise<Story[]> {
    let query = this.visible(this.db.selectFrom('stories').selectAll(), filter.visibleTo)
      .orderBy('occurred_at', 'desc')
      .orderBy('id', 'desc')
      .limit(filter.limit ?? 10);
    if (filter.clubId) query = query.where('club_id', '=', filter.clubId);
    if (filter.platform) query = query.where('platform', '=', filter.platform);
    if (filter.action) query = query.where('action', '=', filter.action);
    return this.withReports(await query.execute());
  }

  async getBoard(clubId?: string): Promise<BoardEntry[]> {
    let query = this.db.selectFrom('board').selectAll().orderBy('club_id').orderBy('platform');
    if (clubId) query = query.where('club_id', '=', clubId);
    const rows = await query.execute();
    return rows.map((row) => ({
      clubId: row.club_id,
      platform: row.platform as Platform,
      action: row.action as Action,
      since: row.since,
      storyId: row.story_id,
    }));
  }

  async setBoardEntry(entry: BoardEntry): Promise<void> {
    const values = { club_id: entry.clubId, platform: entry.platform, action: entry.action, since: entry.since, story_id: entry.storyId };
    await this.db
      .insertInto('board')
      .values(values)
      .onConflict((oc) => oc.columns(['club_id', 'platform']).doUpdateSet(values))
      .execute();
  }

  forgetSampleStories(): Promise<number> {
    return forgetSampleStories(this.db as unknown as Kysely<unknown>);
  }

  async clubHistory(clubId: string, visibleTo?: string): Promise<Story[]> {
    const rows = await this.visible(this.db.selectFrom('stories').selectAll(), visibleTo)
      .where('club_id', '=', clubId)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    return this.withReports(rows);
  }

  /** Shared stories, plus those a server's own feeds reported when a server is named. */
  private visible<Q extends SelectQueryBuilder<Database, 'stories', object>>(query: Q, visibleTo: string | undefined): Q {
    if (visibleTo === 'all') return query;
    if (visibleTo === undefined) return query.where('stories.shared', '=', 1) as Q;
    return query.where((eb) =>
      eb.or([
        eb('stories.shared', '=', 1),
        eb.exists(
          eb
            .selectFrom('story_reports')
            .innerJoin('server_sources', 'server_sources.source_id', 'story_reports.source_id')
            .select('story_reports.story_id')
            .whereRef('story_reports.story_id', '=', 'stories.id')
            .where('server_sources.server_id', '=', visibleTo),
        ),
      ]),
    ) as Q;
  }

  // Servers

  getServerSettings(serverId: string): Promise<ServerSettings> {
    return servers.getServerSettings(this.db, serverId);
  }
  updateServerSettings(serverId: string, change: Partial<Omit<ServerSettings, 'serverId'>>): Promise<ServerSettings> {
    return servers.updateServerSettings(this.db, serverId, change);
  }
  listServers(): Promise<ServerSettings[]> {
    return servers.listServers(this.db);
  }
  addWatch(serverId: string, watch: Watch): Promise<boolean> {
    return servers.addWatch(this.db, serverId, watch);
  }
  removeWatch(serverId: string, watch: Watch): Promise<boolean> {
    return servers.removeWatch(this.db, serverId, watch);
  }
  listWatches(serverId: string): Promise<Watch[]> {
    return servers.listWatches(this.db, serverId);
  }
  serversWatching(club: { id: string; league: string | null; country: string }): Promise<string[]> {
    return servers.serversWatching(this.db, club);
  }
  subscribeServerSource(serverId: string, sourceId: string): Promise<boolean> {
    return servers.subscribeServerSource(this.db, serverId, sourceId);
  }
  unsubscribeServerSource(serverId: string, sourceId: string): Promise<boolean> {
    return servers.unsubscribeServerSource(this.db, serverId, sourceId);
  }
  listServerSources(serverId: string): Promise<SourceRecord[]> {
    return servers.listServerSources(this.db, serverId);
  }
  serversOfSource(sourceId: string): Promise<string[]> {
    return servers.serversOfSource(this.db, sourceId);
  }
  queueForDigest(serverId: string, storyId: number): Promise<void> {
    return servers.queueForDigest(this.db, serverId, storyId);
  }
  takeDigestQueue(serverId: string): Promise<number[]> {
    return servers.takeDigestQueue(this.db, serverId);
  }
  listServersWithDigestQueue(): Promise<string[]> {
    return servers.listServersWithDigestQueue(this.db);
  }

  // The outbox

  enqueueDelivery(delivery: NewDelivery): Promise<boolean> {
    return outbox.enqueueDelivery(this.db, delivery);
  }
  getDelivery(id: string): Promise<Delivery | undefined> {
    return outbox.getDelivery(this.db, id);
  }
  claimDeliveries(options: ClaimOptions): Promise<Delivery[]> {
    return outbox.claimDeliveries(this.db, options);
  }
  releaseInterruptedDeliveries(now: string): Promise<number> {
    return outbox.releaseInterruptedDeliveries(this.db, now);
  }
  markDeliverySent(id: string, externalId: string | null, at: string): Promise<void> {
    return outbox.markDeliverySent(this.db, id, externalId, at);
  }
  scheduleDeliveryRetry(id: string, reason: string, nextAttemptAt: string): Promise<void> {
    return outbox.scheduleDeliveryRetry(this.db, id, reason, nextAttemptAt);
  }
  markDeliveryFailed(id: string, reason: string, at: string): Promise<void> {
    return outbox.markDeliveryFailed(this.db, id, reason, at);
  }
  holdDelivery(id: string, reason: string): Promise<void> {
    return outbox.holdDelivery(this.db, id, reason);
  }
  listHeldDeliveries(destination: string): Promise<Delivery[]> {
    return outbox.listHeldDeliveries(this.db, destination);
  }
  releaseDeliveries(release: Array<{ id: string; nextAttemptAt: string }>): Promise<void> {
    return outbox.releaseDeliveries(this.db, release);
  }
  markDeliveriesMerged(ids: string[], intoId: string, at: string): Promise<void> {
    return outbox.markDeliveriesMerged(this.db, ids, intoId, at);
  }
  listDeliveries(filter?: { destination?: string; status?: Delivery['status']; limit?: number }): Promise<Delivery[]> {
    return outbox.listDeliveries(this.db, filter);
  }
  countDeliveries(destinationPrefix?: string): Promise<DeliveryCounts> {
    return outbox.countDeliveries(this.db, destinationPrefix);
  }

  // State

  getState(key: string): Promise<string | undefined> {
    return state.getState(this.db, key);
  }
  setState(key: string, value: string | null): Promise<void> {
    return state.setState(this.db, key, value);
  }

  async close(): Promise<void> {
    if (this.inTransaction) return;
    await this.beforeClose();
    await (this.db as Kysely<Database>).destroy();
  }

  private async withReports(rows: Array<Selectable<Database['stories']>>): Promise<Story[]> {
    if (rows.length === 0) return [];
    const reports = await this.db
      .selectFrom('story_reports')
      .selectAll()
      .where(
        'story_id',
        'in',
        rows.map((row) => row.id),
      )
      .orderBy('published')
      .execute();
    const byStory = new Map<number, StoryReport[]>();
    for (const report of reports) {
      const list = byStory.get(report.story_id) ?? [];
      list.push(toReport(report));
      byStory.set(report.story_id, list);
    }
    return rows.map((row) => toStory(row, byStory.get(row.id) ?? []));
  }
}
