import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildContext, closeContext } from '../app/context.ts';
import type { Config } from '../config/config.ts';
import type { Secrets } from '../config/secrets.ts';
import { ConsoleDestination } from '../deliveries/console-destination.ts';
import { DeliveryDispatcher } from '../deliveries/dispatcher.ts';
import type { Logger } from '../logger.ts';
import { FeedSourceReader } from '../sources/feed-source-reader.ts';
import { createSafeFetcher } from '../sources/fetch/safe-fetch.ts';
import { sourceIdFor } from '../sources/source-id.ts';
import type { SourceRecord } from '../store/store.ts';

/** A URL as given, or a path made into a file URL: the operator may check local files. */
export function feedAddress(input: string): string {
  return /^https?:\/\//i.test(input) ? input : pathToFileURL(resolve(input)).href;
}

function operatorSource(url: string, config: Config): SourceRecord {
  const now = new Date().toISOString();
  return {
    id: sourceIdFor('feed', url),
    url,
    kind: 'feed',
    origin: 'operator',
    title: null,
    intervalSeconds: config.sources.pollIntervalSeconds,
    announceFirstFetch: true,
    etag: null,
    lastModified: null,
    bodyHash: null,
    lastSuccessAt: null,
    lastFetchedAt: null,
    nextFetchAt: now,
    failingSince: null,
    lastError: null,
    consecutiveFailures: 0,
  };
}

/** `clubwatch read FILE_OR_URL [--json]`: the items clubwatch reads from one feed. */
export async function runRead(input: string, config: Config, json: boolean, output: NodeJS.WritableStream): Promise<void> {
  const fetcher = createSafeFetcher({
    userAgent: config.sources.userAgent,
    timeoutMs: config.sources.fetchTimeoutMs,
    maxBytes: config.sources.maxFeedBytes,
    maxRedirects: config.sources.maxRedirects,
    allowPrivateAddresses: true,
  });
  try {
    const reader = new FeedSourceReader({ trusted: fetcher, untrusted: fetcher }, config.sources.maxFeedBytes);
    const result = await reader.read(operatorSource(feedAddress(input), config));
    if (result.status !== 'items') return;
    for (const item of result.items) {
      if (json) output.write(`${JSON.stringify({ key: item.key, title: item.title, link: item.link, published: item.published })}\n`);
      else output.write(`${item.published?.slice(0, 10) ?? '          '}  ${item.title}\n            ${item.link ?? item.key}\n`);
    }
    if (!json) output.write(`${result.items.length} items from ${result.title ?? input}\n`);
  } finally {
    await fetcher.close();
  }
}

/**
 * `clubwatch ingest FILE_OR_URL`: one feed through the whole pipeline, in a throw-away store,
 * printing what would be posted. The real database is not touched.
 */
export async function runIngest(input: string, config: Config, secrets: Secrets, logger: Logger, output: NodeJS.WritableStream): Promise<number> {
  const context = await buildContext({ ...config, databasePath: ':memory:', discord: null, bluesky: null }, secrets, { logger });
  try {
    const source = operatorSource(feedAddress(input), context.config);
    await context.store.addSource(source);
    const reader = new FeedSourceReader({ trusted: context.trustedFetcher, untrusted: context.untrustedFetcher }, config.sources.maxFeedBytes);
    const result = await reader.read(source);
    if (result.status !== 'items') return 0;
    const ingested = await context.pipeline.ingest({ ...source, title: result.title }, result.items);
    const dispatcher = new DeliveryDispatcher({
      store: context.store,
      destinations: [new ConsoleDestination(context.store, context.catalog, output)],
      logger,
    });
    await dispatcher.runOnce();
    output.write(
      `\n${result.items.length} items read, ${ingested.announcements} announcements, ${ingested.newStories.length} stories would be posted.\n`,
    );
    return ingested.newStories.length;
  } finally {
    await closeContext(context);
  }
}
