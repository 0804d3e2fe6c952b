import { statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type BetterSqlite3 from 'better-sqlite3';

/**
 * WAL checkpoints on a thread of their own. SQLite copies the write-ahead log back into the
 * database every 1,000 pages, inside whichever commit crosses the mark, and syncs the file to disk
 * there: on a busy disk that one commit holds the main thread for tens to hundreds of
 * milliseconds. Here the main connection never checkpoints; a worker thread with its own
 * connection does it every `everyMs` (PASSIVE: it waits for no reader and no writer). Should the
 * worker stop, the main connection checkpoints again as SQLite does by default. The thread starts
 * only once the log has grown to the size at which SQLite itself would checkpoint (no commit does
 * it meanwhile): a bot that writes little never pays for the thread.
 */
export interface Checkpointer {
  stop(): Promise<void>;
}

const code = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const timer = setInterval(() => {
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
}, workerData.everyMs);
parentPort.once('message', () => {
  clearInterval(timer);
  try { db.pragma('wal_checkpoint(PASSIVE)'); } catch {}
  db.close();
  parentPort.close();
});
`;

/** SQLite's own mark: 1,000 pages of 4 KB. */
const startAtLogBytes = 1_000 * 4_096;

export function startCheckpointer(database: BetterSqlite3.Database, path: string, everyMs = 2_000): Checkpointer {
  database.pragma('wal_autocheckpoint = 0');
  let worker: Worker | null = null;
  let stopping = false;
  const fallBack = () => {
    if (!stopping && database.open) database.pragma('wal_autocheckpoint = 1000');
  };
  const logBytes = (): number => {
    try {
      return statSync(`${path}-wal`).size;
    } catch {
      return 0;
    }
  };
  const watch = setInterval(() => {
    if (worker || stopping || logBytes() < startAtLogBytes) return;
    worker = new Worker(code, {
      eval: true,
      workerData: { module: createRequire(import.meta.url).resolve('better-sqlite3'), path, everyMs },
      // It allocates next to nothing: a small heap keeps the bot small.
      resourceLimits: { maxYoungGenerationSizeMb: 1, maxOldGenerationSizeMb: 16, stackSizeMb: 1 },
    });
    worker.unref();
    worker.once('error', fallBack);
    worker.once('exit', fallBack);
    clearInterval(watch);
  }, everyMs);
  watch.unref();
  return {
    async stop() {
      if (stopping) return;
      stopping = true;
      clearInterval(watch);
      const running = worker;
      if (!running) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      // Held until the thread has closed its connection: otherwise a process with nothing else
      // to do would end here, with the store half closed.
      running.ref();
      running.postMessage('stop');
      await exited;
    },
  };
}
