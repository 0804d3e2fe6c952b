import { setTimeout as sleep } from 'node:timers/promises';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { describeSystemError, StoreOpenError } from '../../errors.ts';
import { migrationProvider } from '../sql/migrations.ts';
import type { Database } from '../sql/schema.ts';
import { sqlStore } from '../sql/sql-store.ts';
import type { Store } from '../store.ts';

export interface PostgresStoreOptions {
  /** `postgres://user:password@host:port/database`: a secret, never logged nor shown. */
  url: string;
  /** The schema to keep the tables in (created when missing); the user's default schema otherwise. */
  schema?: string;
  /** Connections kept open at most (default 10). */
  poolSize?: number;
  /** Drops the schema when the store is closed (tests, each in a schema of its own). */
  dropSchemaOnClose?: boolean;
}

/** Where the database is, without the user's password: for messages. */
export function describeDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || '5432'}${parsed.pathname}`;
  } catch {
    return 'the database in CLUBWATCH_DATABASE_URL';
  }
}

function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Statements prepared by name at most, of every connection: the store's own are a few dozen. */
const maxPrepared = 256;
/** More parameters than this is a statement whose text varies with a list's length: it is not kept. */
const maxPreparedParameters = 24;

/**
 * PostgreSQL parses and plans an unnamed statement anew each time it is sent. The store sends the
 * same few dozen statements over and over (several for every item read), so each connection keeps
 * those prepared by name after their first use and sends only their values afterwards.
 */
function keepStatementsPrepared(pool: pg.Pool): void {
  const names = new Map<string, string>();
  const nameOf = (text: string): string | undefined => {
    let name = names.get(text);
    if (name === undefined && names.size < maxPrepared) {
      name = `clubwatch_${names.size + 1}`;
      names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    const prepared = (...args: unknown[]): unknown => {
      const [text, values] = args;
      if (typeof text === 'string' && Array.isArray(values) && values.length > 0 && values.length <= maxPreparedParameters && args.length === 2) {
        const name = nameOf(text);
        if (name !== undefined) return query({ name, text, values });
      }
      return query(...args);
    };
    client.query = prepared as typeof client.query;
  });
}

/** Undefined schema, table or column: what reading the catalog meets when another process changes it meanwhile. */
function isCatalogRace(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '3F000' || code === '42P01' || code === '42703';
}

/** Opens a pool of connections to PostgreSQL and applies pending migrations. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const db = await openPostgresDatabase(options);
  const schema = options.schema;
  return sqlStore(db, {
    engine: 'postgres',
    afterClose: async () => {
      if (!options.dropSchemaOnClose || !schema) return;
      const client = new pg.Client({ connectionString: options.url });
      await client.connect();
      try {
        await client.query(`drop schema if exists ${quoteIdentifier(schema)} cascade`);
      } finally {
        await client.end();
      }
    },
  });
}

/** PostgreSQL as Kysely sees it, migrated: for the store, and for copying a SQLite file into it. */
export async function openPostgresDatabase(options: PostgresStoreOptions): Promise<Kysely<Database>> {
  const where = describeDatabaseUrl(options.url);
  const schema = options.schema;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    ...(schema ? { options: `-c search_path=${quoteIdentifier(schema)}` } : {}),
  });
  // A connection dropped while idle (PostgreSQL restarted) is replaced; the next query says what failed.
  pool.on('error', () => undefined);
  keepStatementsPrepared(pool);
  let tablesIn: string | null;
  try {
    if (schema) await pool.query(`create schema if not exists ${quoteIdentifier(schema)}`);
    tablesIn = (await pool.query<{ schema: string | null }>('select current_schema() as schema')).rows[0]?.schema ?? null;
  } catch (err) {
    await pool.end();
    throw new StoreOpenError(`cannot reach PostgreSQL at ${where}: ${describeSystemError(err)}`, { cause: err });
  }
  if (!tablesIn) {
    await pool.end();
    throw new StoreOpenError(`PostgreSQL at ${where} has no schema to keep the tables in (the search_path names none that exists)`);
  }
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  // Named, so that the migrations' own table is looked for in this schema only, not in any other.
  const migrator = new Migrator({ db, provider: migrationProvider('postgres'), migrationTableSchema: tablesIn });
  let { error } = await migrator.migrateToLatest();
  // The migrator looks for its own table by reading the catalog of every schema; a schema dropped or
  // altered by another process while it reads ("schema … does not exist") fails that read, not the
  // migration: it is read again.
  for (let attempt = 1; error && isCatalogRace(error) && attempt <= 3; attempt++) {
    await sleep(100 * attempt);
    ({ error } = await migrator.migrateToLatest());
  }
  if (error) {
    await db.destroy();
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreOpenError(`could not prepare the database at ${where}: ${reason}`, { cause: error });
  }
  return db;
}
