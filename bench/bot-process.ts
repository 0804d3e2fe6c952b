import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Watch } from '../src/store/store.ts';
import { sourceIdFor } from '../src/sources/source-id.ts';
import { nextSlot } from '../src/sources/schedule.ts';
import { openSqliteStore } from '../src/store/sqlite/sqlite-store.ts';
import type { BenchEnvironment } from './bench-env.ts';
import { repoRoot } from './bench-env.ts';
import type { BenchServer } from './discord-peer.ts';

export interface SeedSource {
  url: string;
  /** Already read once, with this ETag; polled next at its own slot, or at `nextFetchAt`. */
  etag: string;
  nextFetchAt?: Date;
}

/**
 * Writes what a bot that has been running for a while knows: servers with their channel set, their
 * watches, and sources already read once (so nothing is announced from a first read). Goes through
 * the bot's own store, then closes it before the bot opens it.
 */
export async function seedStore(
  env: BenchEnvironment,
  seed: { servers: BenchServer[]; watches: Watch[]; sources: SeedSource[]; now?: Date },
): Promise<void> {
  const config = env.config();
  const store = await openSqliteStore({ path: config.databasePath });
  const now = seed.now ?? new Date();
  const interval = config.sources.pollIntervalSeconds;
  try {
    for (const { serverId, channelId } of seed.servers) {
      await store.updateServerSettings(serverId, { channelId });
      for (const watch of seed.watches) await store.addWatch(serverId, watch);
    }
    for (const source of seed.sources) {
      const id = sourceIdFor('feed', source.url);
      const nextFetchAt = (source.nextFetchAt ?? nextSlot(id, interval, now)).toISOString();
      await store.addSource({ id, url: source.url, kind: 'feed', origin: 'config', intervalSeconds: interval, nextFetchAt });
      await store.recordFetchSuccess(id, {
        etag: source.etag,
        lastModified: null,
        bodyHash: null,
        fetchedAt: new Date(now.getTime() - interval * 1000).toISOString(),
        nextFetchAt,
      });
    }
  } finally {
    await store.close();
  }
}

interface LogLine {
  msg?: string;
  level?: number;
  time?: number;
  [key: string]: unknown;
}

/** `clubwatch start` in its own process, as an operator runs it, with its log lines parsed. */
export interface BotProcess {
  child: ChildProcess;
  /** `Date.now()` just before the process was spawned. */
  spawnedAt: number;
  logs: LogLine[];
  /** Lines that were not the bot's JSON log, e.g. node-cron's own warnings. */
  otherLines: string[];
  /** Resolves with the first log line whose message is `msg` (waits for it to come). */
  waitForLog(msg: string, timeoutMs: number): Promise<LogLine>;
  stop(): Promise<void>;
}

const inheritedPrefixes = ['CLUBWATCH_', 'DISCORD_', 'BLUESKY_'];

/** The Node.js options of `npm start` ("node --max-semi-space-size=2 dist/src/cli.js start"), for the compiled bot. */
function npmStartFlags(): string[] {
  const { scripts } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  return (scripts.start ?? '').split(/\s+/).filter((word) => word.startsWith('--'));
}

/**
 * `entry` is the bot's entry point: `bin/clubwatch.js` (`npx clubwatch`: TypeScript through
 * tsx) by default, or a compiled `cli.js`, run with the Node.js options of `npm start` (as the Docker image runs it).
 */
export function spawnBot(env: BenchEnvironment, extraVars: Record<string, string> = {}, entry?: string): BotProcess {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !inheritedPrefixes.some((prefix) => name.startsWith(prefix))));
  const spawnedAt = Date.now();
  const args = entry ? [...npmStartFlags(), entry, 'start'] : [join(repoRoot, 'bin', 'clubwatch.js'), 'start'];
  const child = spawn(process.execPath, args, {
    cwd: env.dir,
    env: { ...inherited, ...env.vars, CLUBWATCH_LOG_LEVEL: 'info', ...extraVars },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const logs: LogLine[] = [];
  const otherLines: string[] = [];
  const waiters: Array<{ msg: string; resolve: (line: LogLine) => void }> = [];
  createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (text) => {
    let line: LogLine;
    try {
      line = JSON.parse(text) as LogLine;
    } catch {
      // node-cron warns on the console each second a job is still running; those are counted, not echoed.
      if (!/NODE-CRON.*overlap/.test(text)) process.stderr.write(`bench: clubwatch said: ${text}\n`);
      otherLines.push(text);
      return;
    }
    logs.push(line);
    if ((line.level ?? 0) >= 50) process.stderr.write(`bench: clubwatch logged an error: ${text}\n`);
    for (const waiter of waiters.filter((w) => w.msg === line.msg)) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(line);
    }
  });
  const exited = once(child, 'exit');
  return {
    child,
    spawnedAt,
    logs,
    otherLines,
    waitForLog(msg, timeoutMs) {
      const found = logs.find((line) => line.msg === msg);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`clubwatch did not log "${msg}" within ${timeoutMs} ms`)), timeoutMs);
        void exited.then(() => reject(new Error(`clubwatch exited before logging "${msg}"`)));
        waiters.push({
          msg,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
      });
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
