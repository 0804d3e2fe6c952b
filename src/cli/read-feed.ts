import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildContext, closeContext } from '../app/context.ts';
import type { Config } from '../config/config.ts';
import { UserError } from '../errors.ts';
import type { Secrets } from '../config/secrets.ts';
import { ConsoleDestination } from '../deliveries/console-destination.ts';
import { DeliveryDispatcher } from '../deliveries/dispatcher.ts';
import type { Item } from '../items/item.ts';
import type { Logger } from '../logger.ts';
import { FeedSourceReader } from '../sources/feed-source-reader.ts';
import { createSafeFetcher } from '../sources/fetch/safe-fetch.ts';
import { sourceIdFor } from '../sources/source-id.ts';
import type { SourceRecord } from '../store/store.ts';

/**
 * An http(s) URL as given, or a local file as a file URL: the operator may read local files.
 * Anything else is refused in words: another scheme, a missing file, a folder, a web address
 * written without its scheme.
 */
export function feedAddress(input: string): string {
  const scheme = /^([a-z][a-z0-9+.-]+):\/\//i.exec(input)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    if (!URL.canParse(input)) throw new UserError(`${input} is not a valid web address`);
    return input;
  }
  if (scheme !== undefined && scheme !== 'file') {
    throw new UserError(`${input}: clubwatch reads http and https addresses and local files, not ${scheme}:`);
  }
  const path = scheme === 'file' ? fileURLToPath(input) : resolve(input);
  const info = statSync(path, { throwIfNoEntry: false });
  if (!info) {
    if (scheme === undefined && /^([a-z0-9-]+\.)+[a-z]{2,}(:\d+)?\//i.test(input)) {
      throw new UserError(`no file named ${input} here; for a web address, write its scheme: https://${input}`);
    }
    throw new UserError(`no such file: ${path}`);
  }
  if (info.isDirectory()) throw new UserError(`${path} is a folder, not a feed file`);
  return pathToFileURL(path).href;
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

/** Reads one feed once, as the operator's source: throws SourceFetchError or FeedParseError when it cannot. */
export async function readFeedOnce(url: string, config: Config): Promise<{ items: Item[]; title: string | null }> {
  const fetcher = createSafeFetcher({
    userAgent: config.sources.userAgent,
    timeoutMs: config.sources.fetchTimeoutMs,
    maxBytes: config.sources.maxFeedBytes,
    maxRedirects: config.sources.maxRedirects,
    allowPrivateAddresses: true,
  });
  try {
    const reader = new FeedSourceReader({ trusted: fetcher, untrusted: fetcher }, config.sources.maxFeedBytes);
    const result = await reader.read(operatorSource(url, config));
    return result.status === 'items' ? { items: result.items, title: result.title } : { items: [], title: null };
  } finally {
    await fetcher.close();
  }
}

/** `clubwatch read FILE_OR_URL [--json]`: the items clubwatch reads from one feed. */
export async function runRead(input: string, config: Config, json: boolean, output: NodeJS.WritableStream): Promise<void> {
  const feed = await readFeedOnce(feedAddress(input), config);
  for (const item of feed.items) {
    if (json) output.write(`${JSON.stringify({ key: item.key, title: item.title, link: item.link, published: item.published })}\n`);
    else output.write(`${item.published?.slice(0, 10) ?? '          '}  ${item.title}\n            ${item.link ?? item.key}\n`);
  }
  if (!json) output.write(`${feed.items.length} items from ${feed.title ?? input}\n`);
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
