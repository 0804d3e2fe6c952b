import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** Small durable values: the Bluesky session, cursors. Some are secrets: callers never log them. */

type Db = Kysely<Database> | Transaction<Database>;

export async function getState(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('state').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

export async function setState(db: Db, key: string, value: string | null): Promise<void> {
  if (value === null) {
    await db.deleteFrom('state').where('key', '=', key).execute();
    return;
  }
  await db
    .insertInto('state')
    .values({ key, value })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
    .execute();
}
