import { hash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { ItemRetention } from '../store.ts';
import type { Db } from './engine.ts';
import type { Database } from './schema.ts';

/** Retention: items beyond their time are forgotten but for a compact key, so they never come back as new. */

/** 48 bits of the key's SHA-256: a collision inside one source is one in 2^48 per pair, far beyond any feed. */
export function itemKeyHash(key: string): number {
  // The one-shot hash: two of them for every new item, and a Hash object each cost more than the hashing.
  // Read from its hex digits: a Buffer made for each digest cost four times the hashing.
  return Number.parseInt(hash('sha256', key, 'hex').slice(0, 12), 16);
}

const batchSize = 2_000;

/** Prunes in batches, each in its own transaction, so that the bot's other writes are never held up long. */
export async function pruneItems(db: Db, retention: ItemRetention): Promise<number> {
  let pruned = 0;
  for (;;) {
    const done = await (db as Kysely<Database>).transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom((eb) =>
          eb
            .selectFrom('items')
            .select(['source_id', 'key', 'seen_at', 'published'])
            .select((inner) =>
              inner.fn
                .agg<number>('row_number')
                .over((over) => over.partitionBy('source_id').orderBy('seen_at', 'desc').orderBy(sql`published desc nulls last`).orderBy('key', 'desc'))
                .as('rank'),
            )
            .as('ranked'),
        )
        .select(['source_id', 'key'])
        .where('rank', '>', retention.keepPerSource)
        .where('seen_at', '<', Date.parse(retention.seenBefore))
        .limit(batchSize)
        .execute();
      if (rows.length === 0) return 0;
      await trx
        .insertInto('item_keys')
        .values(rows.map((row) => ({ source_id: row.source_id, key_hash: itemKeyHash(row.key) })))
        .onConflict((oc) => oc.doNothing())
        .execute();
      for (const [sourceId, keys] of groupBySource(rows)) {
        await trx.deleteFrom('items').where('source_id', '=', sourceId).where('key', 'in', keys).execute();
      }
      return rows.length;
    });
    pruned += done;
    if (done < batchSize) return pruned;
  }
}

/** A removed source's items and keys go with it. */
export async function forgetSourceItems(db: Db, sourceId: string): Promise<void> {
  await db.deleteFrom('items').where('source_id', '=', sourceId).execute();
  await db.deleteFrom('item_keys').where('source_id', '=', sourceId).execute();
}

function groupBySource(rows: Array<{ source_id: string; key: string }>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const keys = groups.get(row.source_id) ?? [];
    keys.push(row.key);
    groups.set(row.source_id, keys);
  }
  return groups;
}
