import type { APIEmbed } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sourceIdFor } from '../../src/sources/source-id.ts';
import { startTestPds, type TestAccount, type TestPds } from '../helpers/pds.ts';
import { postsOf } from '../helpers/pds-bot.ts';
import { ADMIN, Harness, MEMBER, NEWS, OM, OTHER_ADMIN, OTHER_GUILD, OTHER_NEWS, option, rss } from './harness.ts';

const seed = { id: 'seed', title: 'Pre-season friendly ends in a draw', text: 'Nothing about social media here.' };
const forged = {
  id: 'forged',
  title: 'L’OM quitte X',
  text: 'L’Olympique de Marseille a annoncé mardi quitter le réseau social X.',
  link: 'https://attacker.example/om-quitte-x',
};
const confirmed = {
  id: 'confirmed',
  title: 'Marseille quitte X',
  text: 'L’Olympique de Marseille a annoncé quitter le réseau social X, a confirmé le club.',
  link: 'https://news.example/om-quitte-x',
};

/** One server's feed says a club leaves X; only an operator's source can make it news for others. */
describe('a server’s own feed', () => {
  let pds: TestPds;
  let account: TestAccount;
  let bot: Harness;

  const ownFeed = () => `${bot.feeds.url}/own.xml`;
  const operatorFeed = () => `${bot.feeds.url}/feed.xml`;
  async function readDue(url: string): Promise<void> {
    const now = new Date().toISOString();
    await bot.context.store.recordFetchSuccess(sourceIdFor('feed', url), { etag: null, lastModified: null, bodyHash: null, fetchedAt: now, nextFetchAt: now });
    await bot.app.poller.tick();
    await bot.app.dispatcher.runOnce();
  }
  const otherServer = (commandName: string, subcommand: string, options: Parameters<Harness['command']>[3] = [], user = OTHER_ADMIN) =>
    bot.command(user, commandName, subcommand, options, { guildId: OTHER_GUILD, channelId: OTHER_NEWS });
  const boardOfOtherServer = async (): Promise<APIEmbed | undefined> => (await otherServer('clubs', 'status', [], MEMBER)).reply?.embeds[0];

  beforeAll(async () => {
    pds = await startTestPds();
    account = await pds.createAccount('owners-mirror.test');
    bot = await Harness.start({
      // The operator lets users' URLs reach the feed server on 127.0.0.1, a stand-in for the web.
      env: { allowedPrivateHosts: '127.0.0.1', blueskyService: pds.url, blueskyIdentifier: account.handle, blueskyAppPassword: account.password, blueskyMinConfidence: '0' },
    });
    bot.feeds.route('/own.xml', { body: rss([seed]) });
    await bot.admin('channel', [option('channel', NEWS, 7)]);
    await otherServer('clubwatch', 'channel', [option('channel', OTHER_NEWS, 7)]);
    await otherServer('clubwatch', 'watch', [option('club', OM)]);
    const added = await bot.command(ADMIN, 'clubwatch', 'sources', [], {
      options: [{ type: 2, name: 'sources', options: [{ type: 1, name: 'add', options: [{ name: 'url', type: 3, value: ownFeed() }] }] }] as never,
    });
    expect(added.reply?.content).toMatch(/^Added /);
    await bot.app.poller.tick();
  }, 60_000);
  afterAll(async () => {
    await bot?.close();
    await pds?.close();
  });

  it('goes to that server alone until an operator’s source reports the same event, then to the others once, as one story', async () => {
    const boardBefore = await boardOfOtherServer();

    bot.feeds.route('/own.xml', { body: rss([seed, forged]) });
    await readDue(ownFeed());
    expect(bot.posts(NEWS)).toHaveLength(1);
    expect(bot.posts(NEWS)[0]?.embeds[0]?.title).toBe('OM leaves X');
    expect(bot.posts(OTHER_NEWS)).toHaveLength(0);
    expect(await postsOf(pds, account.did)).toHaveLength(0);
    expect(await boardOfOtherServer()).toEqual(boardBefore);
    expect(JSON.stringify(await otherServer('clubs', 'latest', [], MEMBER))).not.toContain('attacker.example');
    expect(await bot.context.store.listStories()).toEqual([]);

    const whyOwn = await bot.admin('why', [option('url', forged.link)]);
    expect(whyOwn.reply?.embeds[0]?.fields?.[0]?.value).toContain('only this server’s own feeds report it');
    expect((await otherServer('clubwatch', 'why', [option('url', forged.link)])).reply?.content).toBe('clubwatch has not read an item with that link.');

    bot.feeds.route('/feed.xml', { body: rss([seed, confirmed]) });
    await readDue(operatorFeed());
    expect(bot.posts(OTHER_NEWS)).toHaveLength(1);
    expect(bot.posts(NEWS)).toHaveLength(1);
    const posts = await postsOf(pds, account.did);
    expect(posts).toHaveLength(1);
    const stories = await bot.context.store.listStories({ visibleTo: 'all' });
    expect(stories).toHaveLength(1);
    expect(stories[0]?.reports.map((report) => report.link).sort()).toEqual([confirmed.link, forged.link].sort());
    expect(stories[0]?.shared).toBe(true);

    // What the other server and Bluesky show comes from the operator's source, never from the first server's feed.
    expect(JSON.stringify(bot.posts(OTHER_NEWS))).not.toContain('attacker.example');
    expect(JSON.stringify(posts)).not.toContain('attacker.example');
    expect(bot.posts(OTHER_NEWS)[0]?.embeds[0]?.url).toBe(confirmed.link);
    expect(await boardOfOtherServer()).not.toEqual(boardBefore);

    const whyShared = await bot.admin('why', [option('url', forged.link)]);
    expect(whyShared.reply?.embeds[0]?.fields?.[0]?.value).toContain('shared (story');
    expect(whyShared.reply?.embeds[0]?.fields?.[0]?.value).toContain('Le Fil Test');

    // Nothing more is sent on later reads.
    await readDue(ownFeed());
    await readDue(operatorFeed());
    expect(bot.posts(NEWS)).toHaveLength(1);
    expect(bot.posts(OTHER_NEWS)).toHaveLength(1);
    expect(await postsOf(pds, account.did)).toHaveLength(1);
  }, 60_000);
});
