import { fileURLToPath } from 'node:url';
import type { ChildProcess } from 'node:child_process';
import { loadCatalog } from '../src/catalog/load-catalog.ts';
import { openPostgresStore } from '../src/store/postgres/postgres-store.ts';
import { sourceIdFor } from '../src/sources/source-id.ts';
import { generateFeeds } from './feed-corpus.ts';
import { forkBench, machineLoad, nextMessage, progress } from './measure.ts';
import type { WorkerSetup } from './pg-worker.ts';

export interface PgFigures {
  pg_ingest_items_per_s: number | null;
  pg_ingest_items_per_s_2_workers: number | null;
  pg_detail: unknown;
}

/**
 * Feed bytes → stored announcements on PostgreSQL, by one worker process and then by two sharing
 * the database (each claiming sources' reads, as `--role worker` does): items recorded per second
 * of wall time, from the moment every worker is ready. Each run starts from its own fresh schema
 * with the same sources, each read once before. Needs `CLUBWATCH_BENCH_DATABASE_URL` (or the tests'
 * `CLUBWATCH_TEST_DATABASE_URL`); without one the figures are n/a.
 */
export async function runPgBench(options: { feeds: number; itemsPerFeed: number }): Promise<PgFigures> {
  const url = process.env.CLUBWATCH_BENCH_DATABASE_URL ?? process.env.CLUBWATCH_TEST_DATABASE_URL;
  if (!url) {
    progress('pg: no PostgreSQL (set CLUBWATCH_BENCH_DATABASE_URL): skipped');
    return { pg_ingest_items_per_s: null, pg_ingest_items_per_s_2_workers: null, pg_detail: { skipped: 'no PostgreSQL' } };
  }
  const one = await ingestWith(url, 1, options);
  const two = await ingestWith(url, 2, options);
  return {
    pg_ingest_items_per_s: one.itemsPerS,
    pg_ingest_items_per_s_2_workers: two.itemsPerS,
    pg_detail: { one_worker: one, two_workers: two, speedup: Math.round((two.itemsPerS / one.itemsPerS) * 100) / 100 },
  };
}

async function ingestWith(url: string, workers: number, options: { feeds: number; itemsPerFeed: number }) {
  const schema = `bench_${process.pid}_${workers}`;
  const now = new Date();
  const catalog = loadCatalog(fileURLToPath(new URL('../config/catalog', import.meta.url)));
  const feeds = generateFeeds({ feeds: options.feeds, itemsPerFeed: options.itemsPerFeed, now, clubs: catalog.entries });
  const store = await openPostgresStore({ url, schema, dropSchemaOnClose: true });
  const children: ChildProcess[] = [];
  try {
    // Every source read once before (a first read is only recorded), and due now.
    for (const feed of feeds) {
      const id = sourceIdFor('feed', feed.url);
      await store.addSource({ id, url: feed.url, kind: 'feed', origin: 'config', intervalSeconds: 600, nextFetchAt: now.toISOString() });
      await store.recordFetchSuccess(id, { etag: null, lastModified: null, bodyHash: null, fetchedAt: new Date(now.getTime() - 600_000).toISOString(), nextFetchAt: now.toISOString() });
    }
    const databaseUrl = withSchema(url, schema);
    const setup: WorkerSetup = { databaseUrl, feeds: options.feeds, itemsPerFeed: options.itemsPerFeed, now: now.toISOString() };
    for (let n = 0; n < workers; n += 1) children.push(forkBench('./pg-worker.ts'));
    await Promise.all(
      children.map(async (child) => {
        const ready = nextMessage<{ ready?: boolean; error?: string }>(child);
        child.send(setup);
        const answer = await ready;
        if (answer.error) throw new Error(answer.error);
      }),
    );
    const load = machineLoad().load1;
    const started = performance.now();
    const results = await Promise.all(
      children.map(async (child) => {
        const done = nextMessage<{ items?: number; wallMs?: number; cpuMs?: number; error?: string }>(child);
        child.send('go');
        const answer = await done;
        if (answer.error) throw new Error(answer.error);
        return { items: answer.items ?? 0, cpuS: Math.round(answer.cpuMs ?? 0) / 1000 };
      }),
    );
    const wallS = (performance.now() - started) / 1000;
    const items = results.reduce((sum, result) => sum + result.items, 0);
    const itemsPerS = Math.round(items / wallS);
    const perWorker = results.map((result) => `${result.items} items, ${result.cpuS} s CPU`).join('; ');
    progress(`pg: ${workers} worker(s): ${items} items in ${wallS.toFixed(2)} s, ${itemsPerS} items/s (load average ${load}); per worker ${perWorker}`);
    return { items, wall_s: Math.round(wallS * 100) / 100, itemsPerS, per_worker: results, load_before: load };
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    await store.close();
  }
}

function withSchema(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}
