import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema.ts';

/** The engines the one SQL store runs on; where they differ, the code asks which it is on. */
export type Engine = 'sqlite' | 'postgres';

export type Db = Kysely<Database> | Transaction<Database>;

/** What a concern's queries need: the connection (or the transaction) and the engine beneath. */
export interface SqlContext {
  db: Db;
  engine: Engine;
  inTransaction: boolean;
  /** Story events this transaction holds already (PostgreSQL's advisory locks, held until it ends). */
  lockedEvents: Set<string>;
}
