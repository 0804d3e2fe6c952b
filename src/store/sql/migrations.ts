import { sql, type ColumnDataType, type ColumnDefinitionBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { compactItems } from './compact-items.ts';
import type { Engine } from './engine.ts';

/**
 * Migrations live in code, in order, one definition for every engine; each is applied once and
 * recorded by Kysely's migrator. Dates are ISO 8601 text (compared as text) and booleans 0/1 on
 * every engine; where the engines' words differ, the column types below say it.
 */
function migrations(engine: Engine): Record<string, Migration> {
  // SQLite's `real` is 8 bytes; PostgreSQL's is 4, so it gets double precision.
  const real: ColumnDataType = engine === 'postgres' ? 'double precision' : 'real';
  const serial: ColumnDataType = engine === 'postgres' ? 'serial' : 'integer';
  const serialKey = (c: ColumnDefinitionBuilder) => (engine === 'postgres' ? c.primaryKey() : c.primaryKey().autoIncrement());
  return {
    '0001-initial': {
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('sources')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('origin', 'text', (c) => c.notNull())
          .addColumn('title', 'text')
          .addColumn('interval_seconds', 'integer', (c) => c.notNull())
          .addColumn('announce_first_fetch', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('etag', 'text')
          .addColumn('last_modified', 'text')
          .addColumn('body_hash', 'text')
          .addColumn('last_success_at', 'text')
          .addColumn('last_fetched_at', 'text')
          .addColumn('next_fetch_at', 'text', (c) => c.notNull())
          .addColumn('failing_since', 'text')
          .addColumn('last_error', 'text')
          .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.createIndex('sources_next_fetch').on('sources').column('next_fetch_at').execute();

        await db.schema
          .createTable('items')
          .addColumn('source_id', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('text', 'text', (c) => c.notNull())
          .addColumn('link', 'text')
          .addColumn('link_key', 'text')
          .addColumn('published', 'text')
          .addColumn('seen_at', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('items_pk', ['source_id', 'key'])
          .execute();
        await db.schema.createIndex('items_link').on('items').column('link_key').execute();

        await db.schema
          .createTable('announcements')
          .addColumn('id', serial, serialKey)
          .addColumn('source_id', 'text', (c) => c.notNull())
          .addColumn('item_key', 'text', (c) => c.notNull())
          .addColumn('club_id', 'text')
          .addColumn('club_name', 'text', (c) => c.notNull())
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('confidence', real, (c) => c.notNull())
          .addColumn('evidence', 'text', (c) => c.notNull())
          .addColumn('story_id', 'integer')
          .execute();
        await db.schema.createIndex('announcements_item').on('announcements').columns(['source_id', 'item_key']).execute();

        await db.schema
          .createTable('stories')
          .addColumn('id', serial, serialKey)
          .addColumn('club_key', 'text', (c) => c.notNull())
          .addColumn('club_id', 'text')
          .addColumn('club_name', 'text', (c) => c.notNull())
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('occurred_at', 'text', (c) => c.notNull())
          .addColumn('first_seen_at', 'text', (c) => c.notNull())
          .addColumn('confidence', real, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('stories_event')
          .on('stories')
          .columns(['club_key', 'platform', 'action', 'occurred_at'])
          .execute();
        await db.schema.createIndex('stories_first_seen').on('stories').column('first_seen_at').execute();

        await db.schema
          .createTable('story_reports')
          .addColumn('story_id', 'integer', (c) => c.notNull())
          .addColumn('source_id', 'text', (c) => c.notNull())
          .addColumn('item_key', 'text', (c) => c.notNull())
          .addColumn('outlet', 'text', (c) => c.notNull())
          .addColumn('title', 'text', (c) => c.notNull())
          .addColumn('link', 'text')
          .addColumn('evidence', 'text', (c) => c.notNull())
          .addColumn('published', 'text')
          .addColumn('confidence', real, (c) => c.notNull())
          .addColumn('lang', 'text')
          .addPrimaryKeyConstraint('story_reports_pk', ['story_id', 'source_id', 'item_key'])
          .execute();

        await db.schema
          .createTable('board')
          .addColumn('club_id', 'text', (c) => c.notNull())
          .addColumn('platform', 'text', (c) => c.notNull())
          .addColumn('action', 'text', (c) => c.notNull())
          .addColumn('since', 'text', (c) => c.notNull())
          .addColumn('story_id', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('board_pk', ['club_id', 'platform'])
          .execute();

        await db.schema
          .createTable('servers')
          .addColumn('server_id', 'text', (c) => c.primaryKey())
          .addColumn('channel_id', 'text')
          .addColumn('language', 'text', (c) => c.notNull())
          .addColumn('cadence', 'text', (c) => c.notNull())
          .addColumn('daily_at', 'text', (c) => c.notNull())
          .addColumn('time_zone', 'text', (c) => c.notNull())
          .addColumn('mention_role_id', 'text')
          .addColumn('paused_reason', 'text')
          .addColumn('paused_at', 'text')
          .addColumn('admin_notice', 'text')
          .execute();

        await db.schema
          .createTable('watches')
          .addColumn('server_id', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull())
          .addColumn('value', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('watches_pk', ['server_id', 'kind', 'value'])
          .execute();
        await db.schema.createIndex('watches_value').on('watches').columns(['kind', 'value']).execute();

        await db.schema
          .createTable('server_sources')
          .addColumn('server_id', 'text', (c) => c.notNull())
          .addColumn('source_id', 'text', (c) => c.notNull())
          .addPrimaryKeyConstraint('server_sources_pk', ['server_id', 'source_id'])
          .execute();
        await db.schema.createIndex('server_sources_source').on('server_sources').column('source_id').execute();

        await db.schema
          .createTable('digest_queue')
          .addColumn('server_id', 'text', (c) => c.notNull())
          .addColumn('story_id', 'integer', (c) => c.notNull())
          .addPrimaryKeyConstraint('digest_queue_pk', ['server_id', 'story_id'])
          .execute();

        await db.schema
          .createTable('deliveries')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('destination', 'text', (c) => c.notNull())
          .addColumn('content', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('next_attempt_at', 'text', (c) => c.notNull())
          .addColumn('claimed_at', 'text')
          .addColumn('interrupted_at', 'text')
          .addColumn('last_error', 'text')
          .addColumn('idempotency_key', 'text', (c) => c.notNull())
          .addColumn('external_id', 'text')
          .addColumn('created_at', 'text', (c) => c.notNull())
          .addColumn('sent_at', 'text')
          .execute();
        await db.schema.createIndex('deliveries_due').on('deliveries').columns(['status', 'next_attempt_at']).execute();
        await db.schema.createIndex('deliveries_destination').on('deliveries').column('destination').execute();

        await db.schema
          .createTable('state')
          .addColumn('key', 'text', (c) => c.primaryKey())
          .addColumn('value', 'text', (c) => c.notNull())
          .execute();
      },
    },
    '0002-digest-board': {
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('servers').addColumn('digest_board', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      },
    },
    '0003-story-owners': {
      // A story told only by servers' own feeds stays with those servers until a trusted source reports it.
      async up(db: Kysely<unknown>) {
        await db.schema.alterTable('stories').addColumn('shared', 'integer', (c) => c.notNull().defaultTo(1)).execute();
        await db.schema.alterTable('story_reports').addColumn('trusted', 'integer', (c) => c.notNull().defaultTo(1)).execute();
        await sql`update story_reports set trusted = 0
          where source_id in (select id from sources where origin in ('server', 'sample'))`.execute(db);
        await sql`update stories set shared = 0
          where exists (select 1 from story_reports r where r.story_id = stories.id)
            and not exists (select 1 from story_reports r where r.story_id = stories.id and r.trusted = 1)`.execute(db);
        await sql`delete from board where story_id in (select id from stories where shared = 0)`.execute(db);
      },
    },
    '0004-sample-preview-only': {
      // The bundled sample is made up: what earlier versions told from it is no news for anyone.
      async up(db: Kysely<unknown>) {
        await forgetSampleStories(db);
      },
    },
    '0005-item-retention': {
      async up(db: Kysely<unknown>) {
        // What deduplication needs of an item once its text is pruned: a 48-bit hash of its key.
        await db.schema
          .createTable('item_keys')
          .addColumn('source_id', 'text', (c) => c.notNull())
          .addColumn('key_hash', 'bigint', (c) => c.notNull())
          .addPrimaryKeyConstraint('item_keys_pk', ['source_id', 'key_hash'])
          .execute();
        await db.schema.createIndex('items_seen').on('items').columns(['source_id', 'seen_at']).execute();
      },
    },
    '0006-cluster': {
      // Several processes sharing one store: each piece of work done by one of them at a time, at a shared pace.
      async up(db: Kysely<unknown>) {
        await db.schema
          .createTable('leases')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('holder', 'text', (c) => c.notNull())
          .addColumn('expires_at', 'text', (c) => c.notNull())
          .execute();
        await db.schema
          .createTable('paces')
          .addColumn('name', 'text', (c) => c.primaryKey())
          .addColumn('next_at', 'bigint', (c) => c.notNull())
          .execute();
      },
    },
    '0007-compact-items': {
      // Each item in about a third of the space: a feed rotating 1,000 items a read kept ~0.7 KB each.
      up: compactItems,
    },
    '0008-item-links-by-source': {
      // One index where there were two: items are found by link source by source, so that a read's
      // new items land on a few of its pages together, where an index on the link's hash alone took
      // a page anywhere in it for each item (about 11 µs of SQLite's work per item). Retention
      // walks the items source by source on the same index, as it walked (source_id, seen_at).
      async up(db: Kysely<unknown>) {
        await db.schema.dropIndex('items_link').execute();
        await db.schema.dropIndex('items_seen').execute();
        await db.schema.createIndex('items_link').on('items').columns(['source_id', 'link_hash']).execute();
      },
    },
  };
}

/**
 * Deletes the stories only the bundled sample told (with their board places, digest places and
 * deliveries not yet sent): run by a migration, and at each start with the sample off.
 */
export async function forgetSampleStories(db: Kysely<unknown>): Promise<number> {
  const sampleOnly = sql`select id from stories where not exists (
      select 1 from story_reports r left join sources s on s.id = r.source_id
      where r.story_id = stories.id and (s.origin is null or s.origin <> 'sample'))
    and exists (select 1 from story_reports r where r.story_id = stories.id)`;
  const { rows } = await sql<{ id: number }>`${sampleOnly}`.execute(db);
  if (rows.length === 0) return 0;
  const ids = sql.join(rows.map((row) => sql`${row.id}`));
  await sql`delete from board where story_id in (${ids})`.execute(db);
  await sql`delete from digest_queue where story_id in (${ids})`.execute(db);
  await sql`update announcements set story_id = null where story_id in (${ids})`.execute(db);
  await sql`delete from story_reports where story_id in (${ids})`.execute(db);
  await sql`delete from stories where id in (${ids})`.execute(db);
  // Unsent deliveries of those stories now render nothing and are given up as such when next tried.
  return rows.length;
}

export function migrationProvider(engine: Engine): MigrationProvider {
  return { getMigrations: async () => migrations(engine) };
}
