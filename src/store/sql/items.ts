import type { ItemStore, SeenItem } from '../store.ts';
import { itemRow, linkHash, seenItemOf } from './compact-items.ts';
import type { SqlContext } from './engine.ts';
import * as retention from './retention.ts';

/**
 * Items, each recorded once: whichever process inserts an item first gets it back as new; the
 * others' inserts do nothing (`on conflict do nothing returning`).
 */
export function itemStore({ db, inTransaction }: SqlContext, afterPrune: () => void): ItemStore {
  return {
    async recordNewItems(items, seenAt) {
      const fresh: SeenItem[] = [];
      // A read is mostly items seen before: look them up in one query, write the rest in another.
      for (let start = 0; start < items.length; start += 500) {
        const chunk = items.slice(start, start + 500);
        const known = new Set<string>();
        for (const sourceId of new Set(chunk.map((item) => item.sourceId))) {
          const keys = chunk.filter((item) => item.sourceId === sourceId).map((item) => item.key);
          const rows = await db.selectFrom('items').select('key').where('source_id', '=', sourceId).where('key', 'in', keys).execute();
          for (const row of rows) known.add(`${sourceId}\n${row.key}`);
          const unknown = keys.filter((key) => !known.has(`${sourceId}\n${key}`));
          for (const key of await retention.prunedKeys(db, sourceId, unknown)) known.add(`${sourceId}\n${key}`);
        }
        const unseen = chunk.filter((item) => {
          const id = `${item.sourceId}\n${item.key}`;
          if (known.has(id)) return false;
          known.add(id);
          return true;
        });
        if (unseen.length === 0) continue;
        const inserted = await db
          .insertInto('items')
          .values(unseen.map((item) => itemRow(item, seenAt)))
          .onConflict((oc) => oc.doNothing())
          .returning(['source_id', 'key'])
          .execute();
        const won = new Set(inserted.map((row) => `${row.source_id}\n${row.key}`));
        fresh.push(...unseen.filter((item) => won.has(`${item.sourceId}\n${item.key}`)));
      }
      return fresh;
    },

    async findItemsByLink(link) {
      const rows = await db.selectFrom('items').selectAll().where('link_hash', '=', linkHash(link)).execute();
      return rows.map((row) => seenItemOf(row, link));
    },

    async pruneItems(options) {
      if (inTransaction) throw new Error('items are pruned outside a transaction, in batches of their own');
      const pruned = await retention.pruneItems(db, options);
      if (pruned > 0) afterPrune();
      return pruned;
    },
  };
}
