import type { Logger } from '../logger.ts';
import type { Item } from '../items/item.ts';
import type { SourceKind, SourceRecord, Store } from '../store/store.ts';
import { nextAfterFailure, nextSlot } from './schedule.ts';
import type { SourceReader } from './source-reader.ts';

export interface PollOutcome {
  sourceId: string;
  status: 'items' | 'unchanged' | 'failed';
  newItems?: number;
  error?: string;
}

export interface PollerOptions {
  store: Store;
  readers: SourceReader[];
  /** What to do with a read's items: the rest of the pipeline. Returns how many items were new. */
  ingest: (source: SourceRecord, items: Item[], title: string | null) => Promise<number>;
  logger: Logger;
  /** Sources read at once. */
  concurrency?: number;
  now?: () => Date;
}

/**
 * One short tick picks the sources that are due and reads each once (a URL shared by many
 * subscribers is one source). Each source fails alone; a failing one is retried with backoff and
 * stays visible with "failing since" and its last error.
 */
export class SourcePoller {
  private readonly readers: Map<SourceKind, SourceReader>;
  private readonly now: () => Date;
  private ticking: Promise<PollOutcome[]> | null = null;

  constructor(private readonly options: PollerOptions) {
    this.readers = new Map(options.readers.map((reader) => [reader.kind, reader]));
    this.now = options.now ?? (() => new Date());
  }

  /** Polls what is due; a tick while one runs joins it rather than overlapping. */
  tick(): Promise<PollOutcome[]> {
    this.ticking ??= this.pollDue().finally(() => {
      this.ticking = null;
    });
    return this.ticking;
  }

  async idle(): Promise<void> {
    await this.ticking?.catch(() => undefined);
  }

  private async pollDue(): Promise<PollOutcome[]> {
    const concurrency = this.options.concurrency ?? 4;
    const due = await this.options.store.listDueSources(this.now().toISOString(), concurrency * 25);
    const outcomes: PollOutcome[] = [];
    const queue = due.filter((source) => this.readers.has(source.kind));
    const workers = Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
      for (let source = queue.shift(); source; source = queue.shift()) outcomes.push(await this.poll(source));
    });
    await Promise.all(workers);
    return outcomes;
  }

  /** Reads one source now, whatever its schedule. */
  async poll(source: SourceRecord): Promise<PollOutcome> {
    const { store, logger } = this.options;
    const reader = this.readers.get(source.kind);
    const startedAt = this.now();
    try {
      if (!reader) throw new Error(`no reader for ${source.kind} sources`);
      const result = await reader.read(source);
      let newItems = 0;
      if (result.status === 'items') newItems = await this.options.ingest(source, result.items, result.title);
      const fetchedAt = this.now();
      await store.recordFetchSuccess(source.id, {
        etag: result.etag,
        lastModified: result.lastModified,
        bodyHash: result.bodyHash,
        ...(result.status === 'items' && result.title ? { title: result.title } : {}),
        fetchedAt: fetchedAt.toISOString(),
        nextFetchAt: nextSlot(source.id, source.intervalSeconds, fetchedAt).toISOString(),
      });
      if (source.failingSince) logger.info({ sourceId: source.id, url: source.url }, 'source reachable again');
      logger.debug({ sourceId: source.id, status: result.status, newItems }, 'read source');
      return { sourceId: source.id, status: result.status, newItems };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      const next = nextAfterFailure(source.intervalSeconds, source.consecutiveFailures + 1, startedAt);
      await store.recordFetchFailure(source.id, { error: message, fetchedAt: startedAt.toISOString(), nextFetchAt: next.toISOString() });
      // Once per failing streak, as one plain line: the reason and when it will be tried again.
      const log = source.failingSince ? logger.debug.bind(logger) : logger.warn.bind(logger);
      log({ sourceId: source.id, url: source.url, reason: message, nextRetryAt: next.toISOString() }, 'source unreachable');
      return { sourceId: source.id, status: 'failed', error: message };
    }
  }
}
