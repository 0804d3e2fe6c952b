import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { FeedServer } from '../helpers/feed-server.ts';
import { testDatabaseUrl, testSchema, urlWithSchema } from '../helpers/postgres.ts';
import { startTestApp, testEnvironment, type TestApp, type TestEnvironment } from '../helpers/test-app.ts';
import { runCliAsync } from './run-cli.ts';

function rss(entries: Array<{ guid: string; title: string }>): string {
  const items = entries
    .map((entry) => `<item><title>${entry.title}</title><link>https://news.example/${entry.guid}</link><guid isPermaLink="false">${entry.guid}</guid><pubDate>${new Date().toUTCString()}</pubDate></item>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Outlet</title><link>https://news.example/</link>${items}</channel></rss>`;
}

const routine = { guid: 'routine', title: 'Matchday preview' };
const redStar = { guid: 'red-star', title: 'Red Star FC quitte X, une première pour un club français' };
const psg = { guid: 'psg', title: 'Le PSG quitte X, annonce le club' };

async function onDatabase(work: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString: testDatabaseUrl ?? '' });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}

describe.skipIf(testDatabaseUrl === null)('clubwatch migrate and store copy', () => {
  const feeds = new FeedServer();
  const schema = testSchema();
  let env: TestEnvironment | undefined;
  let bot: TestApp | undefined;

  afterEach(async () => {
    await bot?.close();
    await feeds.close();
    env?.remove();
    await onDatabase((client) => client.query(`drop schema if exists ${schema} cascade`).then(() => undefined));
  });

  async function pollAll(app: TestApp) {
    for (const source of await app.context.store.listSources()) await app.app.poller.poll(source);
    await app.app.dispatcher.runOnce();
  }

  it('moves a SQLite store to PostgreSQL, and the bot goes on from it without posting anything twice', async () => {
    await feeds.start();
    feeds.route('/a.xml', { body: rss([routine]) });
    env = testEnvironment({ sources: [`${feeds.url}/a.xml`] });
    bot = await startTestApp(env);
    await bot.app.prepare();
    await pollAll(bot);
    feeds.route('/a.xml', { body: rss([routine, redStar]) });
    await pollAll(bot);
    expect(bot.printed()).toContain('Red Star');
    const before = { deliveries: await bot.context.store.countDeliveries(), stories: await bot.context.store.listStories({ visibleTo: 'all' }) };
    await bot.close();
    bot = undefined;

    await onDatabase((client) => client.query(`create schema ${schema}`).then(() => undefined));
    const url = urlWithSchema(schema);
    const copy = await runCliAsync(['store', 'copy', '--to', url], env.vars);
    expect(copy.stderr).toBe('');
    expect(copy.status).toBe(0);
    expect(copy.stdout).toMatch(/^Copied .* to 127\.0\.0\.1:5432\/test: 1 sources, 2 items, 1 stories/);
    expect(copy.stdout).not.toContain(url);

    env.vars.CLUBWATCH_DATABASE_URL = url;
    bot = await startTestApp(env);
    await bot.app.prepare();
    await pollAll(bot);
    expect(bot.printed()).toBe('');
    expect(await bot.context.store.countDeliveries()).toEqual(before.deliveries);
    expect((await bot.context.store.listStories({ visibleTo: 'all' })).map((story) => story.id)).toEqual(before.stories.map((story) => story.id));

    feeds.route('/a.xml', { body: rss([routine, redStar, psg]) });
    await pollAll(bot);
    expect(bot.printed()).toContain('PSG leaves X');
    expect(bot.printed()).not.toContain('Red Star');
    const stories = await bot.context.store.listStories({ visibleTo: 'all' });
    expect(stories).toHaveLength(2);
    expect(stories[0]!.id).toBeGreaterThan(before.stories[0]!.id);

    const again = await runCliAsync(['store', 'copy', '--to', url], { ...env.vars, CLUBWATCH_DATABASE_URL: '' });
    expect(again.status).toBe(1);
    expect(again.stderr.trim()).toBe('clubwatch: the PostgreSQL database at 127.0.0.1:5432/test already holds data: copy into an empty database');
  });

  it('brings a PostgreSQL database up to date without naming its password, and says so again when there is nothing to do', async () => {
    env = testEnvironment();
    await onDatabase((client) => client.query(`create schema ${schema}`).then(() => undefined));
    const url = new URL(urlWithSchema(schema));
    url.password = 'not-shown';
    const vars = { ...env.vars, CLUBWATCH_DATABASE_URL: url.toString() };
    for (let run = 0; run < 2; run += 1) {
      const migrate = await runCliAsync(['migrate'], vars);
      expect(migrate.stdout).toBe('The PostgreSQL database at 127.0.0.1:5432/test is up to date.\n');
      expect(migrate.stderr).not.toContain('not-shown');
    }
    await onDatabase(async (client) => {
      const { rows } = await client.query(`select count(*)::int as n from information_schema.tables where table_schema = '${schema}'`);
      expect(rows[0].n).toBeGreaterThanOrEqual(14);
    });
  });
});
