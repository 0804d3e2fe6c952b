import type { AppContext } from '../app/context.ts';
import type { PlatformModule } from '../app/platform.ts';
import { subsystemLogger } from '../logger.ts';
import type { SafeFetcher } from '../sources/fetch/safe-fetch.ts';
import type { SourceReader } from '../sources/source-reader.ts';
import { ClubAccountReader } from './account-reader.ts';
import { syncClubAccountSources } from './club-accounts.ts';
import { BlueskyLoginDeferredError } from './errors.ts';
import { JetstreamListener } from './jetstream.ts';
import { BlueskyDestination } from './mirror-destination.ts';
import { BlueskySession } from './session.ts';

export { runBlueskyDiscover } from './discover.ts';
export { runAccounts } from './operator-accounts.ts';

export interface BlueskyPlatformOptions {
  /**
   * Fetches what comes from the web: source pages and images for link cards, clubs' DID documents
   * and PDSes. The untrusted fetcher (public addresses only) unless a test passes its own.
   */
  fetcher?: SafeFetcher;
  /** The PLC directory that holds `did:plc` documents. */
  plcUrl?: string;
  /** At most this many posts in any rolling hour. */
  postsPerHour?: number;
  /** At most one login this often, even across restarts. */
  minLoginIntervalMs?: number;
  /** Jetstream, to read clubs' posts live between polls ("wss://jetstream2.us-east.bsky.network"); off when unset. */
  jetstreamUrl?: string;
  now?: () => number;
}

/**
 * The Bluesky platform: the mirror (posts summaries to the configured account) and the reader of
 * clubs' own accounts. Null when neither is configured; start-up then says the mirror is off.
 */
export function createBlueskyPlatform(context: AppContext, options: BlueskyPlatformOptions = {}): PlatformModule | null {
  const { config, secrets, store, catalog } = context;
  const logger = subsystemLogger(context.logger, 'bluesky');
  const readClubs = config.blueskySource.readClubAccounts;
  // Start-up says whether the mirror is on in its own one line; this module only adds what it finds.
  if (!config.bluesky && !readClubs) return null;

  const fetcher = options.fetcher ?? context.untrustedFetcher;
  const session =
    config.bluesky && secrets.blueskyAppPassword
      ? new BlueskySession({
          store,
          logger,
          service: config.bluesky.service,
          identifier: config.bluesky.identifier,
          appPassword: secrets.blueskyAppPassword,
          ...(options.minLoginIntervalMs !== undefined ? { minLoginIntervalMs: options.minLoginIntervalMs } : {}),
          ...(options.now ? { now: options.now } : {}),
        })
      : null;
  const destination = session
    ? new BlueskyDestination({
        store,
        catalog,
        logger,
        session,
        fetcher,
        boardImages: context.boardImages,
        ...(options.postsPerHour !== undefined ? { postsPerHour: options.postsPerHour } : {}),
        ...(options.now ? { now: options.now } : {}),
      })
    : undefined;
  const reader = readClubs
    ? new ClubAccountReader({ store, catalog, logger, fetcher, appView: config.blueskySource.appView, plcUrl: options.plcUrl ?? config.blueskySource.plcUrl })
    : null;
  const readers: SourceReader[] = reader ? [reader] : [];
  const live =
    reader && options.jetstreamUrl
      ? new JetstreamListener({ url: options.jetstreamUrl, store, logger, ingest: (source, items) => context.pipeline.ingest(source, items, new Date(), { live: true }) })
      : null;

  let notLoggedIn: string | null = null;
  return {
    name: 'bluesky',
    ...(destination ? { destination } : {}),
    readers,
    async start() {
      if (reader) {
        const synced = await syncClubAccountSources(context, reader.resolver, new Date());
        logger.info({ accounts: synced.dids.length, unresolved: synced.unresolved }, 'reading clubs’ Bluesky accounts');
        await live?.start(synced.dids).catch((err: unknown) => {
          // Polling goes on without the live stream.
          logger.warn({ reason: err instanceof Error ? err.message : String(err) }, 'cannot follow clubs’ accounts live');
        });
      }
      if (!session || !config.bluesky) return;
      try {
        notLoggedIn = null;
        const how = await session.start();
        logger.info({ did: session.did, service: config.bluesky.service, resumed: how !== 'logged-in' }, `Bluesky mirror on: posting as ${config.bluesky.identifier}`);
      } catch (err) {
        // The mirror keeps its deliveries in the outbox and tries again; the rest of the bot runs on.
        const wait = err instanceof BlueskyLoginDeferredError ? ` (next try in ${Math.ceil(err.retryAfterMs / 60_000)} min)` : '';
        notLoggedIn = `${err instanceof Error ? err.message : String(err)}${wait}`;
        logger.error({ reason: err instanceof Error ? err.message : String(err) }, `Bluesky mirror on but not logged in${wait}`);
      }
    },
    startupLine() {
      if (!config.bluesky) return null;
      if (notLoggedIn !== null) return `clubwatch: Bluesky mirror NOT logged in as ${config.bluesky.identifier}: ${notLoggedIn}. Summaries wait in the outbox meanwhile.`;
      return `clubwatch: mirroring summaries to Bluesky as ${config.bluesky.identifier}.`;
    },
    async stop() {
      await live?.stop();
      await session?.flush();
    },
  };
}
