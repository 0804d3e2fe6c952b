import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedServer } from '../helpers/feed-server.ts';
import { startTestPds, type TestPds } from '../helpers/pds.ts';
import { mirrorEnvironment, postsOf, sliceBytes, startMirrorBot, type MirrorBot } from '../helpers/pds-bot.ts';
import type { TestEnvironment } from '../helpers/test-app.ts';

async function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function settled(bot: MirrorBot): Promise<boolean> {
  const counts = await bot.context.store.countDeliveries('bluesky');
  return counts.sent > 0 && counts.pending === 0 && counts.sending === 0;
}

const sampleFiles = ['le-fil-sport.xml', 'kurve-nord.atom', 'matchday-wire.json'];
const sampleBody = (file: string) => readFileSync(new URL(`../../config/sample/${file}`, import.meta.url));

/** The bundled sample's feeds, served as an operator's sources would be: empty at the first read, then with their items. */
async function serveSampleFeeds(): Promise<{ feeds: FeedServer; urls: string[]; fill(): void }> {
  const empty = '<?xml version="1.0"?><rss version="2.0"><channel><title>Wire</title></channel></rss>';
  const feeds = new FeedServer(Object.fromEntries(sampleFiles.map((file) => [`/${file}`, { body: empty }])));
  const base = await feeds.start();
  return {
    feeds,
    urls: sampleFiles.map((file) => `${base}/${file}`),
    fill: () => {
      for (const file of sampleFiles) feeds.route(`/${file}`, { body: sampleBody(file) });
    },
  };
}

async function readTwice(bot: MirrorBot, fill: () => void): Promise<void> {
  for (const source of await bot.context.store.listSources()) await bot.app.poller.poll(source);
  fill();
  for (const source of await bot.context.store.listSources()) await bot.app.poller.poll(source);
}

describe('npm start with only the Bluesky settings', () => {
  let pds: TestPds;
  let env: TestEnvironment;
  let served: Awaited<ReturnType<typeof serveSampleFeeds>>;

  beforeAll(async () => {
    pds = await startTestPds();
    served = await serveSampleFeeds();
  });
  afterAll(async () => {
    env?.remove();
    await served.feeds.close();
    await pds.close();
  });

  it('posts the stories of the operator’s feeds, one post each, and after a restart posts and logs in no more', async () => {
    const account = await pds.createAccount('sample-mirror.test');
    env = mirrorEnvironment(pds, account, {
      sources: served.urls,
      vars: { CLUBWATCH_LANGUAGE: 'en', BLUESKY_MIN_CONFIDENCE: '0.7', CLUBWATCH_MAX_ITEM_AGE_DAYS: '3650' },
    });
    const logins = () => pds.requestsTo('com.atproto.server.createSession').length;
    const loginsBefore = logins();

    let bot = await startMirrorBot(env, { start: false });
    await bot.app.start();
    await readTwice(bot, served.fill);
    await until(() => settled(bot));
    const deliveries = await bot.context.store.listDeliveries({ destination: 'bluesky' });
    const printed = bot.printed();
    await bot.close();

    const posts = await postsOf(pds, account.did);
    expect(posts.length).toBeGreaterThan(1);
    expect(posts).toHaveLength(deliveries.length);
    expect(new Set(deliveries.map((delivery) => delivery.content.storyIds.join()))).toHaveProperty('size', deliveries.length);
    expect(new Set(posts.map((post) => post.uri))).toEqual(new Set(deliveries.map((delivery) => delivery.externalId)));
    for (const { value } of posts) {
      expect(printed).toContain(value.text.split(' (')[0]);
      expect(value.langs?.[0]).toBe('en');
      const bytes = Buffer.byteLength(value.text, 'utf8');
      const links = (value.facets ?? []).filter((facet) => facet.features[0]?.$type === 'app.bsky.richtext.facet#link');
      expect(links).toHaveLength(1);
      for (const facet of value.facets ?? []) {
        expect(facet.index.byteEnd).toBeLessThanOrEqual(bytes);
        expect(sliceBytes(value.text, facet.index.byteStart, facet.index.byteEnd)).not.toContain('\uFFFD');
      }
      const uri = links[0]!.features[0]!.uri;
      expect(sliceBytes(value.text, links[0]!.index.byteStart, links[0]!.index.byteEnd)).toBe(uri);
      expect(value.embed?.$type).toBe('app.bsky.embed.external');
      expect(value.embed?.external?.uri).toBe(uri);
    }
    expect(logins() - loginsBefore).toBe(1);

    bot = await startMirrorBot(env, { start: false });
    await bot.app.start();
    for (const source of await bot.context.store.listSources()) await bot.app.poller.poll(source);
    await bot.app.dispatcher.runOnce();
    await bot.close();
    expect(await postsOf(pds, account.did)).toHaveLength(posts.length);
    expect(logins() - loginsBefore).toBe(1);
  });

  it('mirrors only the stories its settings ask for', async () => {
    const account = await pds.createAccount('filtered-mirror.test');
    const again = await serveSampleFeeds();
    const filtered = mirrorEnvironment(pds, account, {
      sources: again.urls,
      vars: { BLUESKY_PLATFORMS: 'bluesky', BLUESKY_LANGUAGE: 'de', CLUBWATCH_MAX_ITEM_AGE_DAYS: '3650' },
    });
    const bot = await startMirrorBot(filtered);
    try {
      await readTwice(bot, again.fill);
      await bot.app.dispatcher.runOnce();
      const posts = await postsOf(pds, account.did);
      expect(posts.length).toBeGreaterThan(0);
      for (const post of posts) {
        expect(post.value.langs?.[0]).toBe('de');
        expect(post.value.text).toMatch(/Bluesky/);
      }
      expect((await bot.context.store.listStories()).length).toBeGreaterThan(posts.length);
    } finally {
      await bot.close();
      await again.feeds.close();
      filtered.remove();
    }
  });

  it('never mirrors the bundled sample, even when it is turned on', async () => {
    const account = await pds.createAccount('sample-never.test');
    const withSample = mirrorEnvironment(pds, account, { vars: { CLUBWATCH_SAMPLE: 'true' } });
    const bot = await startMirrorBot(withSample);
    try {
      expect(bot.context.config.sources.sample).toBe(true);
      for (const source of await bot.context.store.listSources()) await bot.app.poller.poll(source);
      await bot.app.dispatcher.runOnce();
      expect((await bot.context.store.listStories({ visibleTo: 'all' })).length).toBeGreaterThan(2);
      expect(bot.printed()).toMatch(/Red Star/);
      expect(await bot.context.store.listDeliveries({ destination: 'bluesky' })).toEqual([]);
      expect(await postsOf(pds, account.did)).toEqual([]);
    } finally {
      await bot.close();
      withSample.remove();
    }
  });

});
