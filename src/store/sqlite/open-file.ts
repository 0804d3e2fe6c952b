import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describeSystemError, StoreOpenError } from '../../errors.ts';

const whereToFix = 'CLUBWATCH_DATA_DIR or CLUBWATCH_DATABASE chooses another';

/**
 * Opens the SQLite file (creating its folder when needed) in WAL mode. Every way this can fail
 * (the data folder is a file, the file is not a database, no permission) is a StoreOpenError in words.
 */
export function openDatabaseFile(path: string): BetterSqlite3.Database {
  if (path !== ':memory:') {
    const folder = dirname(path);
    const existing = statSync(folder, { throwIfNoEntry: false });
    if (existing && !existing.isDirectory()) {
      throw new StoreOpenError(`the data folder ${folder} is a file, not a folder (${whereToFix})`);
    }
    try {
      mkdirSync(folder, { recursive: true });
    } catch (err) {
      throw new StoreOpenError(`cannot create the data folder ${folder}: ${describeSystemError(err)} (${whereToFix})`, { cause: err });
    }
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) {
      throw new StoreOpenError(`the database ${path} is a folder, not a file (${whereToFix})`);
    }
  }
  let database: BetterSqlite3.Database | undefined;
  try {
    database = new BetterSqlite3(path);
    database.pragma('journal_mode = WAL');
    database.pragma('synchronous = NORMAL');
    database.pragma('busy_timeout = 5000');
    return database;
  } catch (err) {
    database?.close();
    const code = (err as { code?: unknown }).code;
    if (code === 'SQLITE_NOTADB') {
      throw new StoreOpenError(`${path} is not a SQLite database (${whereToFix})`, { cause: err });
    }
    const reason = typeof code === 'string' && code.startsWith('SQLITE_') ? (err as Error).message : describeSystemError(err);
    throw new StoreOpenError(`cannot open the database ${path}: ${reason}`, { cause: err });
  }
}
