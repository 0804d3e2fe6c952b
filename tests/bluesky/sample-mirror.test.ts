import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

describe('npm start with only the Bluesky settings', () => {
  let pds: TestPds;
  let env: TestEnvironment;

  beforeAll(async () => {
    pds = await startTestPds();
  });
  afterAll(async () => {
    env?.remove();
    await pds.close();
  });

  it('prints and posts the bundled sample’s stories, one post each, and after a restart posts and logs in no more', async () => {
    const account = await pds.createAccount('sample-mirror.test');
    env = mirrorEnvironment(pds, account, { vars: { CLUBWATCH_SAMPLE: 'true', BLUESKY_MIN_CONFIDENCE: '0.7' } });
    const logins = () => pds.requestsTo('com.atproto.server.createSession').length;
    const loginsBefore = logins();

    let bot = await startMirrorBot(env, { start: false });
    await bot.app.start();
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
    const filtered = mirrorEnvironment(pds, account, { vars: { CLUBWATCH_SAMPLE: 'true', BLUESKY_PLATFORMS: 'bluesky', BLUESKY_LANGUAGE: 'de' } });
    const bot = await startMirrorBot(filtered);
    try {
      for (const source of await bot.context.store.listSources()) await bot.app.poller.poll(source);
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
      filtered.remove();
    }
  });
});
