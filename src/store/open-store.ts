import type { Config } from '../config/config.ts';
import type { Secrets } from '../config/secrets.ts';
import { openSqliteStore } from './sqlite/sqlite-store.ts';
import type { Store } from './store.ts';

/** PostgreSQL when `CLUBWATCH_DATABASE_URL` names one; the SQLite file otherwise (the default). */
export async function openStore(config: Pick<Config, 'databasePath' | 'dataDir'>, secrets: Pick<Secrets, 'databaseUrl'>): Promise<Store> {
  if (secrets.databaseUrl) {
    // Loaded only when chosen: a bot on SQLite never loads the PostgreSQL client.
    const { openPostgresStore } = await import('./postgres/postgres-store.ts');
    return openPostgresStore({ url: secrets.databaseUrl });
  }
  return openSqliteStore({ path: config.databasePath, dataDir: config.dataDir });
}
