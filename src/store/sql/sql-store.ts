import type { Kysely } from 'kysely';
import type { Store } from '../store.ts';
import type { DirectSql, Engine, SqlContext } from './engine.ts';
import { itemStore } from './items.ts';
import { outboxStore } from './outbox.ts';
import type { Database } from './schema.ts';
import { serverStore } from './servers.ts';
import { sourceStore } from './sources.ts';
import { stateStore } from './state.ts';
import { storyStore } from './stories.ts';

export interface SqlStoreOptions {
  engine: Engine;
  /** After items were pruned (SQLite hands the freed pages back to the file system). */
  afterPrune?: () => void;
  /** After the connection is closed (PostgreSQL's test schemas are dropped then). */
  afterClose?: () => Promise<void>;
  /** SQLite's connection, for the statements of a transaction (see DirectSql). */
  direct?: DirectSql;
}

/** The store on any SQL engine Kysely speaks: each concern's queries, over one connection or one transaction. */
export function sqlStore(db: Kysely<Database>, options: SqlStoreOptions): Store {
  return storeOver({ db, engine: options.engine, inTransaction: false, direct: null, lockedEvents: new Set() }, options);
}

/**
 * A store is made for every transaction. Its parts are copied in with Object.assign rather than
 * spread into one literal: V8 gives each object built from several spreads a hidden class of its
 * own, made property by property (about 200 µs of CPU a transaction, most of a small one's cost),
 * and every call of a store's methods (the pipeline's, the stories', the outbox's) then met a class
 * it had not seen. Objects filled by Object.assign from the same parts share one.
 */
function storeOver(context: SqlContext, options: SqlStoreOptions): Store {
  const store: Store = Object.assign({}, sourceStore(context), itemStore(context, options.afterPrune ?? (() => undefined)), storyStore(context), serverStore(context), outboxStore(context), stateStore(context), {
    async transaction<T>(work: (store: Store) => Promise<T>): Promise<T> {
      if (context.inTransaction) return work(store);
      return (context.db as Kysely<Database>).transaction().execute(async (trx) => {
        const direct = options.direct ? directWhileOpen(options.direct) : null;
        try {
          return await work(storeOver({ db: trx, engine: context.engine, inTransaction: true, direct: direct?.sql ?? null, lockedEvents: new Set() }, options));
        } finally {
          direct?.end();
        }
      });
    },
    async close() {
      if (context.inTransaction) return;
      await (context.db as Kysely<Database>).destroy();
      await options.afterClose?.();
    },
  });
  return store;
}

/**
 * A transaction's direct statements, refused once it has ended, as Kysely refuses a finished
 * transaction's queries: a store kept past its transaction must not write outside one (or inside
 * another task's).
 */
function directWhileOpen(direct: DirectSql): { sql: DirectSql; end(): void } {
  let open = true;
  const check = (): void => {
    if (!open) throw new Error('the transaction has ended: its store can no longer be used');
  };
  return {
    sql: {
      all: (sql, params) => (check(), direct.all(sql, params)),
      get: (sql, params) => (check(), direct.get(sql, params)),
      run: (sql, params) => (check(), direct.run(sql, params)),
    },
    end: () => {
      open = false;
    },
  };
}
