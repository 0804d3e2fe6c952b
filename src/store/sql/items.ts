import { CompiledQuery } from 'kysely';
import type { ItemStore, SeenItem } from '../store.ts';
import { itemValues, linkHash, seenItemOf } from './compact-items.ts';
import type { Engine, SqlContext } from './engine.ts';
import * as retention from './retention.ts';

/** Items looked up and written per statement: 8 values a row, far under either engine's limit. */
const chunkSize = 500;
/** Sources whose items are looked up by link in one statement (about a millisecond of SQLite's time). */
export const sourcesPerLookup = 1_000;

/**
 * Items, each recorded once: whichever process inserts an item first gets it back as new; the
 * others' inserts do nothing (`on conflict do nothing returning`).
 */
export function itemStore({ db, engine, inTransaction, direct }: SqlContext, afterPrune: () => void): ItemStore {
  return {
    async recordNewItems(items, seenAt) {
      const won = new Set<SeenItem>();
      const seenAtMs = Date.parse(seenAt);
      // A read is mostly items seen before: look them up in one query, write the rest in another.
      for (const [sourceId, ofSource] of bySource(items)) {
        for (let start = 0; start < ofSource.length; start += chunkSize) {
          const chunk = ofSource.slice(start, start + chunkSize);
          const keys = chunk.map((item) => item.key);
          const rows = direct
            ? direct.all<{ key: string }>(`select "key" from "items" where "source_id" = ? and "key" in (?${', ?'.repeat(keys.length - 1)})`, [sourceId, ...keys])
            : await db.selectFrom('items').select('key').where('source_id', '=', sourceId).where('key', 'in', keys).execute();
          const known = new Set(rows.map((row) => row.key));
          const unseen = chunk.filter((item) => {
            if (known.has(item.key)) return false;
            known.add(item.key);
            return true;
          });
          if (unseen.length === 0) continue;
          // Written unless pruned before (known only by the hash of its key), in the same statement.
          // The same few statements at every read: written once, not built and compiled anew each time.
          const values: unknown[] = [];
          for (const item of unseen) {
            itemValues(item, seenAtMs, values);
            values.push(retention.itemKeyHash(item.key));
          }
          const insertSql = insertItemsSql(engine, unseen.length);
          const inserted = direct ? direct.all<{ key: string }>(insertSql, values) : (await db.executeQuery<{ key: string }>(CompiledQuery.raw(insertSql, values))).rows;
          const insertedKeys = new Set(inserted.map((row) => row.key));
          for (const item of unseen) if (insertedKeys.has(item.key)) won.add(item);
        }
      }
      return won.size === items.length ? items : items.filter((item) => won.has(item));
    },

    async findItemsByLink(link) {
      // Looked up source by source, as the index is ordered (every item belongs to a source), a page
      // of sources a statement: with 100,000 sources one statement held SQLite (and so the bot's
      // thread) for about 85 ms; between pages the bot's other work goes on.
      const hash = linkHash(link);
      const found: SeenItem[] = [];
      for (let after = ''; ; ) {
        const page = await db.selectFrom('sources').select('id').where('id', '>', after).orderBy('id').limit(sourcesPerLookup).execute();
        if (page.length === 0) break;
        const rows = await db
          .selectFrom('items')
          .selectAll()
          .where('source_id', 'in', page.map((source) => source.id))
          .where('link_hash', '=', hash)
          .execute();
        for (const row of rows) found.push(seenItemOf(row, link));
        if (page.length < sourcesPerLookup) break;
        after = (page[page.length - 1] as { id: string }).id;
        if (!inTransaction) await new Promise((resolve) => setImmediate(resolve));
      }
      return found;
    },

    async pruneItems(options) {
      if (inTransaction) throw new Error('items are pruned outside a transaction, in batches of their own');
      const pruned = await retention.pruneItems(db, options);
      if (pruned > 0) afterPrune();
      return pruned;
    },
  };
}

/** Items by source, each source's in the order given (a read is one source's items). */
function bySource(items: SeenItem[]): Map<string, SeenItem[]> {
  const groups = new Map<string, SeenItem[]>();
  for (const item of items) {
    const group = groups.get(item.sourceId);
    if (group) group.push(item);
    else groups.set(item.sourceId, [item]);
  }
  return groups;
}

const insertSql = new Map<string, string>();
/** Reads of up to this many new items (nearly all of them) find their statement written already. */
const cachedUpTo = 100;

/** Each row's columns, then the hash of its key; PostgreSQL is told their types. */
const columns = ['text', 'text', 'text', 'text', 'bigint', 'bigint', 'bigint', 'bigint'];

/**
 * `insert into items … on conflict do nothing returning key` for `rows` rows, in the engine's
 * placeholders, leaving out the rows whose key was pruned before. The values' columns are named
 * column1, column2… by both engines.
 */
function insertItemsSql(engine: Engine, rows: number): string {
  const id = `${engine}:${rows}`;
  let text = insertSql.get(id);
  if (text === undefined) {
    const tuples: string[] = [];
    for (let row = 0; row < rows; row += 1) {
      const first = row * columns.length;
      const marks = columns.map((type, column) => (engine === 'postgres' ? `$${first + column + 1}::${type}` : '?'));
      tuples.push(`(${marks.join(', ')})`);
    }
    text =
      'insert into "items" ("source_id", "key", "title", "text", "link_hash", "published", "seen_at") ' +
      `select v.column1, v.column2, v.column3, v.column4, v.column5, v.column6, v.column7 from (values ${tuples.join(', ')}) as v ` +
      'where not exists (select 1 from "item_keys" k where k."source_id" = v.column1 and k."key_hash" = v.column8) ' +
      'on conflict do nothing returning "key"';
    if (rows <= cachedUpTo) insertSql.set(id, text);
  }
  return text;
}
