import { sql, type Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Every table that holds what the bot knows, in an order that keeps references whole. Leases are not copied: they belong to running processes. */
const tables = [
  'sources',
  'items',
  'item_keys',
  'stories',
  'story_reports',
  'announcements',
  'board',
  'servers',
  'watches',
  'server_sources',
  'digest_queue',
  'deliveries',
  'state',
] as const satisfies ReadonlyArray<keyof Database>;

/** Tables whose ids a sequence hands out on PostgreSQL: it goes on after the highest copied id. */
const serialTables = ['stories', 'announcements'] as const;

const batchRows = 500;

export type CopyCounts = Record<(typeof tables)[number], number>;

/**
 * Copies a SQLite store into an empty PostgreSQL store, in one transaction: everything arrives, or
 * nothing does. Ids, outbox states and item keys are kept, so the bot goes on where it was.
 */
export async function copySqliteToPostgres(from: Kysely<Database>, to: Kysely<Database>): Promise<CopyCounts> {
  const counts = Object.fromEntries(tables.map((table) => [table, 0])) as CopyCounts;
  await to.transaction().execute(async (trx) => {
    for (const table of tables) {
      let after = 0;
      for (;;) {
        // Read in rowid order, a batch at a time, so a large file is never held in memory at once.
        const { rows } = await sql<Record<string, unknown> & { copy_rowid: number }>`
          select rowid as copy_rowid, * from ${sql.table(table)} where rowid > ${after} order by rowid limit ${batchRows}`.execute(from);
        if (rows.length === 0) break;
        after = rows[rows.length - 1]?.copy_rowid ?? after;
        const values = rows.map(({ copy_rowid: _rowid, ...row }) => withoutNul(row));
        await trx.insertInto(table).values(values as never).execute();
        counts[table] += rows.length;
      }
    }
    for (const table of serialTables) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.table(table)}), 0) + 1, false)`.execute(trx);
    }
  });
  return counts;
}

/** What PostgreSQL stores has no NUL in text (SQLite took them): they are dropped on the way. */
function withoutNul(row: Record<string, unknown>): Record<string, unknown> {
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === 'string' && value.includes('\u0000')) row[key] = value.replaceAll('\u0000', '');
  }
  return row;
}

/** True when the store holds nothing the bot recorded (a fresh database, only migrated). */
export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  for (const table of tables) {
    const row = await db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (row) return false;
  }
  return true;
}
