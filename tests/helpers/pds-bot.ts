import { AtpAgent } from '@atproto/api';
import type { PlatformModule } from '../../src/app/platform.ts';
import { createBlueskyPlatform, type BlueskyPlatformOptions } from '../../src/bluesky/index.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import type { Destination } from '../../src/deliveries/delivery.ts';
import { createSafeFetcher, type SafeFetcher } from '../../src/sources/fetch/safe-fetch.ts';
import type { TestAccount, TestPds } from './pds.ts';
import { startTestApp, testEnvironment, type TestApp, type TestEnvironment } from './test-app.ts';

/**
 * clubwatch with its Bluesky platform pointed at a test PDS, built the way the real bot builds it
 * (env → config → context → App), in a temporary folder that a restart can reuse:
 *
 *   const env = mirrorEnvironment(pds, account, { sources: [`${feeds.url}/news.xml`] });
 *   const bot = await startMirrorBot(env);       // prepared and the platform started
 *   await pollAll(bot);
 *   await bot.close();                           // the folder stays: start another bot on it
 */
export interface MirrorBot extends TestApp {
  platform: PlatformModule;
  /** The mirror's destination; throws when the mirror is off (reading clubs' accounts only). */
  readonly destination: Destination;
}

export function mirrorEnvironment(
  pds: TestPds,
  account: TestAccount,
  options: { sources?: string[]; vars?: Record<string, string> } = {},
): TestEnvironment {
  return testEnvironment({
    sources: options.sources ?? [],
    vars: {
      BLUESKY_SERVICE: pds.url,
      BLUESKY_IDENTIFIER: account.handle,
      BLUESKY_APP_PASSWORD: account.password,
      BLUESKY_MIN_CONFIDENCE: '0',
      ...options.vars,
    },
  });
}

/**
 * The tests' pages, images and PDS live on 127.0.0.1, which the production fetcher refuses. Host
 * names other than localhost do not resolve, so no test reaches the internet, not even its DNS.
 */
export function localFetcher(): SafeFetcher {
  return createSafeFetcher({
    userAgent: 'clubwatch-test',
    timeoutMs: 5_000,
    maxBytes: 20_000_000,
    maxRedirects: 3,
    allowPrivateAddresses: true,
    lookup: async (hostname) => {
      if (hostname === 'localhost') return [{ address: '127.0.0.1', family: 4 }];
      throw Object.assign(new Error(`${hostname} does not resolve in tests`), { code: 'ENOTFOUND' });
    },
  });
}

export async function startMirrorBot(
  env: TestEnvironment,
  options: BlueskyPlatformOptions & { catalog?: Catalog; start?: boolean } = {},
): Promise<MirrorBot> {
  const fetcher = options.fetcher ?? localFetcher();
  let platform: PlatformModule | null = null;
  const bot = await startTestApp(env, (context) => {
    platform = createBlueskyPlatform(options.catalog ? { ...context, catalog: options.catalog } : context, { ...options, fetcher });
    return platform ? [platform] : [];
  });
  const created = platform as PlatformModule | null;
  if (!created) throw new Error('the Bluesky platform was not created: neither the mirror nor the reader is configured');
  await bot.app.prepare();
  if (options.start !== false) await created.start();
  return {
    ...bot,
    platform: created,
    get destination(): Destination {
      if (!created.destination) throw new Error('the Bluesky mirror is off');
      return created.destination;
    },
    close: async () => {
      await bot.close();
      if (!options.fetcher) await fetcher.close();
    },
  };
}

/** Reads every source once, whatever its schedule, then sends what the outbox holds. */
export async function pollAll(bot: TestApp): Promise<void> {
  for (const source of await bot.context.store.listSources()) await bot.app.poller.poll(source);
  await bot.app.dispatcher.runOnce();
}

export interface StoredPost {
  uri: string;
  rkey: string;
  value: {
    text: string;
    langs?: string[];
    createdAt: string;
    facets?: Array<{ index: { byteStart: number; byteEnd: number }; features: Array<{ $type: string; uri?: string; tag?: string; did?: string }> }>;
    embed?: { $type: string; external?: { uri: string; title: string; description: string; thumb?: { ref: unknown; mimeType: string; size: number } } };
    reply?: { root: { uri: string }; parent: { uri: string } };
  };
}

/** The account's posts as the PDS stores them, newest first, read without logging in. */
export async function postsOf(pds: TestPds, did: string): Promise<StoredPost[]> {
  const reader = new AtpAgent({ service: pds.url });
  const { data } = await reader.com.atproto.repo.listRecords({ repo: did, collection: 'app.bsky.feed.post', limit: 100 });
  return data.records.map((record) => ({ uri: record.uri, rkey: record.uri.split('/').pop() as string, value: record.value as StoredPost['value'] }));
}

/** The UTF-8 bytes a facet covers, as text. */
export function sliceBytes(text: string, start: number, end: number): string {
  return Buffer.from(text, 'utf8').subarray(start, end).toString('utf8');
}
