import type { Logger } from '../logger.ts';
import type { Item } from '../items/item.ts';
import type { SourceKind, SourceRecord, Store } from '../store/store.ts';
import { SourceFetchError } from '../errors.ts';
import { HostLimiter } from './host-limiter.ts';
import { nextAfterFailure, nextSlot, slowReadFactor } from './schedule.ts';
import type { SourceReader } from './source-reader.ts';

/** Records a read's success in the store it is given (the transaction that records its items). */
type RecordRead = (store: Store) => Promise<void>;

export interface PollOutcome {
  sourceId: string;
  status: 'items' | 'unchanged' | 'failed';
  newItems?: number;
  error?: string;
}

export interface PollerOptions {
  store: Store;
  readers: SourceReader[];
  /**
   * What to do with a read's items: the rest of the pipeline. Returns how many items were new.
   * `recordRead` records the read itself (validators, body hash, next read): called in the
   * transaction that records the items, the read is recorded whole or not at all, in one commit;
   * when it is not called, the poller records the read after.
   */
  ingest: (source: SourceRecord, items: Item[], title: string | null, recordRead: RecordRead) => Promise<number>;
  logger: Logger;
  /** Sources read at once, in all (default 32). */
  concurrency?: number;
  /** Sources of one host read at once (default 2). */
  perHostConcurrency?: number;
  /** A read that succeeds but takes this long or longer makes the source's next read later (default 5 s). */
  slowReadMs?: number;
  /** A server's source is read only while one of its servers is active or paused for less than this (default a week). */
  unreadAfterMs?: number;
  /**
   * Other processes share the store and read sources too: each read is claimed first, so that a
   * source is read by one process at a time (a read never finished is taken again an interval later).
   */
  claimReads?: boolean;
  now?: () => Date;
}

const weekMs = 7 * 86_400_000;
/** A publisher's Retry-After is honoured up to this long. */
const maxRetryAfterMs = 24 * 3_600_000;

/**
 * One short tick picks the sources that are due and starts reading each once (a URL shared by many
 * subscribers is one source). Reads are fair: a few at a time per host, so a slow publisher delays
 * only its own feeds, and a tick never waits for slow reads before starting the next ones. Each
 * source fails alone; a failing one is retried with backoff and stays visible with "failing since"
 * and its last error.
 */
export class SourcePoller {
  private readonly readers: Map<SourceKind, SourceReader>;
  private readonly now: () => Date;
  private readonly limiter: HostLimiter;
  private readonly inFlight = new Map<string, Promise<PollOutcome>>();
  private listing: Promise<Array<Promise<PollOutcome>>> | null = null;
  /** The last listing left due sources behind (the queue was full): take more as the queue drains. */
  private moreDue = false;
  private stopped = false;

  constructor(private readonly options: PollerOptions) {
    this.readers = new Map(options.readers.map((reader) => [reader.kind, reader]));
    this.now = options.now ?? (() => new Date());
    this.limiter = new HostLimiter(options.concurrency ?? 32, options.perHostConcurrency ?? 2);
  }

  /** Starts the reads that are due and waits for them and for any read already running. */
  async tick(): Promise<PollOutcome[]> {
    await this.startDue();
    return Promise.all([...this.inFlight.values()]);
  }

  /** Starts the reads that are due and returns at once with them: what the scheduler calls. */
  startDue(): Promise<Array<Promise<PollOutcome>>> {
    this.listing ??= this.pickDue().finally(() => {
      this.listing = null;
    });
    return this.listing;
  }

  /** Reads waiting or running at most, in all. */
  private queueLimit(): number {
    return this.limiter.global * 8;
  }

  /** Waits for every read in progress; no more reads are started as those finish. */
  async idle(): Promise<void> {
    this.stopped = true;
    await this.listing?.catch(() => undefined);
    await Promise.allSettled([...this.inFlight.values()]);
  }

  private async pickDue(): Promise<Array<Promise<PollOutcome>>> {
    const { store } = this.options;
    const now = this.now();
    // Enough waiting reads to keep every slot busy, few enough per host that a host with thousands
    // of due sources cannot fill the queue: the rest of that host waits for a later tick, while the
    // sources behind it in the list are read. After its first read each source keeps its own slot
    // in the interval, so the sources of one host spread out.
    const queueLimit = this.queueLimit();
    const hostQueueLimit = this.limiter.perHost * 4;
    if (this.inFlight.size >= queueLimit) return [];
    const listLimit = queueLimit * 4;
    const due = await store.listDueSources(now.toISOString(), listLimit, {
      readersActiveSince: new Date(now.getTime() - (this.options.unreadAfterMs ?? weekMs)).toISOString(),
    });
    const started: Array<Promise<PollOutcome>> = [];
    // Rounds: the sources chosen, claimed in one statement when other processes share the store,
    // then read. When others won some of the claims, the sources passed over are looked at again.
    let candidates = due;
    for (;;) {
      const chosen: SourceRecord[] = [];
      const passed: SourceRecord[] = [];
      const chosenOfHost = new Map<string, number>();
      for (const [index, source] of candidates.entries()) {
        if (this.inFlight.has(source.id) || !this.readers.has(source.kind)) continue;
        if (this.inFlight.size + chosen.length >= queueLimit) {
          this.moreDue = true;
          passed.push(...candidates.slice(index));
          break;
        }
        const host = hostOf(source);
        const resumesAt = this.limiter.resumesAt(host, now);
        if (resumesAt) {
          await store.deferSource(source.id, resumesAt.toISOString());
          continue;
        }
        if (this.limiter.load(host) + (chosenOfHost.get(host) ?? 0) >= hostQueueLimit) {
          passed.push(source);
          continue;
        }
        chosenOfHost.set(host, (chosenOfHost.get(host) ?? 0) + 1);
        chosen.push(source);
      }
      const claimed = this.options.claimReads
        ? await store.claimSourceReads(
            chosen.map((source) => ({ id: source.id, dueAt: source.nextFetchAt, until: new Date(now.getTime() + source.intervalSeconds * 1000).toISOString() })),
          )
        : null;
      for (const source of chosen) {
        if (claimed && !claimed.has(source.id)) continue;
        started.push(this.start(source, queueLimit));
      }
      if (!claimed || claimed.size === chosen.length) break;
      candidates = passed;
    }
    // Due sources were left in the list, or the list was cut: more may be due than this listing took.
    if (started.length === 0) this.moreDue = false;
    else if (due.length === listLimit) this.moreDue = true;
    else if (this.inFlight.size < queueLimit) this.moreDue = false;
    return started;
  }

  /** Starts a read of a source chosen (and claimed) by `pickDue`. */
  private start(source: SourceRecord, queueLimit: number): Promise<PollOutcome> {
    const read = this.limiter
      .run(hostOf(source), () => this.poll(source))
      .finally(() => {
        this.inFlight.delete(source.id);
        // Without this, a tick would start at most a queue's worth of reads (256 every 5 s by
        // default) however many are due: the ceiling of how many sources one process keeps up with.
        if (this.moreDue && !this.stopped && this.inFlight.size <= queueLimit / 2) void this.startDue().catch(() => undefined);
      });
    this.inFlight.set(source.id, read);
    return read;
  }

  /** Reads one source now, whatever its schedule. */
  async poll(source: SourceRecord): Promise<PollOutcome> {
    const { store, logger } = this.options;
    const reader = this.readers.get(source.kind);
    const startedAt = this.now();
    try {
      if (!reader) throw new Error(`no reader for ${source.kind} sources`);
      const result = await reader.read(source);
      const fetchedAt = this.now();
      // A publisher that takes long to answer is read less often: it is the first to feel the load.
      // The time is the publisher's (fetching and reading the body), not the pipeline's after it.
      const slowFactor = slowReadFactor(fetchedAt.getTime() - startedAt.getTime(), this.options.slowReadMs ?? 5_000);
      if (slowFactor > 1) logger.info({ sourceId: source.id, url: source.url, readMs: fetchedAt.getTime() - startedAt.getTime(), slowFactor }, 'source answers slowly: read less often');
      const success = {
        etag: result.etag,
        lastModified: result.lastModified,
        bodyHash: result.bodyHash,
        ...(result.status === 'items' && result.title ? { title: result.title } : {}),
        fetchedAt: fetchedAt.toISOString(),
        // Its own slot, (slowFactor - 1) intervals later than usual.
        nextFetchAt: nextSlot(source.id, source.intervalSeconds, new Date(fetchedAt.getTime() + (slowFactor - 1) * source.intervalSeconds * 1000)).toISOString(),
      };
      let newItems = 0;
      let recorded = false;
      if (result.status === 'items') {
        newItems = await this.options.ingest(source, result.items, result.title, async (transaction) => {
          await transaction.recordFetchSuccess(source.id, success);
          recorded = true;
        });
      }
      if (!recorded) await store.recordFetchSuccess(source.id, success);
      if (source.failingSince) logger.info({ sourceId: source.id, url: source.url }, 'source reachable again');
      logger.debug({ sourceId: source.id, status: result.status, newItems }, 'read source');
      return { sourceId: source.id, status: result.status, newItems };
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      let next = nextAfterFailure(source.intervalSeconds, source.consecutiveFailures + 1, startedAt);
      const retryAfterMs = err instanceof SourceFetchError ? err.retryAfterMs : null;
      if (retryAfterMs !== null) {
        // The publisher said when to come back: none of its feeds is read before then.
        const asked = new Date(startedAt.getTime() + Math.min(retryAfterMs, maxRetryAfterMs));
        this.limiter.pause(hostOf(source), asked);
        if (asked > next) next = asked;
      }
      await store.recordFetchFailure(source.id, { error: message, fetchedAt: startedAt.toISOString(), nextFetchAt: next.toISOString() });
      // Once per failing streak, as one plain line: the reason and when it will be tried again.
      const log = source.failingSince ? logger.debug.bind(logger) : logger.warn.bind(logger);
      log({ sourceId: source.id, url: source.url, reason: message, nextRetryAt: next.toISOString() }, 'source unreachable');
      return { sourceId: source.id, status: 'failed', error: message };
    }
  }
}

/** The server a source is read from (host and port): the unit of fairness. Sources not read over HTTP are each their own. */
function hostOf(source: SourceRecord): string {
  if (source.kind === 'feed' && /^https?:/i.test(source.url)) {
    try {
      return new URL(source.url).host.toLowerCase();
    } catch {
      return source.url;
    }
  }
  return `${source.kind}:${source.url}`;
}
