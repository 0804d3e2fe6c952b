import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FeedServer } from '../helpers/feed-server.ts';
import { startTestApp, testEnvironment, type TestApp, type TestEnvironment } from '../helpers/test-app.ts';

interface Entry {
  guid: string;
  title: string;
  description: string;
  pubDate?: string;
}

function rss(title: string, entries: Entry[]): string {
  const items = entries
    .map(
      (entry) => `<item><title>${entry.title}</title><link>https://news.example/${entry.guid}</link><guid isPermaLink="false">${entry.guid}</guid>` +
        `<pubDate>${entry.pubDate ?? new Date().toUTCString()}</pubDate><description>${entry.description}</description></item>`,
    )
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>${title}</title><link>https://news.example/</link>${items}</channel></rss>`;
}

const routine: Entry = { guid: 'routine', title: 'Matchday preview', description: 'The coach spoke about the weekend fixture.' };
const redStarLeaves: Entry = {
  guid: 'red-star-leaves',
  title: 'Red Star FC quitte X',
  description: 'Le Red Star FC a annoncé qu’il quittait le réseau social X, une première pour un club français.',
};
const headline = 'leaves X';

describe('the news pipeline', () => {
  let feeds: FeedServer;
  let env: TestEnvironment;
  let bot: TestApp;

  beforeEach(async () => {
    feeds = new FeedServer();
    await feeds.start();
  });
  afterEach(async () => {
    await bot?.close();
    await feeds.close();
    env?.remove();
  });

  async function boot(paths: string[], vars: Record<string, string> = {}) {
    env = testEnvironment({ sources: paths.map((path) => `${feeds.url}${path}`), vars });
    bot = await startTestApp(env);
    await bot.app.prepare();
  }

  async function pollAll() {
    for (const source of await bot.context.store.listSources()) await bot.app.poller.poll(source);
    await bot.app.dispatcher.runOnce();
  }

  it('records a new source’s current items without announcing them, then announces what comes next', async () => {
    feeds.route('/a.xml', { body: rss('Outlet A', [routine, redStarLeaves]) });
    await boot(['/a.xml']);
    await pollAll();
    expect(bot.printed()).toBe('');

    const next = { ...redStarLeaves, guid: 'red-star-leaves-2' };
    feeds.route('/a.xml', { body: rss('Outlet A', [routine, redStarLeaves, next]) });
    await pollAll();
    expect(bot.printed()).toContain('Red Star');
    expect(bot.printed()).toContain(headline);
  });

  it('answers a 304 without parsing and keeps the source healthy', async () => {
    feeds.route('/a.xml', { body: rss('Outlet A', [routine]), etag: '"v1"' });
    await boot(['/a.xml']);
    const [source] = await bot.context.store.listSources();
    expect((await bot.app.poller.poll(source!)).status).toBe('items');
    const outcome = await bot.app.poller.poll((await bot.context.store.getSource(source!.id))!);
    expect(outcome.status).toBe('unchanged');
    expect(feeds.requestsTo('/a.xml')[1]?.headers['if-none-match']).toBe('"v1"');
    expect((await bot.context.store.getSource(source!.id))?.failingSince).toBeNull();
  });

  it('does not parse a body that has not changed since the last read', async () => {
    feeds.route('/a.xml', { body: rss('Outlet A', [routine]) });
    await boot(['/a.xml']);
    const [source] = await bot.context.store.listSources();
    await bot.app.poller.poll(source!);
    expect((await bot.app.poller.poll((await bot.context.store.getSource(source!.id))!)).status).toBe('unchanged');
  });

  it('posts one story when three outlets report it, listing all three', async () => {
    for (const path of ['/a.xml', '/b.xml', '/c.xml']) feeds.route(path, { body: rss(`Outlet ${path}`, [routine]) });
    await boot(['/a.xml', '/b.xml', '/c.xml']);
    await pollAll();
    for (const path of ['/a.xml', '/b.xml', '/c.xml']) {
      feeds.route(path, { body: rss(`Outlet ${path}`, [routine, { ...redStarLeaves, guid: `rs-${path}` }]) });
    }
    await pollAll();
    expect(bot.printed().split(headline).length - 1).toBe(1);
    const [story] = await bot.context.store.listStories({ clubId: 'red-star-fc' });
    expect(story?.reports).toHaveLength(3);
    expect(await bot.context.store.getBoard('red-star-fc')).toMatchObject([{ platform: 'x', action: 'leave' }]);
  });

  it('re-delivers nothing when a second process opens the same database', async () => {
    feeds.route('/a.xml', { body: rss('Outlet A', [routine]) });
    await boot(['/a.xml']);
    await pollAll();
    feeds.route('/a.xml', { body: rss('Outlet A', [routine, redStarLeaves]) });
    await pollAll();
    expect(bot.printed()).toContain(headline);
    await bot.close();

    bot = await startTestApp(env);
    await bot.app.prepare();
    feeds.route('/a.xml', { body: rss('Outlet A', [redStarLeaves, routine]) + ' ' });
    await pollAll();
    expect(bot.printed()).toBe('');
    expect(await bot.context.store.countDeliveries()).toMatchObject({ pending: 0, sending: 0, sent: 1 });
  });

  it('marks a malformed feed and a dead URL as failing, with the reason and a later retry, and reads the others', async () => {
    feeds.route('/bad.xml', { body: '<rss><channel><item><title>oops</item></channel>' });
    feeds.route('/html', { body: '<!doctype html><html><body>Not a feed</body></html>', headers: { 'content-type': 'text/html' } });
    feeds.route('/good.xml', { body: rss('Good', [routine]) });
    await boot(['/bad.xml', '/html', '/good.xml']);
    await bot.context.store.addSource({
      id: 'dead',
      url: 'http://127.0.0.1:9/feed.xml',
      kind: 'feed',
      origin: 'operator',
      intervalSeconds: 600,
      nextFetchAt: new Date().toISOString(),
    });
    const outcomes = await bot.app.poller.tick();
    expect(outcomes).toHaveLength(4);
    const sources = await bot.context.store.listSources();
    const failing = sources.filter((source) => source.failingSince !== null);
    expect(failing.map((source) => source.url).sort()).toEqual([`${feeds.url}/bad.xml`, `${feeds.url}/html`, 'http://127.0.0.1:9/feed.xml'].sort());
    for (const source of failing) {
      expect(source.lastError).toBeTruthy();
      expect(Date.parse(source.nextFetchAt)).toBeGreaterThan(Date.now());
    }
    expect(sources.find((source) => source.url.endsWith('/good.xml'))?.lastSuccessAt).not.toBeNull();
    const warnings = bot.logs().filter((line) => line.msg === 'source unreachable');
    expect(warnings).toHaveLength(3);
    expect(bot.logText()).not.toMatch(/"stack"/);
  });

  it('ignores items older than the maximum age and caps how many items one read announces', async () => {
    feeds.route('/a.xml', { body: rss('Outlet A', [routine]) });
    await boot(['/a.xml'], { CLUBWATCH_MAX_ANNOUNCED_PER_RUN: '1' });
    await pollAll();
    const old = { ...redStarLeaves, guid: 'old', pubDate: new Date(Date.now() - 60 * 86_400_000).toUTCString() };
    const fresh = { guid: 'om', title: 'L’OM n’envisage pas de quitter X', description: 'L’Olympique de Marseille reste sur X, a indiqué le club.' };
    const another = { guid: 'pauli', title: 'FC St. Pauli verlässt X', description: 'Der FC St. Pauli zieht sich von der Plattform X zurück.' };
    feeds.route('/a.xml', { body: rss('Outlet A', [routine, old, fresh, another]) });
    await pollAll();
    expect(bot.printed()).not.toContain('Red Star');
    expect((await bot.context.store.listStories()).length).toBe(1);
  });

  it('tells no one of a join the item dates to an earlier year, and keeps it for why', async () => {
    feeds.route('/a.xml', { body: rss('Outlet A', [routine]) });
    await boot(['/a.xml']);
    await pollAll();
    const history = { guid: 'chelsea-2009', title: 'Football’s first tweets', description: 'Chelsea FC launched its official Twitter account in 2009, with a welcome message to fans.' };
    const now = { guid: 'brentford', title: 'Brentford FC joins Bluesky', description: 'Brentford FC has opened an account on Bluesky.' };
    feeds.route('/a.xml', { body: rss('Outlet A', [routine, history, now]) });
    await pollAll();
    expect(bot.printed()).toContain('Brentford');
    expect(bot.printed()).not.toContain('Chelsea');
    expect((await bot.context.store.listStories()).map((story) => story.clubId)).toEqual(['brentford-fc']);
    const [source] = await bot.context.store.listSources();
    const recorded = await bot.context.store.listAnnouncementsForItem(source!.id, 'chelsea-2009');
    expect(recorded).toMatchObject([{ club: { id: 'chelsea-fc' }, platform: 'x', action: 'join', storyId: null }]);
  });

  it('announces the bundled sample on its first read, so a new install shows summaries at once', async () => {
    await boot([], { CLUBWATCH_SAMPLE: 'true' });
    await pollAll();
    expect(bot.printed()).toContain('Red Star');
    expect(bot.printed()).toContain('St. Pauli');
  });
});
