import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeed } from '../../src/sources/feed-reader.ts';
import { sourceIdFor } from '../../src/sources/source-id.ts';
import { GUILD, Harness, MANAGE_SERVER, OM, OTHER_ADMIN, OTHER_GUILD, OTHER_NEWS, option, rss } from './harness.ts';

describe('/clubwatch why', () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await Harness.start();
    const { store, pipeline } = harness.context;
    await store.addWatch(GUILD, { kind: 'club', value: OM });
    const configured = await store.getSource(sourceIdFor('feed', `${harness.feeds.url}/feed.xml`));
    if (!configured) throw new Error('the configured feed was not read at start-up');
    const feed = readFeed(
      rss([
        { id: 'om', title: 'L’OM quitte X', text: 'L’Olympique de Marseille a annoncé quitter le réseau social X.', link: 'https://news.example/om-x' },
        { id: 'psg', title: 'Le PSG quitte X', text: 'Le Paris Saint-Germain a annoncé quitter le réseau social X.', link: 'https://news.example/psg-x' },
        { id: 'match', title: 'Le match nul de samedi', text: 'Une rencontre sans but au Vélodrome.', link: 'https://news.example/match' },
        { id: 'om-2010', title: 'Les débuts de l’OM en ligne', text: 'L’Olympique de Marseille a ouvert son compte Twitter en 2010.', link: 'https://news.example/om-2010' },
      ]),
    );
    await pipeline.ingest(configured, feed.items);

    // A feed only the other server added.
    const privateUrl = 'https://private.example/feed.xml';
    const privateSource = await store.addSource({ id: sourceIdFor('feed', privateUrl), url: privateUrl, kind: 'feed', origin: 'server', intervalSeconds: 600, nextFetchAt: new Date().toISOString() });
    await store.subscribeServerSource(OTHER_GUILD, privateSource.id);
    await store.recordFetchSuccess(privateSource.id, { etag: null, lastModified: null, bodyHash: null, fetchedAt: new Date().toISOString(), nextFetchAt: new Date().toISOString() });
    const privateFeed = readFeed(rss([{ id: 'secret', title: 'L’OL quitte X', text: 'L’Olympique Lyonnais a annoncé quitter X.', link: 'https://private.example/ol-x' }]));
    await pipeline.ingest((await store.getSource(privateSource.id)) ?? privateSource, privateFeed.items);
  });
  afterAll(async () => {
    await harness.close();
  });

  it('shows what it found in an item it posted, and that the server watches that club', async () => {
    const result = await harness.admin('why', [option('url', 'https://news.example/om-x?utm_source=discord#top')]);
    const embed = result.reply?.embeds[0];
    expect(embed?.description).toContain('L’OM quitte X');
    expect(embed?.description).toContain('Read in Le Fil Test');
    const found = embed?.fields?.find((field) => field.name === 'Found')?.value ?? '';
    expect(found).toMatch(/^\*\*OM\*\* · leaves X · 0\.\d\d/);
    expect(found).toMatch(/posted \(story \d+\); this server watches OM/);
  });

  it('says when the server does not watch the club', async () => {
    const result = await harness.admin('why', [option('url', 'https://news.example/psg-x')]);
    expect(result.reply?.embeds[0]?.fields?.[0]?.value).toContain('this server does not watch PSG');
  });

  it('says when an item says nothing about a platform', async () => {
    const result = await harness.admin('why', [option('url', 'https://news.example/match')]);
    expect(result.reply?.embeds[0]?.fields?.[0]?.value).toBe('Nothing about a club leaving, staying on or joining a platform.');
  });

  it('says a join the item dates to an earlier year was not posted, being history', async () => {
    const result = await harness.admin('why', [option('url', 'https://news.example/om-2010')]);
    const found = result.reply?.embeds[0]?.fields?.[0]?.value ?? '';
    expect(found).toMatch(/^\*\*OM\*\* · joins X/);
    expect(found).toContain('not posted: the item dates it to 2010, history rather than news');
  });

  it('keeps items from another server’s own feeds to that server', async () => {
    const mine = await harness.admin('why', [option('url', 'https://private.example/ol-x')]);
    expect(mine.reply?.content).toBe('clubwatch has not read an item with that link.');
    const theirs = await harness.discord.interact({
      guildId: OTHER_GUILD,
      channelId: OTHER_NEWS,
      user: OTHER_ADMIN,
      memberPermissions: MANAGE_SERVER,
      commandName: 'clubwatch',
      options: [{ type: 1, name: 'why', options: [option('url', 'https://private.example/ol-x')] }],
    });
    expect(theirs.reply?.embeds[0]?.fields?.[0]?.value).toContain('OL');
  });
});
