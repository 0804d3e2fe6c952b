import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import type { AtpAgent } from '@atproto/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as WsSocket } from 'ws';
import { runBlueskyDiscover } from '../../src/bluesky/index.ts';
import { createCatalog } from '../../src/catalog/create-catalog.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import type { Catalog, CatalogEntry } from '../../src/catalog/types.ts';
import { sourceIdFor } from '../../src/sources/source-id.ts';
import { FeedServer } from '../helpers/feed-server.ts';
import { startTestPds, type TestAccount, type TestPds } from '../helpers/pds.ts';
import { localFetcher, mirrorEnvironment, pollAll, postsOf, startMirrorBot, type MirrorBot } from '../helpers/pds-bot.ts';
import { testEnvironment, type TestEnvironment } from '../helpers/test-app.ts';

function catalogWith(accounts: Record<string, Partial<CatalogEntry['accounts']>>): Catalog {
  const real = loadCatalog();
  return createCatalog(real.entries.map((entry) => (accounts[entry.id] ? { ...entry, accounts: { ...entry.accounts, ...accounts[entry.id] } } : entry)));
}

async function post(agent: AtpAgent, text: string, langs: string[]): Promise<void> {
  await agent.post({ text, langs, createdAt: new Date().toISOString() });
}

describe('clubs’ own Bluesky accounts as a source', () => {
  let pds: TestPds;
  let env: TestEnvironment | undefined;
  let bot: MirrorBot | undefined;

  beforeAll(async () => {
    pds = await startTestPds();
  });
  afterAll(async () => {
    await pds.close();
  });
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
    env?.remove();
    env = undefined;
  });

  function readerEnvironment(): TestEnvironment {
    return testEnvironment({ vars: { BLUESKY_READ_CLUB_ACCOUNTS: 'true', BLUESKY_APPVIEW: pds.url } });
  }

  it('turns a club’s first-person post into a story about that club, following the account by its DID', async () => {
    const club = await pds.createAccount('stpauli.test');
    const clubAgent = await pds.agentFor(club);
    await post(clubAgent, 'Moin! Das neue Auswärtstrikot ist da.', ['de']);

    env = readerEnvironment();
    const catalog = catalogWith({ 'fc-st-pauli': { bluesky: '@stpauli.test' } });
    bot = await startMirrorBot(env, { catalog, plcUrl: pds.plcUrl });
    const source = await bot.context.store.getSource(sourceIdFor('bluesky', club.did));
    expect(source).toMatchObject({ kind: 'bluesky', url: club.did, origin: 'config' });

    await pollAll(bot);
    expect(await bot.context.store.listStories({ clubId: 'fc-st-pauli' })).toEqual([]);

    await post(clubAgent, 'Wir verlassen X. Ab heute findet ihr uns hier und auf Instagram.', ['de']);
    await pollAll(bot);
    const stories = await bot.context.store.listStories({ clubId: 'fc-st-pauli' });
    expect(stories).toHaveLength(1);
    expect(stories[0]).toMatchObject({ clubId: 'fc-st-pauli', platform: 'x', action: 'leave' });
    expect(stories[0]?.reports[0]?.link).toMatch(new RegExp(`^https://bsky\\.app/profile/${club.did}/post/[a-z2-7]{13}$`));
    expect(stories[0]?.reports[0]?.evidence).toBe('Wir verlassen X.');
    expect(bot.printed()).toContain('St. Pauli leaves X');

    // Nothing new: the cursor says so without another story.
    const outcome = await bot.app.poller.poll((await bot.context.store.getSource(sourceIdFor('bluesky', club.did)))!);
    expect(outcome.status).toBe('unchanged');

    // A new handle changes nothing: the account is followed by its DID, resolved once.
    await clubAgent.com.atproto.identity.updateHandle({ handle: 'fcstpauli.test' });
    await bot.close();
    bot = await startMirrorBot(env, { catalog, plcUrl: pds.plcUrl });
    await post(clubAgent, 'We are leaving X for good.', ['en']);
    await pollAll(bot);
    const sources = (await bot.context.store.listSources()).filter((candidate) => candidate.kind === 'bluesky');
    expect(sources.map((candidate) => candidate.url)).toEqual([club.did]);
    const [story] = await bot.context.store.listStories({ clubId: 'fc-st-pauli' });
    expect(story?.reports.map((report) => report.evidence)).toEqual(['Wir verlassen X.', 'We are leaving X for good.']);
  });

  it('leaves out a club’s replies to other accounts', async () => {
    const club = await pds.createAccount('werder.test');
    const fan = await pds.createAccount('fan.test');
    const clubAgent = await pds.agentFor(club);
    const fanAgent = await pds.agentFor(fan);
    await post(clubAgent, 'Moin aus Bremen.', ['de']);

    env = readerEnvironment();
    bot = await startMirrorBot(env, { catalog: catalogWith({ 'werder-bremen': { bluesky: 'werder.test' } }), plcUrl: pds.plcUrl });
    await pollAll(bot);

    const question = await fanAgent.post({ text: 'Geht ihr von X weg?', createdAt: new Date().toISOString() });
    await clubAgent.post({
      text: 'Wir verlassen X nicht, keine Sorge.',
      langs: ['de'],
      reply: { root: { uri: question.uri, cid: question.cid }, parent: { uri: question.uri, cid: question.cid } },
      createdAt: new Date().toISOString(),
    });
    await pollAll(bot);
    expect(await bot.context.store.listStories({ clubId: 'werder-bremen' })).toEqual([]);
  });

  it('mirrors a story that a club’s own post started', async () => {
    const club = await pds.createAccount('redstar-fc.test');
    const mirror: TestAccount = await pds.createAccount('clubwatch-mirror.test');
    const clubAgent = await pds.agentFor(club);
    await post(clubAgent, 'Bonjour à toutes et à tous.', ['fr']);

    env = mirrorEnvironment(pds, mirror, { vars: { BLUESKY_READ_CLUB_ACCOUNTS: 'true', BLUESKY_APPVIEW: pds.url } });
    bot = await startMirrorBot(env, { catalog: catalogWith({ 'red-star-fc': { bluesky: 'redstar-fc.test' } }), plcUrl: pds.plcUrl });
    await pollAll(bot);
    await post(clubAgent, 'Nous quittons X aujourd’hui. Retrouvez-nous ici.', ['fr']);
    await pollAll(bot);

    const posts = await postsOf(pds, mirror.did);
    expect(posts).toHaveLength(1);
    expect(posts[0]?.value.text).toMatch(/^Red Star leaves X/);
    const mention = posts[0]?.value.facets?.flatMap((facet) => facet.features).find((feature) => feature.$type === 'app.bsky.richtext.facet#mention');
    expect(mention?.did).toBe(club.did);
  });

  it('discovers a club’s account by its handle, reports it and records the club joining Bluesky', async () => {
    const werder = await pds.createAccount('werderbremen.test');
    const agent = await pds.agentFor(werder);
    await agent.com.atproto.repo.putRecord({
      repo: werder.did,
      collection: 'app.bsky.actor.profile',
      rkey: 'self',
      record: { $type: 'app.bsky.actor.profile', displayName: 'SV Werder Bremen', createdAt: new Date().toISOString() },
    });
    // An account at a likely handle whose profile names someone else is only reported.
    await pds.createAccount('bvb.test');

    env = readerEnvironment();
    bot = await startMirrorBot(env, { plcUrl: pds.plcUrl });
    const output = new PassThrough();
    let printed = '';
    output.on('data', (chunk: Buffer) => {
      printed += chunk.toString('utf8');
    });
    const fetcher = localFetcher();
    try {
      await runBlueskyDiscover(bot.context, output, { fetcher, plcUrl: pds.plcUrl, handleSuffixes: ['.test'] });
    } finally {
      await fetcher.close();
    }

    expect(printed).toContain(`Werder: @werderbremen.test (${werder.did}) — confirmed, recorded as joining Bluesky`);
    expect(printed).toMatch(/BVB: possibly @bvb\.test \(no display name\)/);
    expect(printed).toMatch(/\d+ confirmed, \d+ to check, \d+ without an account found\./);
    const stories = await bot.context.store.listStories({ clubId: 'werder-bremen' });
    expect(stories).toHaveLength(1);
    expect(stories[0]).toMatchObject({ platform: 'bluesky', action: 'join' });
    expect(stories[0]?.reports[0]?.evidence).toBe('@werderbremen.test');

    // From the next start on, the discovered account is read like one the catalog lists.
    await bot.close();
    bot = await startMirrorBot(env, { plcUrl: pds.plcUrl });
    expect(await bot.context.store.getSource(sourceIdFor('bluesky', werder.did))).toBeDefined();
  });
});

describe('bluesky discover without the AppView', () => {
  it('says plainly that the AppView cannot be reached, before looking anything up', async () => {
    const env = testEnvironment({ vars: { BLUESKY_READ_CLUB_ACCOUNTS: 'true', BLUESKY_APPVIEW: 'http://127.0.0.1:9' } });
    const bot = await startMirrorBot(env, { start: false });
    const fetcher = localFetcher();
    const output = new PassThrough();
    try {
      await expect(runBlueskyDiscover(bot.context, output, { fetcher })).rejects.toThrow(/cannot reach the Bluesky AppView at http:\/\/127\.0\.0\.1:9: network error/);
      expect(output.read()).toBeNull();
    } finally {
      await fetcher.close();
      await bot.close();
      env.remove();
    }
  });
});

describe('clubs’ handles when the AppView is down', () => {
  it('tries one and leaves the rest for the next start instead of holding the start-up', async () => {
    const appView = new FeedServer({ '/xrpc/com.atproto.identity.resolveHandle': { status: 503, body: 'down' } });
    await appView.start();
    const env = testEnvironment({ vars: { BLUESKY_READ_CLUB_ACCOUNTS: 'true', BLUESKY_APPVIEW: appView.url } });
    const catalog = catalogWith({ 'fc-st-pauli': { bluesky: 'fcstpauli.example' }, 'werder-bremen': { bluesky: 'werder.example' }, 'red-star-fc': { bluesky: 'redstar.example' } });
    const bot = await startMirrorBot(env, { catalog });
    try {
      expect(appView.requestsTo('/xrpc/com.atproto.identity.resolveHandle')).toHaveLength(1);
      expect((await bot.context.store.listSources()).filter((source) => source.kind === 'bluesky')).toEqual([]);
      expect(bot.logText()).toContain('trying again at the next start');
    } finally {
      await bot.close();
      env.remove();
      await appView.close();
    }
  });
});

describe('a club’s account read through the public AppView', () => {
  it('is read there when its DID document names no PDS, leaving out reposts and other authors', async () => {
    const did = 'did:plc:abcdefghijklmnopqrstuvwx';
    const services = new FeedServer();
    await services.start();
    const json = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const entry = (rkey: string, text: string, author = did, reason?: unknown) => ({
      post: { uri: `at://${author}/app.bsky.feed.post/${rkey}`, cid: 'bafyreib', author: { did: author, handle: 'club.example' }, record: { $type: 'app.bsky.feed.post', text, langs: ['en'], createdAt: new Date().toISOString() } },
      ...(reason ? { reason } : {}),
    });
    services.route(`/${did}`, json({ id: did, alsoKnownAs: ['at://club.example'], service: [] }));
    services.route('/xrpc/app.bsky.feed.getAuthorFeed', json({ feed: [entry('3kaaaaaaaaaa2', 'Good morning from the stadium.')] }));
    const env = testEnvironment({ vars: { BLUESKY_READ_CLUB_ACCOUNTS: 'true', BLUESKY_APPVIEW: services.url } });
    const bot = await startMirrorBot(env, { catalog: catalogWith({ 'brentford-fc': { blueskyDid: did } }), plcUrl: services.url });
    try {
      await pollAll(bot);
      services.route(
        '/xrpc/app.bsky.feed.getAuthorFeed',
        json({
          feed: [
            entry('3kaaaaaaaaac2', 'We are leaving X today.', 'did:plc:someoneelseentirelyxxxx', { $type: 'app.bsky.feed.defs#reasonRepost' }),
            entry('3kaaaaaaaaab2', 'We are leaving X. You will find us here from now on.'),
            entry('3kaaaaaaaaaa2', 'Good morning from the stadium.'),
          ],
        }),
      );
      await pollAll(bot);
      const stories = await bot.context.store.listStories({ clubId: 'brentford-fc' });
      expect(stories).toHaveLength(1);
      expect(stories[0]).toMatchObject({ platform: 'x', action: 'leave' });
      expect(stories[0]?.reports).toHaveLength(1);
      expect(services.requests.some((request) => request.path === '/xrpc/app.bsky.feed.getAuthorFeed' && request.url.includes(`actor=${encodeURIComponent(did)}`))).toBe(true);
    } finally {
      await bot.close();
      env.remove();
      await services.close();
    }
  });
});

describe('clubs’ accounts followed live through Jetstream', () => {
  it('turns a post from the stream into a story, and resumes a few seconds before its cursor after a reconnect', async () => {
    const pds = await startTestPds();
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const connections: Array<{ url: URL; socket: WsSocket }> = [];
    server.on('connection', (socket, request) => connections.push({ url: new URL(request.url ?? '/', 'ws://localhost'), socket }));
    const jetstreamUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const club = await pds.createAccount('live-club.test');
    const env = testEnvironment({ vars: { BLUESKY_READ_CLUB_ACCOUNTS: 'true', BLUESKY_APPVIEW: pds.url } });
    const bot = await startMirrorBot(env, { catalog: catalogWith({ 'fc-st-pauli': { blueskyDid: club.did } }), plcUrl: pds.plcUrl, jetstreamUrl });
    try {
      await pollAll(bot);
      await until(async () => connections.length === 1);
      expect(connections[0]?.url.pathname).toBe('/subscribe');
      expect(connections[0]?.url.searchParams.getAll('wantedDids')).toEqual([club.did]);
      expect(connections[0]?.url.searchParams.get('cursor')).toBeNull();

      const timeUs = Date.now() * 1000;
      connections[0]?.socket.send(
        JSON.stringify({
          did: club.did,
          time_us: timeUs,
          kind: 'commit',
          commit: {
            rev: '3kabc',
            operation: 'create',
            collection: 'app.bsky.feed.post',
            rkey: '3kabcdefghij2',
            record: { $type: 'app.bsky.feed.post', text: 'Wir verlassen X. Ab heute nur noch hier.', langs: ['de'], createdAt: new Date().toISOString() },
            cid: 'bafyreib',
          },
        }),
      );
      await until(async () => (await bot.context.store.listStories({ clubId: 'fc-st-pauli' })).length === 1);
      const [story] = await bot.context.store.listStories({ clubId: 'fc-st-pauli' });
      expect(story).toMatchObject({ platform: 'x', action: 'leave' });
      expect(story?.reports[0]?.link).toBe(`https://bsky.app/profile/${club.did}/post/3kabcdefghij2`);

      connections[0]?.socket.close();
      await until(async () => connections.length === 2);
      expect(Number(connections[1]?.url.searchParams.get('cursor'))).toBe(timeUs - 5_000_000);
    } finally {
      await bot.close();
      env.remove();
      server.close();
      await pds.close();
    }
  });
});

describe('a club’s account whose first read failed', () => {
  it('still reads a post that arrives live through Jetstream as news, not as history', async () => {
    const pds = await startTestPds();
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise((resolve) => server.once('listening', resolve));
    const connections: WsSocket[] = [];
    server.on('connection', (socket) => connections.push(socket));
    const jetstreamUrl = `ws://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const club = await pds.createAccount('live-first.test');
    await post(await pds.agentFor(club), 'Moin! Das neue Auswärtstrikot ist da.', ['de']);
    const env = testEnvironment({ vars: { BLUESKY_READ_CLUB_ACCOUNTS: 'true', BLUESKY_APPVIEW: pds.url } });
    const bot = await startMirrorBot(env, { catalog: catalogWith({ 'fc-st-pauli': { blueskyDid: club.did } }), plcUrl: pds.plcUrl, jetstreamUrl });
    try {
      // The account's PDS and the AppView both fail the first read.
      pds.answerNext('com.atproto.repo.listRecords', { status: 502 }, { times: 1 });
      pds.answerNext('app.bsky.feed.getAuthorFeed', { status: 502 }, { times: 1 });
      await pollAll(bot);
      const source = await bot.context.store.getSource(sourceIdFor('bluesky', club.did));
      expect(source?.lastSuccessAt).toBeNull();
      expect(source?.consecutiveFailures).toBeGreaterThan(0);
      await until(async () => connections.length === 1);

      connections[0]?.send(
        JSON.stringify({
          did: club.did,
          time_us: Date.now() * 1000,
          kind: 'commit',
          commit: {
            rev: '3kabd',
            operation: 'create',
            collection: 'app.bsky.feed.post',
            rkey: '3kabcdefghik2',
            record: { $type: 'app.bsky.feed.post', text: 'Wir verlassen X. Ab heute nur noch hier.', langs: ['de'], createdAt: new Date().toISOString() },
            cid: 'bafyreic',
          },
        }),
      );
      await until(async () => (await bot.context.store.listStories({ clubId: 'fc-st-pauli' })).length === 1);
      const [story] = await bot.context.store.listStories({ clubId: 'fc-st-pauli' });
      expect(story).toMatchObject({ platform: 'x', action: 'leave', shared: true });

      // The first read that succeeds later records the account's history without announcing it.
      const now = new Date().toISOString();
      await bot.context.store.recordFetchFailure(source!.id, { error: 'HTTP 502', fetchedAt: now, nextFetchAt: now });
      await pollAll(bot);
      expect(await bot.context.store.listStories({ clubId: 'fc-st-pauli' })).toHaveLength(1);
      expect((await bot.context.store.getSource(source!.id))?.lastSuccessAt).not.toBeNull();
    } finally {
      await bot.close();
      env.remove();
      server.close();
      await pds.close();
    }
  });
});

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
