import { sql, type Kysely } from 'kysely';
import { linkKey, storedText } from '../../items/stored-item.ts';
import type { SeenItem } from '../store.ts';
import { itemKeyHash } from './retention.ts';
import type { Database } from './schema.ts';

/**
 * An item as stored: what `why` and retention need, compactly. The link is kept as a 48-bit hash of
 * its normalised form (items are found by link, the link itself is never shown from here), the
 * dates as milliseconds since 1970; the text is what the pipeline chose to keep.
 */

export function linkHash(link: string): number {
  return itemKeyHash(linkKey(link) as string);
}

/** An item's row as the values of an insert, in the columns' order: source_id, key, title, text, link_hash, published, seen_at. */
export function itemValues(item: SeenItem, seenAtMs: number, values: unknown[]): void {
  values.push(
    item.sourceId,
    item.key,
    storedText(item.title),
    storedText(item.text),
    item.link === null ? null : linkHash(item.link),
    item.published === null ? null : Date.parse(item.published),
    seenAtMs,
  );
}

/** An item found by `link`: that link, normalised, is the one it was recorded with. */
export function seenItemOf(row: Database['items'], link: string): SeenItem {
  return {
    sourceId: row.source_id,
    key: row.key,
    title: row.title,
    text: row.text,
    link: linkKey(link),
    // PostgreSQL's driver gives a bigint as a string.
    published: row.published === null ? null : new Date(Number(row.published)).toISOString(),
    lang: null,
  };
}

/** Rows per insert: 7 values each, under SQLite's 32,766 variables a statement. */
const copyBatch = 2_000;

/** Migration: the items table of 0001 (links and dates as text, the link twice) rewritten compactly. */
export async function compactItems(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('items_compact')
    .addColumn('source_id', 'text', (c) => c.notNull())
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('link_hash', 'bigint')
    .addColumn('published', 'bigint')
    .addColumn('seen_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('items_compact_pk', ['source_id', 'key'])
    .execute();
  interface OldRow {
    source_id: string;
    key: string;
    title: string;
    text: string;
    link_key: string | null;
    published: string | null;
    seen_at: string;
  }
  let after: OldRow | undefined;
  for (;;) {
    const from = after ? sql`where (source_id, key) > (${after.source_id}, ${after.key})` : sql``;
    const { rows } = await sql<OldRow>`select source_id, key, title, text, link_key, published, seen_at from items ${from} order by source_id, key limit ${copyBatch}`.execute(db);
    if (rows.length === 0) break;
    const values = rows.map((row) => ({
      source_id: row.source_id,
      key: row.key,
      title: row.title,
      text: storedText(row.text.slice(0, 2000)),
      link_hash: row.link_key === null ? null : itemKeyHash(row.link_key),
      published: row.published === null ? null : Date.parse(row.published),
      seen_at: Date.parse(row.seen_at),
    }));
    await (db as Kysely<Database>).insertInto('items_compact' as 'items').values(values).execute();
    after = rows[rows.length - 1];
  }
  await db.schema.dropTable('items').execute();
  await db.schema.alterTable('items_compact').renameTo('items').execute();
  await db.schema.createIndex('items_link').on('items').column('link_hash').execute();
  await db.schema.createIndex('items_seen').on('items').columns(['source_id', 'seen_at']).execute();
}
