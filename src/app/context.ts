import { join } from 'node:path';
import { createExtractor, type Extractor } from '../announcements/extractor.ts';
import { BoardImageCache } from '../board/image.ts';
import { loadCatalog } from '../catalog/load-catalog.ts';
import type { Catalog } from '../catalog/types.ts';
import type { Config } from '../config/config.ts';
import type { Secrets } from '../config/secrets.ts';
import type { Routing } from '../deliveries/route.ts';
import type { Role } from './role.ts';
import { createLogger, type Logger } from '../logger.ts';
import { pipelineFor } from '../pipeline/pipeline.ts';
import { createFeedParser, type FeedParser } from '../sources/feed/parse-pool.ts';
import { createSafeFetcher, type SafeFetcher } from '../sources/fetch/safe-fetch.ts';
import { openStore } from '../store/open-store.ts';
import type { Store } from '../store/store.ts';

/** Everything the parts of clubwatch share, built once here and passed down. */
export interface AppContext {
  config: Config;
  secrets: Secrets;
  logger: Logger;
  store: Store;
  catalog: Catalog;
  extractor: Extractor;
  /** For URLs from the operator (config, command line): may reach private addresses. */
  trustedFetcher: SafeFetcher;
  /** For URLs from users (a server's admins) and from the web (thumbnails): public addresses only. */
  untrustedFetcher: SafeFetcher;
  routing: Routing;
  /** Board pictures, kept until the board changes. */
  boardImages: BoardImageCache;
  /** Parses large feed bodies on worker threads. */
  feedParser: FeedParser;
  /** Items → stories → outbox, for one read of one source. */
  pipeline: ReturnType<typeof pipelineFor>;
  /** What this process does of the bot's work. */
  role: Role;
  /** The store is PostgreSQL, which other processes of the bot may share: work is claimed there, not assumed. */
  sharedStore: boolean;
}

export interface ContextOptions {
  logger?: Logger;
  role?: Role;
}

export async function buildContext(config: Config, secrets: Secrets, options: ContextOptions = {}): Promise<AppContext> {
  const logger = options.logger ?? createLogger({ level: config.logLevel, format: config.logFormat ?? 'json' });
  const catalog = loadCatalog(join(config.configDir, 'catalog'));
  const extractor = createExtractor(catalog);
  const store = await openStore(config, secrets);
  const fetcherOptions = {
    userAgent: config.sources.userAgent,
    timeoutMs: config.sources.fetchTimeoutMs,
    maxBytes: config.sources.maxFeedBytes,
    maxRedirects: config.sources.maxRedirects,
  };
  const routing: Routing = {
    console: config.discord ? null : { language: config.previewLanguage },
    bluesky: config.bluesky
      ? {
          language: config.bluesky.language,
          minConfidence: config.bluesky.minConfidence,
          platforms: config.bluesky.platforms,
          languages: config.bluesky.languages,
        }
      : null,
    discord: config.discord !== null,
  };
  const context = {
    config,
    secrets,
    logger,
    store,
    catalog,
    extractor,
    trustedFetcher: createSafeFetcher({ ...fetcherOptions, allowPrivateAddresses: true }),
    untrustedFetcher: createSafeFetcher({
      ...fetcherOptions,
      allowPrivateAddresses: false,
      trustedHosts: config.sources.allowedPrivateHosts,
      standardPortsOnly: true,
    }),
    routing,
    boardImages: new BoardImageCache(),
    feedParser: createFeedParser({ threads: config.sources.parseThreads }),
    role: options.role ?? 'all',
    sharedStore: secrets.databaseUrl !== null,
  };
  return { ...context, pipeline: pipelineFor(context) };
}

export async function closeContext(context: AppContext): Promise<void> {
  await Promise.allSettled([context.trustedFetcher.close(), context.untrustedFetcher.close(), context.feedParser.close()]);
  await context.store.close();
}
