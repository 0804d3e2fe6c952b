import { CompiledQuery, sql } from 'kysely';
import type { SourceStore } from '../store.ts';
import type { Engine, SqlContext } from './engine.ts';
import { forgetSourceItems } from './retention.ts';
import { toSource } from './rows.ts';

/** Sources and their reads. */
export function sourceStore({ db, engine, direct }: SqlContext): SourceStore {
  const getSource: SourceStore['getSource'] = async (id) => {
    const row = await db.selectFrom('sources').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toSource(row);
  };
  return {
    getSource,

    async addSource(source) {
      await db
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
      const stored = await getSource(source.id);
      if (!stored) throw new Error(`source ${source.id} vanished after it was written`);
      return stored;
    },

    async listSources(filter = {}) {
      let query = db.selectFrom('sources').selectAll().orderBy('url');
      if (filter.origin) query = query.where('origin', '=', filter.origin);
      return (await query.execute()).map(toSource);
    },

    async removeSource(id) {
      await db.deleteFrom('server_sources').where('source_id', '=', id).execute();
      await forgetSourceItems(db, id);
      const result = await db.deleteFrom('sources').where('id', '=', id).executeTakeFirst();
      return result.numDeletedRows > 0n;
    },

    async listDueSources(now, limit, options = {}) {
      let query = db.selectFrom('sources').selectAll().where('next_fetch_at', '<=', now);
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
      const rows = await query.orderBy('next_fetch_at').limit(limit).execute();
      return rows.map(toSource);
    },

    async deferSource(id, nextFetchAt) {
      await db.updateTable('sources').set({ next_fetch_at: nextFetchAt }).where('id', '=', id).execute();
    },

    async claimSourceReads(claims) {
      const claimed = new Set<string>();
      // One statement for a listing's worth: each row is taken only while still due at the time it was listed with.
      for (let start = 0; start < claims.length; start += 500) {
        const chunk = claims.slice(start, start + 500);
        const values = chunk.flatMap(({ id, dueAt, until }) => [id, dueAt, until]);
        const { rows } = await db.executeQuery<{ id: string }>(CompiledQuery.raw(claimSql(engine, chunk.length), values));
        for (const row of rows) claimed.add(row.id);
      }
      return claimed;
    },

    async recordFetchSuccess(id, success) {
      if (direct) {
        const { etag, lastModified, bodyHash, title, fetchedAt, nextFetchAt } = success;
        if (title === undefined) direct.run(fetchSuccessSql, [etag, lastModified, bodyHash, fetchedAt, fetchedAt, nextFetchAt, null, null, 0, id]);
        else direct.run(fetchSuccessWithTitleSql, [etag, lastModified, bodyHash, title, fetchedAt, fetchedAt, nextFetchAt, null, null, 0, id]);
        return;
      }
      await db
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
    },

    async recordFetchFailure(id, failure) {
      await db
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
    },
  };
}

/**
 * `update sources … from (values (id, due at, until), …)` for `rows` claims, in the engine's
 * placeholders; the values' columns are named column1, column2, column3 by both engines.
 */
function claimSql(engine: Engine, rows: number): string {
  const tuples = Array.from({ length: rows }, (_, row) =>
    engine === 'postgres' ? `($${row * 3 + 1}::text, $${row * 3 + 2}::text, $${row * 3 + 3}::text)` : '(?, ?, ?)',
  );
  return (
    `update "sources" set "next_fetch_at" = v.column3 from (values ${tuples.join(', ')}) as v ` +
    'where "sources"."id" = v.column1 and "sources"."next_fetch_at" = v.column2 returning "sources"."id"'
  );
}

/** The update of a read's success as Kysely writes it, for SQLite in a transaction (see DirectSql). */
const fetchSuccessSql =
  'update "sources" set "etag" = ?, "last_modified" = ?, "body_hash" = ?, "last_success_at" = ?, "last_fetched_at" = ?, "next_fetch_at" = ?, "failing_since" = ?, "last_error" = ?, "consecutive_failures" = ? where "id" = ?';
const fetchSuccessWithTitleSql = fetchSuccessSql.replace('"body_hash" = ?, ', '"body_hash" = ?, "title" = ?, ');
