import { existsSync } from 'node:fs';
import type { Config } from '../config/config.ts';
import type { Secrets } from '../config/secrets.ts';
import { UserError } from '../errors.ts';
import { openStore } from '../store/open-store.ts';
import { copySqliteToPostgres, isEmpty } from '../store/sql/copy.ts';

/** `clubwatch migrate`: brings the store (SQLite file or PostgreSQL) to the current version, then exits. */
export async function runMigrate(config: Config, secrets: Secrets, out: NodeJS.WritableStream): Promise<void> {
  const store = await openStore(config, secrets);
  await store.close();
  if (secrets.databaseUrl) {
    const { describeDatabaseUrl } = await import('../store/postgres/postgres-store.ts');
    out.write(`The PostgreSQL database at ${describeDatabaseUrl(secrets.databaseUrl)} is up to date.\n`);
  } else {
    out.write(`The SQLite file ${config.databasePath} is up to date.\n`);
  }
}

/**
 * `clubwatch store copy --to postgres://…`: the SQLite file of this installation into an empty
 * PostgreSQL database, history, outbox and all, so that the bot started on it posts nothing twice.
 */
export async function runStoreCopy(config: Config, to: string | undefined, out: NodeJS.WritableStream): Promise<void> {
  if (!to || !/^postgres(ql)?:\/\//.test(to)) throw new UserError('Usage: clubwatch store copy --to postgres://user@host:5432/database');
  if (config.databasePath === ':memory:' || !existsSync(config.databasePath)) {
    throw new UserError(`there is no SQLite file to copy at ${config.databasePath} (CLUBWATCH_DATA_DIR or CLUBWATCH_DATABASE says where it is)`);
  }
  const { describeDatabaseUrl, openPostgresDatabase } = await import('../store/postgres/postgres-store.ts');
  const { openSqliteDatabase } = await import('../store/sqlite/sqlite-store.ts');
  const { db: from } = await openSqliteDatabase({ path: config.databasePath });
  try {
    const target = await openPostgresDatabase({ url: to });
    try {
      if (!(await isEmpty(target))) {
        throw new UserError(`the PostgreSQL database at ${describeDatabaseUrl(to)} already holds data: copy into an empty database`);
      }
      const counts = await copySqliteToPostgres(from, target);
      const summary = Object.entries(counts)
        .filter(([, n]) => n > 0)
        .map(([table, n]) => `${n} ${table}`)
        .join(', ');
      out.write(`Copied ${config.databasePath} to ${describeDatabaseUrl(to)}: ${summary || 'nothing (the file was empty)'}.\n`);
      out.write('Set CLUBWATCH_DATABASE_URL to that address to run the bot on it.\n');
    } finally {
      await target.destroy();
    }
  } finally {
    await from.destroy();
  }
}
