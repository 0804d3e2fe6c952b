import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** The engines the one SQL store runs on; where they differ, the code asks which it is on. */
export type Engine = 'sqlite' | 'postgres';

export type Db = Kysely<Database> | Transaction<Database>;

/**
 * SQLite's connection used at once, statements prepared once: for the statements every read
 * runs (its items, stories, reports, deliveries), which Kysely would build, queue for the
 * connection and hand over anew each time (more CPU than SQLite spent running most of them).
 * Only inside a transaction, which holds SQLite's one connection until it ends: outside one, a
 * statement run at once could land inside another task's transaction.
 */
export interface DirectSql {
  all<R>(sql: string, params: readonly unknown[]): R[];
  get<R>(sql: string, params: readonly unknown[]): R | undefined;
  /** The number of rows written. */
  run(sql: string, params: readonly unknown[]): number;
}

/** What a concern's queries need: the connection (or the transaction) and the engine beneath. */
export interface SqlContext {
  db: Db;
  engine: Engine;
  inTransaction: boolean;
  /** In a transaction on SQLite; null elsewhere (see DirectSql). */
  direct: DirectSql | null;
  /** Story events this transaction holds already (PostgreSQL's advisory locks, held until it ends). */
  lockedEvents: Set<string>;
}
