import { randomBytes } from 'node:crypto';
import { openPostgresStore } from '../../src/store/postgres/postgres-store.ts';
import type { Store } from '../../src/store/store.ts';

/** The PostgreSQL the tests may use (`.ci/run` sets it); without it the PostgreSQL tests are skipped. */
export const testDatabaseUrl = process.env.CLUBWATCH_TEST_DATABASE_URL ?? null;

/** A schema name no other test uses. */
export function testSchema(): string {
  return `test_${randomBytes(6).toString('hex')}`;
}

/** A store in a schema of its own, dropped when the store is closed. */
export function openTestPostgresStore(schema = testSchema(), options: { dropSchemaOnClose?: boolean; poolSize?: number } = {}): Promise<Store> {
  if (!testDatabaseUrl) throw new Error('CLUBWATCH_TEST_DATABASE_URL is not set');
  return openPostgresStore({ url: testDatabaseUrl, schema, dropSchemaOnClose: options.dropSchemaOnClose ?? true, ...(options.poolSize ? { poolSize: options.poolSize } : {}) });
}

/** The URL that puts a process's tables in `schema` (for child processes, which read CLUBWATCH_DATABASE_URL). */
export function urlWithSchema(schema: string): string {
  if (!testDatabaseUrl) throw new Error('CLUBWATCH_TEST_DATABASE_URL is not set');
  const url = new URL(testDatabaseUrl);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}
