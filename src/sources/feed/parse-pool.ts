import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { FeedParseError, type FeedParseFailureReason } from '../../errors.ts';
import type { ReadFeedResult } from '../feed-reader.ts';
import { readFeedLazily } from './read-feed-lazily.ts';

export interface ParseTask {
  id: number;
  body: ArrayBuffer;
  contentType: string | null;
}

export type ParseReply =
  | { id: number; feed: ReadFeedResult }
  | { id: number; error: { message: string; reason: FeedParseFailureReason | null } };

export interface FeedParserOptions {
  /** Worker threads; 0 parses everything on the calling thread. */
  threads: number;
  /** Bodies smaller than this are parsed inline: a thread hop costs more than they do (default 256 KB). */
  inlineBelowBytes?: number;
  /** Bodies waiting for a thread beyond which a parse is refused (default 16 per thread). */
  maxQueue?: number;
}

interface FeedParserStats {
  inline: number;
  inWorkers: number;
  refused: number;
}

/** Reads feed bodies into items; large ones on worker threads, so the main thread only waits on I/O. */
export interface FeedParser {
  parse(body: Buffer, contentType: string | null): Promise<ReadFeedResult>;
  stats(): FeedParserStats;
  close(): Promise<void>;
}

/** Thrown when every thread is busy and the queue is full: the source is read again later. */
export class FeedParserBusyError extends Error {
  override name = 'FeedParserBusyError';
}

interface Pending {
  task: ParseTask;
  resolve: (feed: ReadFeedResult) => void;
  reject: (err: Error) => void;
}

interface PoolWorker {
  worker: Worker;
  current: Pending | null;
}

export function createFeedParser(options: FeedParserOptions): FeedParser {
  const inlineBelow = options.inlineBelowBytes ?? 256 * 1024;
  const maxQueue = options.maxQueue ?? 16 * Math.max(1, options.threads);
  const stats: FeedParserStats = { inline: 0, inWorkers: 0, refused: 0 };
  const workers: PoolWorker[] = [];
  const queue: Pending[] = [];
  let nextId = 1;
  let closed = false;

  function spawn(): PoolWorker {
    const entry = workerEntry();
    const worker = new Worker(entry.code, { eval: true, workerData: entry.data });
    const member: PoolWorker = { worker, current: null };
    // Idle workers do not keep the process alive.
    worker.unref();
    worker.on('message', (reply: ParseReply) => {
      const pending = member.current;
      member.current = null;
      worker.unref();
      if (pending) {
        if ('feed' in reply) pending.resolve(reply.feed);
        else pending.reject(new FeedParseError(reply.error.message, reply.error.reason ?? 'malformed'));
      }
      dispatch();
    });
    worker.on('error', (err) => {
      member.current?.reject(new Error('the feed parser thread failed', { cause: err }));
      member.current = null;
      workers.splice(workers.indexOf(member), 1);
      dispatch();
    });
    workers.push(member);
    return member;
  }

  function dispatch(): void {
    while (queue.length > 0 && !closed) {
      let member = workers.find((candidate) => candidate.current === null);
      if (!member && workers.length < options.threads) member = spawn();
      if (!member) return;
      const pending = queue.shift() as Pending;
      member.current = pending;
      member.worker.ref();
      member.worker.postMessage(pending.task, [pending.task.body]);
    }
  }

  return {
    async parse(body, contentType) {
      if (options.threads === 0 || body.length < inlineBelow || closed) {
        stats.inline += 1;
        return readFeedLazily(body, { contentType });
      }
      if (queue.length >= maxQueue) {
        stats.refused += 1;
        throw new FeedParserBusyError(`every feed parser thread is busy (${queue.length} bodies waiting); read again later`);
      }
      stats.inWorkers += 1;
      // A copy of the bytes is moved to the thread, not cloned again on the way.
      const copy = new Uint8Array(body.length);
      copy.set(body);
      return new Promise<ReadFeedResult>((resolve, reject) => {
        queue.push({ task: { id: nextId++, body: copy.buffer, contentType }, resolve, reject });
        dispatch();
      });
    },
    stats: () => ({ ...stats }),
    async close() {
      closed = true;
      for (const pending of queue.splice(0)) pending.reject(new Error('the feed parser was closed'));
      await Promise.all(workers.splice(0).map((member) => member.worker.terminate()));
    },
  };
}

/**
 * The worker runs the same code as the caller: the compiled JavaScript, or the TypeScript sources
 * through tsx when the bot runs from them (tests, `npx clubwatch` before a build).
 */
function workerEntry(): { code: string; data: { entry: string; tsx: string | null } } {
  const fromSources = import.meta.url.endsWith('.ts');
  const entry = new URL(fromSources ? './parse-worker.ts' : './parse-worker.js', import.meta.url).href;
  const tsx = fromSources ? tsxLoaderUrl() : null;
  const code = `
    const { workerData } = require('node:worker_threads');
    (async () => {
      if (workerData.tsx) (await import(workerData.tsx)).register();
      await import(workerData.entry);
    })().catch((err) => { throw err; });
  `;
  return { code, data: { entry, tsx } };
}

/** tsx's ESM register API (`require.resolve` would give its CommonJS build, which cannot run in a worker's loader). */
function tsxLoaderUrl(): string {
  const manifestPath = createRequire(import.meta.url).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { exports: Record<string, { import: string | { default: string } }> };
  const target = manifest.exports['./esm/api']?.import;
  if (target === undefined) throw new Error('tsx does not export esm/api');
  return pathToFileURL(join(dirname(manifestPath), typeof target === 'string' ? target : target.default)).href;
}
