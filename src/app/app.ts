import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import { ConsoleDestination } from '../deliveries/console-destination.ts';
import type { Destination } from '../deliveries/delivery.ts';
import { enqueueDueDigests } from '../deliveries/digests.ts';
import { DeliveryDispatcher } from '../deliveries/dispatcher.ts';
import { applyRetention } from '../items/retention.ts';
import { subsystemLogger } from '../logger.ts';
import { FeedSourceReader } from '../sources/feed-source-reader.ts';
import { SourcePoller } from '../sources/poller.ts';
import { syncConfiguredSources } from '../sources/sync-sources.ts';
import type { AppContext } from './context.ts';
import { closeContext } from './context.ts';
import { EventLoopMonitor } from './event-loop.ts';
import type { PlatformModule } from './platform.ts';

export interface AppOptions {
  /** Where preview mode prints summaries; standard output by default. */
  consoleOutput?: NodeJS.WritableStream;
  /** How long `stop()` waits for in-flight sends before handing them back to the outbox. */
  stopGraceMs?: number;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The running bot: jobs, platforms, and an explicit start and stop. */
export class App {
  readonly poller: SourcePoller;
  readonly dispatcher: DeliveryDispatcher;
  readonly eventLoop = new EventLoopMonitor();
  private readonly tasks: ScheduledTask[] = [];
  /** This process among those sharing the store. */
  private readonly processId = randomUUID();
  private stopped = false;

  constructor(
    readonly context: AppContext,
    private readonly platforms: PlatformModule[],
    private readonly options: AppOptions = {},
  ) {
    const { store, catalog, logger, config } = context;
    const destinations: Destination[] = platforms.flatMap((platform) => (platform.destination ? [platform.destination] : []));
    if (context.routing.console) destinations.push(new ConsoleDestination(store, catalog, options.consoleOutput));
    this.dispatcher = new DeliveryDispatcher({
      store,
      destinations,
      logger: subsystemLogger(logger, 'deliveries'),
      leaseMs: config.deliveries.leaseSeconds * 1000,
    });
    this.poller = new SourcePoller({
      store,
      logger: subsystemLogger(logger, 'sources'),
      readers: [
        new FeedSourceReader(
          { trusted: context.trustedFetcher, untrusted: context.untrustedFetcher },
          config.sources.maxFeedBytes,
          context.feedParser,
        ),
        ...platforms.flatMap((platform) => platform.readers ?? []),
      ],
      concurrency: config.sources.maxFetches,
      perHostConcurrency: config.sources.maxFetchesPerHost,
      claimReads: context.sharedStore,
      ingest: async (source, items, title, recordRead) => {
        // The feed's own title names the outlet in summaries from its very first read.
        const result = await context.pipeline.ingest({ ...source, title: source.title ?? title }, items, new Date(), { recordRead });
        if (result.deliveries > 0) void this.dispatcher.runOnce();
        if (result.newStories.length > 0) {
          logger.info({ sourceId: source.id, stories: result.newStories.length, deliveries: result.deliveries }, 'new stories');
        }
        return result.newItems;
      },
    });
  }

  /** Readies the store: interrupted deliveries back in the queue, sources matching `config/`. */
  async prepare(): Promise<void> {
    const { store, config, logger } = this.context;
    const now = new Date();
    const restart = (await store.getState('heartbeat')) !== undefined;
    // On a shared store another process may be sending right now: what a stopped one left in flight
    // is taken up when its lease runs out instead.
    const released = this.context.sharedStore ? 0 : await store.releaseInterruptedDeliveries(now.toISOString());
    // The sample is a preview: once it is off, what it told is forgotten (before its sources go).
    if (!config.sources.sample) {
      const forgotten = await store.forgetSampleStories();
      if (forgotten > 0) logger.info({ stories: forgotten }, 'forgot the bundled sample’s stories');
    }
    await syncConfiguredSources(store, config, now);
    const [sources, servers, deliveries] = await Promise.all([store.listSources(), store.listServers(), store.countDeliveries()]);
    const held = deliveries.pending + deliveries.sending;
    // One line that says what this start picks up, so an operator sees at once that nothing was lost.
    const summary = restart
      ? `resumed ${count(sources.length, 'source')}, ${count(servers.length, 'server')} and ${count(held, 'held delivery', 'held deliveries')}` +
        (released > 0 ? ` (${released} interrupted by the last stop)` : '')
      : `first start: ${count(sources.length, 'source')}`;
    logger.info({ restart, sources: sources.length, servers: servers.length, heldDeliveries: held, interruptedDeliveries: released }, summary);
  }

  async start(): Promise<void> {
    const { store, config, logger } = this.context;
    await this.prepare();
    for (const platform of this.platforms) await platform.start();
    // A stop that came while a platform was still connecting wins: no job is started after it.
    if (this.stopped) return;

    // The scheduler's own notices (a missed tick while the process was busy) go to our log, as JSON.
    const cronLog = subsystemLogger(logger, 'scheduler');
    cron.setLogger({
      info: (message) => cronLog.debug(message),
      warn: (message) => cronLog.debug(message),
      error: (message, err) => cronLog.warn({ err: err ?? message }, 'scheduler error'),
      debug: (message) => cronLog.trace(typeof message === 'string' ? message : message.message),
    });
    const job = (name: string, expression: string, work: () => Promise<unknown>) => {
      const task = cron.schedule(
        expression,
        async () => {
          try {
            await work();
          } catch (err) {
            logger.error({ err, job: name }, 'scheduled job failed');
          }
        },
        { name, noOverlap: true },
      );
      this.tasks.push(task);
    };
    if (this.context.role === 'gateway') {
      // The gateway answers commands; polling and posting are the workers'.
      job('heartbeat', `*/${config.sources.tickSeconds} * * * * *`, () => store.setState('heartbeat', new Date().toISOString()));
    } else {
      // Starts what is due and returns: slow reads never hold back the next tick.
      job('poll-sources', `*/${config.sources.tickSeconds} * * * * *`, async () => {
        await this.poller.startDue();
        await store.setState('heartbeat', new Date().toISOString());
      });
      job('send-deliveries', '* * * * * *', () => this.dispatcher.runOnce());
      job('digests', '0 * * * * *', async () => {
        if (!(await this.holdsClusterJobs())) return;
        if ((await enqueueDueDigests(store, new Date())) > 0) await this.dispatcher.runOnce();
      });
      job('retention', '0 17 * * * *', async () => {
        if (await this.holdsClusterJobs()) await this.applyRetention();
      });
    }
    this.eventLoop.start();
    job('event-loop', '30 */5 * * * *', async () => {
      const delay = this.eventLoop.read();
      this.eventLoop.reset();
      const log = delay.p99Ms > 100 ? logger.warn.bind(logger) : logger.debug.bind(logger);
      log({ ...delay }, 'event loop delay over the last five minutes');
    });
    await store.setState('heartbeat', new Date().toISOString());
    if (this.context.role === 'gateway') return;
    if (await this.holdsClusterJobs()) {
      void this.applyRetention().catch((err: unknown) => logger.error({ err, job: 'retention' }, 'scheduled job failed'));
    }
    void this.poller.tick().then(() => this.dispatcher.runOnce());
  }

  /**
   * Digests and retention are the bot's, not each process's: on a shared store one process holds
   * them (a lease it renews each minute; another takes over three minutes after it stops).
   */
  private async holdsClusterJobs(): Promise<boolean> {
    if (!this.context.sharedStore) return true;
    const now = Date.now();
    return this.context.store.takeLease({
      name: 'cluster-jobs',
      holder: this.processId,
      now: new Date(now).toISOString(),
      until: new Date(now + 3 * 60_000).toISOString(),
    });
  }

  /** Forgets items beyond the retention (their keys stay), and gives the space back. */
  async applyRetention(now = new Date()): Promise<number> {
    const { store, config, logger } = this.context;
    const pruned = await applyRetention(store, config.retention, now);
    if (pruned > 0) logger.info({ items: pruned, days: config.retention.days }, 'pruned old items');
    return pruned;
  }

  /** Stops the jobs, lets in-flight work finish (or hands it back to the outbox), then closes everything. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const task of this.tasks) await task.destroy();
    this.eventLoop.stop();
    if (this.context.sharedStore) await this.context.store.releaseLease('cluster-jobs', this.processId).catch(() => undefined);
    const grace = new Promise((resolve) => setTimeout(resolve, this.options.stopGraceMs ?? 8_000).unref());
    await Promise.race([Promise.all([this.poller.idle(), this.dispatcher.idle()]), grace]);
    for (const platform of [...this.platforms].reverse()) {
      await platform.stop().catch((err: unknown) => this.context.logger.warn({ err, platform: platform.name }, 'platform did not stop cleanly'));
    }
    await closeContext(this.context);
  }
}
