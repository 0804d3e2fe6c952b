import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sessionStateKey } from '../../src/bluesky/session.ts';
import { routeStory } from '../../src/deliveries/route.ts';
import type { Story } from '../../src/stories/story.ts';
import { FeedServer } from '../helpers/feed-server.ts';
import { startTestPds, type TestAccount, type TestPds } from '../helpers/pds.ts';
import { mirrorEnvironment, pollAll, postsOf, sliceBytes, startMirrorBot, type MirrorBot } from '../helpers/pds-bot.ts';
import type { TestEnvironment } from '../helpers/test-app.ts';

function rss(entries: Array<{ guid: string; title: string; description: string; link: string }>): string {
  const items = entries
    .map(
      (entry) =>
        `<item><title>${entry.title}</title><link>${entry.link}</link><guid isPermaLink="false">${entry.guid}</guid>` +
        `<pubDate>${new Date().toUTCString()}</pubDate><description>${entry.description}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Kurve Nord</title><link>https://news.example/</link><language>fr</language>${items}</channel></rss>`;
}

function page(title: string, image: string | null): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title>
<meta property="og:title" content="${title}"><meta content="Le club quitte le réseau social X &amp; s&#39;en explique." property="og:description">
${image ? `<meta property="og:image" content="${image}">` : ''}</head><body><p>${title}</p></body></html>`;
}

const routine = { guid: 'routine', title: 'Avant-match', description: 'L’entraîneur a parlé du match du week-end.', link: 'https://news.example/routine' };

describe('the Bluesky mirror against a real PDS', () => {
  let pds: TestPds;
  let web: FeedServer;
  let env: TestEnvironment | undefined;
  let bot: MirrorBot | undefined;
  let accounts = 0;

  beforeAll(async () => {
    pds = await startTestPds();
    web = new FeedServer();
    await web.start();
    // Noise compresses badly: a 1,600 px PNG of it is several megabytes, far over what Bluesky takes.
    const noise = await sharp({ create: { width: 1600, height: 1600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 60 } } }).png().toBuffer();
    web.route('/big.png', { body: noise, headers: { 'content-type': 'image/png' } });
    web.route('/red-star', { body: page('Le Red Star quitte X', `${web.url}/big.png`), headers: { 'content-type': 'text/html; charset=utf-8' } });
    web.route('/broken-image', { body: page('Le Red Star quitte X', `${web.url}/missing.png`), headers: { 'content-type': 'text/html' } });
  });
  afterAll(async () => {
    await web.close();
    await pds.close();
  });
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
    env?.remove();
    env = undefined;
  });

  async function account(): Promise<TestAccount> {
    accounts += 1;
    return pds.createAccount(`mirror${accounts}.test`);
  }

  /** A feed read once (recorded silently), then carrying the Red Star story linking to `link`. */
  async function redStarStory(feedPath: string, link: string): Promise<void> {
    web.route(feedPath, { body: rss([routine]) });
    await pollAll(bot!);
    const redStar = {
      guid: `red-star-${feedPath}`,
      title: 'Le Red Star FC quitte X',
      description: 'Le Red Star FC a annoncé qu’il quittait le réseau social X, une première pour un club français.',
      link,
    };
    web.route(feedPath, { body: rss([routine, redStar]) });
    await pollAll(bot!);
  }

  it('posts one story as one post whose facets slice exactly the link and the hashtags, with langs and a card with a small thumbnail', async () => {
    const me = await account();
    env = mirrorEnvironment(pds, me, { sources: [`${web.url}/a.xml`] });
    bot = await startMirrorBot(env);
    await redStarStory('/a.xml', `${web.url}/red-star`);

    const posts = await postsOf(pds, me.did);
    expect(posts).toHaveLength(1);
    const post = posts[0]!.value;
    expect(post.text).toContain('Red Star');
    // The summary is in English; the evidence it quotes is in French, as reported.
    expect(post.langs).toEqual(['en', 'fr']);
    const slices = (post.facets ?? []).map((facet) => ({
      feature: facet.features[0],
      text: sliceBytes(post.text, facet.index.byteStart, facet.index.byteEnd),
    }));
    const link = slices.find((slice) => slice.feature?.$type === 'app.bsky.richtext.facet#link');
    expect(link?.text).toBe(`${web.url}/red-star`);
    expect(link?.feature?.uri).toBe(`${web.url}/red-star`);
    const tags = slices.filter((slice) => slice.feature?.$type === 'app.bsky.richtext.facet#tag');
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag.text).toBe(`#${tag.feature?.tag}`);

    expect(post.embed?.$type).toBe('app.bsky.embed.external');
    expect(post.embed?.external?.uri).toBe(`${web.url}/red-star`);
    expect(post.embed?.external?.title).toBe('Le Red Star quitte X');
    expect(post.embed?.external?.description).toBe("Le club quitte le réseau social X & s'en explique.");
    expect(post.embed?.external?.thumb?.mimeType).toBe('image/jpeg');
    expect(post.embed?.external?.thumb?.size).toBeLessThan(1_000_000);

    // The same story printed in preview mode, and its delivery recorded with the post's URI.
    expect(bot.printed()).toContain('Red Star');
    const [delivery] = await bot.context.store.listDeliveries({ destination: 'bluesky' });
    expect(delivery?.status).toBe('sent');
    expect(delivery?.externalId).toBe(posts[0]!.uri);
  });

  it('posts the card without a thumbnail when the image cannot be had', async () => {
    const me = await account();
    env = mirrorEnvironment(pds, me, { sources: [`${web.url}/b.xml`] });
    bot = await startMirrorBot(env);
    await redStarStory('/b.xml', `${web.url}/broken-image`);

    const [post] = await postsOf(pds, me.did);
    expect(post?.value.embed?.external?.uri).toBe(`${web.url}/broken-image`);
    expect(post?.value.embed?.external?.title).toBe('Le Red Star quitte X');
    expect(post?.value.embed?.external?.thumb).toBeUndefined();
  });

  it('posts the card from the story alone when the page is out of reach', async () => {
    const me = await account();
    env = mirrorEnvironment(pds, me, { sources: [`${web.url}/c.xml`] });
    bot = await startMirrorBot(env);
    await redStarStory('/c.xml', `${web.url}/gone`);

    const [post] = await postsOf(pds, me.did);
    expect(post?.value.embed?.external?.uri).toBe(`${web.url}/gone`);
    expect(post?.value.embed?.external?.title).toBe('Le Red Star FC quitte X');
    expect(post?.value.embed?.external?.thumb).toBeUndefined();
  });

  it('never sends the server a post over 300 graphemes, even for a 400-grapheme summary', async () => {
    const me = await account();
    env = mirrorEnvironment(pds, me);
    bot = await startMirrorBot(env);
    const evidence = `Le Red Star 🔴⭐ quitte X : ${'une décision réfléchie, assumée et expliquée aux supporters. '.repeat(7)}`.slice(0, 400);
    await addStory(bot, { evidence, clubId: 'red-star-fc' });
    await bot.app.dispatcher.runOnce();

    const [post] = await postsOf(pds, me.did);
    const graphemes = [...new Intl.Segmenter().segment(post!.value.text)].length;
    expect(graphemes).toBeLessThanOrEqual(300);
    expect(post!.value.text).toContain('…');
    expect(post!.value.text).toContain('https://news.example/red-star');
    const [delivery] = await bot.context.store.listDeliveries({ destination: 'bluesky' });
    expect(delivery?.attempts).toBe(1);
  });

  it('resumes its session after a restart instead of logging in again, and posts nothing twice', async () => {
    const me = await account();
    env = mirrorEnvironment(pds, me, { sources: [`${web.url}/d.xml`] });
    const loginsBefore = pds.requestsTo('com.atproto.server.createSession').length;
    bot = await startMirrorBot(env);
    await redStarStory('/d.xml', `${web.url}/red-star`);
    expect(await postsOf(pds, me.did)).toHaveLength(1);
    const refreshesBefore = pds.requestsTo('com.atproto.server.refreshSession').length;
    const firstLogs = bot.logText();
    const stored = await bot.context.store.getState(sessionStateKey);
    await bot.close();

    bot = await startMirrorBot(env);
    await pollAll(bot);
    await pollAll(bot);
    expect(await postsOf(pds, me.did)).toHaveLength(1);
    expect(pds.requestsTo('com.atproto.server.createSession').length - loginsBefore).toBe(1);
    expect(pds.requestsTo('com.atproto.server.refreshSession').length).toBeGreaterThan(refreshesBefore);
    // Resuming rotated the refresh token, and the new one is what the store keeps now.
    const rotated = await bot.context.store.getState(sessionStateKey);
    expect(JSON.parse(rotated!).session.refreshJwt).not.toBe(JSON.parse(stored!).session.refreshJwt);

    const logs = firstLogs + bot.logText();
    expect(logs).toContain('Bluesky mirror on');
    for (const secret of [me.password, JSON.parse(stored!).session.accessJwt, JSON.parse(stored!).session.refreshJwt, JSON.parse(rotated!).session.refreshJwt]) {
      expect(logs).not.toContain(secret);
    }
  });

  it('waits out a 429 until the ratelimit-reset the server gave', async () => {
    const me = await account();
    env = mirrorEnvironment(pds, me);
    let now = Date.now();
    bot = await startMirrorBot(env, { now: () => now });
    const reset = Math.ceil(now / 1000) + 120;
    pds.answerNext('com.atproto.repo.createRecord', {
      status: 429,
      headers: { 'ratelimit-limit': '5000', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset), 'ratelimit-policy': '5000;w=3600' },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    });
    const delivery = await addStory(bot, { evidence: 'Le Red Star FC quitte X.', clubId: 'red-star-fc' });
    const claimed = await claim(bot, delivery, new Date(now));
    const outcome = await bot.destination.send(claimed);
    expect(outcome.status).toBe('retry');
    expect(outcome.status === 'retry' && outcome.retryAfterMs).toBeGreaterThanOrEqual(reset * 1000 - now);

    // Until the reset, further attempts do not reach the server at all.
    const createsBefore = pds.requestsTo('com.atproto.repo.createRecord').length;
    now += 60_000;
    expect((await bot.destination.send(await claim(bot, delivery, new Date(now)))).status).toBe('retry');
    expect(pds.requestsTo('com.atproto.repo.createRecord').length).toBe(createsBefore);

    now = reset * 1000 + 2_000;
    const sent = await bot.destination.send(await claim(bot, delivery, new Date(now)));
    expect(sent.status).toBe('sent');
    expect(await postsOf(pds, me.did)).toHaveLength(1);
  });

  it('pauses before meeting a 429 when Bluesky says few write points are left', async () => {
    const me = await account();
    env = mirrorEnvironment(pds, me);
    const now = Date.now();
    bot = await startMirrorBot(env, { now: () => now });
    const reset = Math.ceil(now / 1000) + 600;
    pds.answerNext('com.atproto.repo.createRecord', {
      status: 200,
      passThrough: true,
      headers: { 'ratelimit-limit': '5000', 'ratelimit-remaining': '12', 'ratelimit-reset': String(reset), 'ratelimit-policy': '5000;w=3600' },
    });
    const first = await addStory(bot, { evidence: 'Le Red Star FC quitte X.', clubId: 'red-star-fc' });
    expect((await bot.destination.send(await claim(bot, first, new Date(now)))).status).toBe('sent');
    const second = await addStory(bot, { evidence: 'Le Red Star FC revient sur X.', clubId: 'red-star-fc' });
    const creates = pds.requestsTo('com.atproto.repo.createRecord').length;
    const outcome = await bot.destination.send(await claim(bot, second, new Date(now)));
    expect(outcome.status === 'retry' && outcome.retryAfterMs).toBeGreaterThanOrEqual(reset * 1000 - now);
    expect(pds.requestsTo('com.atproto.repo.createRecord').length).toBe(creates);
  });

  it('does not post twice when it stopped between posting and recording the post', async () => {
    const me = await account();
    env = mirrorEnvironment(pds, me);
    bot = await startMirrorBot(env);
    const delivery = await addStory(bot, { evidence: 'Le Red Star FC quitte X.', clubId: 'red-star-fc' });
    const claimed = await claim(bot, delivery, new Date());
    const first = await bot.destination.send(claimed);
    expect(first.status).toBe('sent');
    // The process ends here: the outbox still says "sending".
    await bot.close();

    bot = await startMirrorBot(env);
    expect((await bot.context.store.getDelivery(delivery))?.status).toBe('pending');
    await bot.app.dispatcher.runOnce();
    const after = await bot.context.store.getDelivery(delivery);
    expect(after?.status).toBe('sent');
    const posts = await postsOf(pds, me.did);
    expect(posts).toHaveLength(1);
    expect(after?.externalId).toBe(posts[0]!.uri);
    expect(first.status === 'sent' && first.externalId).toBe(posts[0]!.uri);
  });

  it('mentions a club whose handle resolves and drops the mention of one whose handle does not', async () => {
    const me = await account();
    const club = await pds.createAccount('redstar.test');
    env = mirrorEnvironment(pds, me);
    const base = await startMirrorBot(env, { start: false });
    const real = base.context.catalog;
    const withAccounts = {
      ...real,
      entries: real.entries,
      byId: (id: string) => {
        const entry = real.byId(id);
        if (!entry) return entry;
        if (id === 'red-star-fc') return { ...entry, accounts: { ...entry.accounts, bluesky: 'redstar.test' } };
        return { ...entry, accounts: { ...entry.accounts, bluesky: 'nobody-here.test' } };
      },
    };
    await base.close();
    bot = await startMirrorBot(env, { catalog: withAccounts });
    const other = real.entries.find((entry) => entry.kind === 'club' && entry.id !== 'red-star-fc')!;
    await addStory(bot, { evidence: 'Le Red Star FC quitte X.', clubId: 'red-star-fc' });
    await addStory(bot, { evidence: `${other.name} leaves X.`, clubId: other.id });
    await bot.app.dispatcher.runOnce();

    const posts = await postsOf(pds, me.did);
    expect(posts).toHaveLength(2);
    const mentions = posts.flatMap((post) =>
      (post.value.facets ?? []).flatMap((facet) =>
        facet.features
          .filter((feature) => feature.$type === 'app.bsky.richtext.facet#mention')
          .map((feature) => ({ did: feature.did, text: sliceBytes(post.value.text, facet.index.byteStart, facet.index.byteEnd) })),
      ),
    );
    expect(mentions).toEqual([{ did: club.did, text: '@redstar.test' }]);
    expect(posts.some((post) => post.value.text.includes('nobody-here'))).toBe(false);
  });
});

let stories = 0;

/** A story as the pipeline makes it, routed into the outbox; returns its Bluesky delivery's id. */
async function addStory(bot: MirrorBot, options: { evidence: string; clubId: string }): Promise<string> {
  const { store, catalog, routing } = bot.context;
  stories += 1;
  const now = new Date().toISOString();
  const entry = catalog.byId(options.clubId);
  const story: Story = await store.createStory(
    { clubId: options.clubId, clubName: entry?.name ?? options.clubId, platform: 'x', action: 'leave', occurredAt: now, firstSeenAt: now, confidence: 0.95, shared: true },
    {
      sourceId: 'f-test',
      outlet: 'Kurve Nord',
      itemKey: `story-${stories}`,
      title: 'Le Red Star FC quitte X',
      link: 'https://news.example/red-star',
      evidence: options.evidence,
      published: now,
      confidence: 0.95,
      lang: 'fr',
      trusted: true,
    },
  );
  await routeStory(store, catalog, routing, story, 'f-test', now);
  const delivery = (await store.listDeliveries({ destination: 'bluesky' })).find((candidate) => candidate.content.storyIds.includes(story.id));
  if (!delivery) throw new Error('the story was not routed to Bluesky');
  return delivery.id;
}

/** Claims one delivery as the dispatcher would, at `now`. */
async function claim(bot: MirrorBot, id: string, now: Date) {
  await bot.context.store.scheduleDeliveryRetry(id, 'test', now.toISOString());
  const claimed = await bot.context.store.claimDeliveries({ now: now.toISOString(), limit: 100, leaseMs: 120_000, destinationKinds: ['bluesky'] });
  const delivery = claimed.find((candidate) => candidate.id === id);
  if (!delivery) throw new Error(`delivery ${id} was not due`);
  return delivery;
}

describe('a digest on Bluesky', () => {
  let pds: TestPds;
  let env: TestEnvironment | undefined;
  let bot: MirrorBot | undefined;

  beforeAll(async () => {
    pds = await startTestPds();
  });
  afterAll(async () => {
    await bot?.close();
    env?.remove();
    await pds.close();
  });

  it('becomes a thread when it does not fit one post, and a retry finishes the thread without repeating a post', async () => {
    const me = await pds.createAccount('digest.test');
    env = mirrorEnvironment(pds, me);
    bot = await startMirrorBot(env);
    const clubs = bot.context.catalog.entries.filter((entry) => entry.kind === 'club').slice(0, 12);
    const storyIds: number[] = [];
    for (const club of clubs) {
      await addStory(bot, { evidence: `${club.name} announced today that it is leaving the social network X for good.`, clubId: club.id });
      storyIds.push(Math.max(...(await bot.context.store.listStories()).map((story) => story.id)));
    }
    for (const delivery of await bot.context.store.listDeliveries({ destination: 'bluesky' })) {
      await bot.context.store.markDeliveryFailed(delivery.id, 'not part of this test', new Date().toISOString());
    }
    const id = 'digest-delivery-000000001';
    await bot.context.store.enqueueDelivery({
      id,
      destination: 'bluesky',
      content: { kind: 'digest', storyIds, language: 'en' },
      idempotencyKey: id,
      nextAttemptAt: new Date().toISOString(),
    });

    // The fourth reply fails; the retry must not post the first three again.
    pds.answerNext('com.atproto.repo.createRecord', { status: 502, body: { error: 'UpstreamFailure', message: 'Bad gateway' } }, { after: 4 });
    const first = await bot.destination.send(await claim(bot, id, new Date()));
    expect(first.status).toBe('retry');
    expect(await postsOf(pds, me.did)).toHaveLength(4);

    const second = await bot.destination.send(await claim(bot, id, new Date()));
    expect(second.status).toBe('sent');
    const posts = await postsOf(pds, me.did);
    expect(posts).toHaveLength(clubs.length + 1);
    const root = posts.find((post) => !post.value.reply)!;
    expect(second.status === 'sent' && second.externalId).toBe(root.uri);
    expect(root.value.text).toContain('🧵');
    for (const post of posts) {
      expect([...new Intl.Segmenter().segment(post.value.text)].length).toBeLessThanOrEqual(300);
      if (post !== root) expect(post.value.reply?.root.uri).toBe(root.uri);
    }
    // Each reply answers the one before it: one chain, in the order of the stories.
    const parents = new Set(posts.flatMap((post) => (post.value.reply ? [post.value.reply.parent.uri] : [])));
    expect(parents.size).toBe(clubs.length);

    const again = await bot.destination.send(await claim(bot, id, new Date()));
    expect(again.status === 'sent' && again.externalId).toBe(root.uri);
    expect(await postsOf(pds, me.did)).toHaveLength(clubs.length + 1);
  });
});
