import { sql } from 'kysely';
import type { StateStore } from '../store.ts';
import type { Db, SqlContext } from './engine.ts';

/** Small durable values (the Bluesky session, cursors; some are secrets: callers never log them) and leases. */

async function getState(db: Db, key: string): Promise<string | undefined> {
  const row = await db.selectFrom('state').select('value').where('key', '=', key).executeTakeFirst();
  return row?.value;
}

async function setState(db: Db, key: string, value: string | null): Promise<void> {
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

export function stateStore({ db }: SqlContext): StateStore {
  return {
    getState: (key) => getState(db, key),
    setState: (key, value) => setState(db, key, value),

    async takeLease({ name, holder, now, until }) {
      // One statement: of two processes asking at once, one writes the row and the other finds it taken.
      const rows = await db
        .insertInto('leases')
        .values({ name, holder, expires_at: until })
        .onConflict((oc) =>
          oc
            .column('name')
            .doUpdateSet({ holder, expires_at: until })
            .where((eb) => eb.or([eb('leases.holder', '=', holder), eb('leases.expires_at', '<=', now)])),
        )
        .returning('holder')
        .execute();
      return rows.length === 1;
    },

    async releaseLease(name, holder) {
      await db.deleteFrom('leases').where('name', '=', name).where('holder', '=', holder).execute();
    },

    async reserveTurn(name, nowMs, spacingMs) {
      // One statement: each caller's turn is `spacingMs` after the one booked before it.
      const row = await db
        .insertInto('paces')
        .values({ name, next_at: nowMs + spacingMs })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({
            next_at: sql<number>`(case when paces.next_at > ${nowMs} then paces.next_at else ${nowMs} end) + ${spacingMs}`,
          }),
        )
        .returning('next_at')
        .executeTakeFirstOrThrow();
      return Number(row.next_at) - spacingMs;
    },
  };
}
