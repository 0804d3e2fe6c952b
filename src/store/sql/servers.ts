import type { ServerSettings, ServerStore, SourceRecord, Watch, WatchKind } from '../store.ts';
import type { Db, SqlContext } from './engine.ts';
import { defaultServerSettings, fromServer, toServer, toSource } from './rows.ts';
import { forgetSourceItems } from './retention.ts';

/** Per-server settings, watches, own sources and digest queues. Every query is scoped by server id. */

async function getServerSettings(db: Db, serverId: string): Promise<ServerSettings> {
  const row = await db.selectFrom('servers').selectAll().where('server_id', '=', serverId).executeTakeFirst();
  return row ? toServer(row) : { serverId, ...defaultServerSettings };
}

async function updateServerSettings(
  db: Db,
  serverId: string,
  change: Partial<Omit<ServerSettings, 'serverId'>>,
): Promise<ServerSettings> {
  const next: ServerSettings = { ...(await getServerSettings(db, serverId)), ...change, serverId };
  const row = fromServer(next);
  await db
    .insertInto('servers')
    .values(row)
    .onConflict((oc) => oc.column('server_id').doUpdateSet(row))
    .execute();
  return next;
}

async function listServers(db: Db): Promise<ServerSettings[]> {
  return (await db.selectFrom('servers').selectAll().orderBy('server_id').execute()).map(toServer);
}

async function addWatch(db: Db, serverId: string, watch: Watch): Promise<boolean> {
  const result = await db
    .insertInto('watches')
    .values({ server_id: serverId, kind: watch.kind, value: watch.value })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

async function removeWatch(db: Db, serverId: string, watch: Watch): Promise<boolean> {
  const result = await db
    .deleteFrom('watches')
    .where('server_id', '=', serverId)
    .where('kind', '=', watch.kind)
    .where('value', '=', watch.value)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

async function listWatches(db: Db, serverId: string): Promise<Watch[]> {
  const rows = await db.selectFrom('watches').select(['kind', 'value']).where('server_id', '=', serverId).orderBy('kind').orderBy('value').execute();
  return rows.map((row) => ({ kind: row.kind as WatchKind, value: row.value }));
}

async function serversWatching(db: Db, club: { id: string; league: string | null; country: string }): Promise<string[]> {
  const rows = await db
    .selectFrom('watches')
    .select('server_id')
    .distinct()
    .where((eb) =>
      eb.or([
        eb.and([eb('kind', '=', 'club'), eb('value', '=', club.id)]),
        eb.and([eb('kind', '=', 'country'), eb('value', '=', club.country)]),
        ...(club.league ? [eb.and([eb('kind', '=', 'league'), eb('value', '=', club.league)])] : []),
      ]),
    )
    .orderBy('server_id')
    .execute();
  return rows.map((row) => row.server_id);
}

async function subscribeServerSource(db: Db, serverId: string, sourceId: string): Promise<boolean> {
  const result = await db
    .insertInto('server_sources')
    .values({ server_id: serverId, source_id: sourceId })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return (result.numInsertedOrUpdatedRows ?? 0n) > 0n;
}

async function unsubscribeServerSource(db: Db, serverId: string, sourceId: string): Promise<boolean> {
  const result = await db
    .deleteFrom('server_sources')
    .where('server_id', '=', serverId)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) return false;
  // A server's feed nobody else uses is no longer read.
  const others = await db.selectFrom('server_sources').select('server_id').where('source_id', '=', sourceId).executeTakeFirst();
  if (!others) {
    const removed = await db.deleteFrom('sources').where('id', '=', sourceId).where('origin', '=', 'server').executeTakeFirst();
    if (removed.numDeletedRows > 0n) await forgetSourceItems(db, sourceId);
  }
  return true;
}

async function listServerSources(db: Db, serverId: string): Promise<SourceRecord[]> {
  const rows = await db
    .selectFrom('server_sources')
    .innerJoin('sources', 'sources.id', 'server_sources.source_id')
    .selectAll('sources')
    .where('server_sources.server_id', '=', serverId)
    .orderBy('sources.url')
    .execute();
  return rows.map(toSource);
}

async function serversOfSource(db: Db, sourceId: string): Promise<string[]> {
  const rows = await db.selectFrom('server_sources').select('server_id').where('source_id', '=', sourceId).orderBy('server_id').execute();
  return rows.map((row) => row.server_id);
}

async function queueForDigest(db: Db, serverId: string, storyId: number): Promise<void> {
  await db
    .insertInto('digest_queue')
    .values({ server_id: serverId, story_id: storyId })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

async function takeDigestQueue(db: Db, serverId: string): Promise<number[]> {
  // One statement: two processes taking the same queue get each story once between them.
  const rows = await db.deleteFrom('digest_queue').where('server_id', '=', serverId).returning('story_id').execute();
  return rows.map((row) => row.story_id).sort((a, b) => a - b);
}

async function listServersWithDigestQueue(db: Db): Promise<string[]> {
  const rows = await db.selectFrom('digest_queue').select('server_id').distinct().orderBy('server_id').execute();
  return rows.map((row) => row.server_id);
}

export function serverStore({ db }: SqlContext): ServerStore {
  return {
    getServerSettings: (serverId) => getServerSettings(db, serverId),
    updateServerSettings: (serverId, change) => updateServerSettings(db, serverId, change),
    listServers: () => listServers(db),
    addWatch: (serverId, watch) => addWatch(db, serverId, watch),
    removeWatch: (serverId, watch) => removeWatch(db, serverId, watch),
    listWatches: (serverId) => listWatches(db, serverId),
    serversWatching: (club) => serversWatching(db, club),
    subscribeServerSource: (serverId, sourceId) => subscribeServerSource(db, serverId, sourceId),
    unsubscribeServerSource: (serverId, sourceId) => unsubscribeServerSource(db, serverId, sourceId),
    listServerSources: (serverId) => listServerSources(db, serverId),
    serversOfSource: (sourceId) => serversOfSource(db, sourceId),
    queueForDigest: (serverId, storyId) => queueForDigest(db, serverId, storyId),
    takeDigestQueue: (serverId) => takeDigestQueue(db, serverId),
    listServersWithDigestQueue: () => listServersWithDigestQueue(db),
  };
}
