import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSafeFetcher } from '../../src/sources/fetch/safe-fetch.ts';
import { sourceIdFor } from '../../src/sources/source-id.ts';
import { ADMIN, GUILD, Harness, rss } from './harness.ts';

describe('/clubwatch sources', () => {
  let harness: Harness;
  let base: string;
  const sources = (subcommand: string, options: Array<{ name: string; type: number; value: string }> = []) =>
    harness.command(ADMIN, 'clubwatch', 'sources', [], {
      options: [{ type: 2, name: 'sources', options: [{ type: 1, name: subcommand, options }] }] as never,
    });

  beforeAll(async () => {
    harness = await Harness.start();
    base = harness.feeds.url;
    harness.feeds.route('/club.xml', { body: rss([{ id: 'a', title: 'Match report', text: 'A draw.' }]) });
    harness.feeds.route('/page.html', { body: '<!doctype html><html><body>Not a feed</body></html>', headers: { 'content-type': 'text/html' } });
    // The feed server stands in for a public web site: only its address is let through, as a public host would be.
    const { config } = harness.context;
    harness.context.untrustedFetcher = createSafeFetcher({
      userAgent: config.sources.userAgent,
      timeoutMs: config.sources.fetchTimeoutMs,
      maxBytes: config.sources.maxFeedBytes,
      maxRedirects: config.sources.maxRedirects,
      allowPrivateAddresses: false,
      trustedHosts: ['127.0.0.1'],
    });
  });
  afterAll(async () => {
    await harness.close();
  });

  it('adds a feed after reading it once, for this server only', async () => {
    const result = await sources('add', [{ name: 'url', type: 3, value: `${base}/club.xml` }]);
    expect(result.reply?.content).toBe('Added Le Fil Test (1 items now). New items will be read from now on.');
    const [source] = await harness.context.store.listServerSources(GUILD);
    expect(source).toMatchObject({ id: sourceIdFor('feed', `${base}/club.xml`), origin: 'server', lastSuccessAt: null });
    expect(await harness.context.store.serversOfSource(source?.id ?? '')).toEqual([GUILD]);
  });

  it('says so when the address is not a feed', async () => {
    const result = await sources('add', [{ name: 'url', type: 3, value: `${base}/page.html` }]);
    expect(result.reply?.content).toMatch(/^That address does not give a news feed \(RSS, Atom or JSON Feed\): /);
  });

  it('says so when the address does not answer', async () => {
    const result = await sources('add', [{ name: 'url', type: 3, value: `${base}/missing.xml` }]);
    expect(result.reply?.content).toBe('clubwatch could not read that address: HTTP 404.');
  });

  it('lists the server’s feeds with what went wrong with them', async () => {
    const id = sourceIdFor('feed', `${base}/club.xml`);
    // The bot's own scheduled reads may have run since the feed was added: start from a clean streak.
    await harness.context.store.recordFetchSuccess(id, { etag: null, lastModified: null, bodyHash: null, fetchedAt: '2024-12-06T09:00:00.000Z', nextFetchAt: new Date(Date.now() + 60_000).toISOString() });
    await harness.context.store.recordFetchFailure(id, { error: 'HTTP 503', fetchedAt: '2024-12-06T10:00:00.000Z', nextFetchAt: new Date(Date.now() + 60_000).toISOString() });
    const list = await sources('list');
    expect(list.reply?.embeds[0]?.description).toBe(`• [Le Fil Test](${base}/club.xml)\n  ⚠️ failing since 6 Dec 2024: HTTP 503`);
    const settings = await harness.command(ADMIN, 'clubwatch', 'settings');
    expect(settings.reply?.embeds[0]?.fields?.find((field) => field.name === 'Own feeds')?.value).toBe('1 (1 failing)\n⚠️ Le Fil Test: failing since 6 Dec 2024: HTTP 503');
  });

  it('suggests the server’s own feeds when removing one, and removes it', async () => {
    const suggestions = await harness.command(ADMIN, 'clubwatch', 'sources', [], {
      type: 'autocomplete',
      options: [{ type: 2, name: 'sources', options: [{ type: 1, name: 'remove', options: [{ name: 'url', type: 3, value: 'club', focused: true }] }] }] as never,
    });
    const id = sourceIdFor('feed', `${base}/club.xml`);
    expect(suggestions.choices).toEqual([{ name: `Le Fil Test · ${base}/club.xml`, value: id }]);
    const removed = await sources('remove', [{ name: 'url', type: 3, value: id }]);
    expect(removed.reply?.content).toBe('Removed Le Fil Test.');
    expect(await harness.context.store.listServerSources(GUILD)).toEqual([]);
    expect((await sources('remove', [{ name: 'url', type: 3, value: `${base}/club.xml` }])).reply?.content).toMatch(/^This server has no feed with that address/);
  });
});
