import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { StoreOpenError } from '../../errors.ts';
import type { DirectSql } from '../sql/engine.ts';
import { migrationProvider } from '../sql/migrations.ts';
import type { Database } from '../sql/schema.ts';
import { sqlStore } from '../sql/sql-store.ts';
import type { Store } from '../store.ts';
import { startCheckpointer } from './checkpointer.ts';
import { openDatabaseFile } from './open-file.ts';

export interface SqliteStoreOptions {
  /** A file path, or ":memory:". */
  path: string;
  /** clubwatch's own data folder: created (or narrowed) to its owner alone, 0700. */
  dataDir?: string;
}

/**
 * The store holds secrets (the Bluesky session's tokens): the data folder is its owner's alone (0700)
 * and the database files are read and written by the owner only (0600), on a new store as on one an
 * earlier version created wider.
 */
function keepPrivate(path: string, dataDir: string | undefined): void {
  if (dataDir) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    try {
      chmodSync(dataDir, 0o700);
    } catch (err) {
      // A folder someone else owns (a volume mounted by root, say) keeps its mode; the files below are still private.
      if ((err as NodeJS.ErrnoException).code !== 'EPERM') throw err;
    }
  }
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  // Created before SQLite opens it, so it is never readable by others, not even for a moment.
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (existsSync(file)) chmodSync(file, 0o600);
  }
}

/** Opens (creating when needed) the SQLite file in WAL mode and applies pending migrations. */
export async function openSqliteStore(options: SqliteStoreOptions): Promise<Store> {
  const { db, database, prepare } = await openSqliteDatabase(options);
  const checkpointer = options.path === ':memory:' ? null : startCheckpointer(database, options.path);
  return sqlStore(db, {
    engine: 'sqlite',
    direct: directSql(prepare),
    // Hands the pages that pruning freed back to the file system.
    afterPrune: () => database.pragma('incremental_vacuum'),
    afterClose: () => checkpointer?.stop() ?? Promise.resolve(),
  });
}

/** The SQLite file as Kysely sees it, migrated: for the store, and for copying it elsewhere. */
export async function openSqliteDatabase(
  options: SqliteStoreOptions,
): Promise<{ db: Kysely<Database>; database: BetterSqlite3.Database; prepare: (sql: string) => BetterSqlite3.Statement }> {
  if (options.path !== ':memory:') {
    try {
      keepPrivate(options.path, options.dataDir);
    } catch {
      // A data folder that is a file, say: opening the database says so in words.
    }
  }
  const database = openDatabaseFile(options.path);
  // The journal files SQLite creates take the database file's mode; this makes sure of it.
  if (options.path !== ':memory:') keepPrivate(options.path, undefined);
  useIncrementalVacuum(database);
  const prepare = statementCache(database);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: { close: () => database.close(), prepare } }) });
  const { error } = await new Migrator({ db, provider: migrationProvider('sqlite') }).migrateToLatest();
  if (error) {
    await db.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreOpenError(`could not prepare the database ${options.path}: ${reason}`, { cause: error });
  }
  return { db, database, prepare };
}

/**
 * Pages freed by pruning are given back with `incremental_vacuum`, which needs auto_vacuum set to
 * incremental: set before the first table of a new file, or converted once with a VACUUM.
 */
function useIncrementalVacuum(database: BetterSqlite3.Database): void {
  const incremental = 2;
  if (database.pragma('auto_vacuum', { simple: true }) === incremental) return;
  database.pragma('auto_vacuum = INCREMENTAL');
  // Takes effect once the file is rewritten: at once while it is empty, once for an older file.
  if (database.pragma('auto_vacuum', { simple: true }) !== incremental) database.exec('VACUUM');
}

/**
 * Kysely asks SQLite to prepare every query anew; the bot runs the same few hundred queries over and
 * over, so prepared statements are kept and reused (a bounded cache: queries with long `in` lists
 * vary), by Kysely and by the statements a transaction runs directly alike.
 */
function statementCache(database: BetterSqlite3.Database): (sql: string) => BetterSqlite3.Statement {
  const statements = new Map<string, BetterSqlite3.Statement>();
  return (sql) => {
    let statement = statements.get(sql);
    if (!statement) {
      if (statements.size >= 500) statements.clear();
      statement = database.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
}

function directSql(prepare: (sql: string) => BetterSqlite3.Statement): DirectSql {
  return {
    all: <R>(sql: string, params: readonly unknown[]) => prepare(sql).all(params) as R[],
    get: <R>(sql: string, params: readonly unknown[]) => prepare(sql).get(params) as R | undefined,
    run: (sql, params) => prepare(sql).run(params).changes,
  };
}
