import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFeed } from '../../src/sources/feed-reader.ts';
import { createSafeFetcher, type FeedFetchResult } from '../../src/sources/fetch/safe-fetch.ts';
import { FeedServer } from '../helpers/feed-server.ts';

const server = new FeedServer();
const fetcher = createSafeFetcher({
  userAgent: 'clubwatch-test',
  timeoutMs: 2_000,
  maxBytes: 1024 * 1024,
  maxRedirects: 3,
  allowPrivateAddresses: true,
});
let base = '';

beforeAll(async () => {
  base = await server.start();
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

function latin1Feed(): Buffer {
  return Buffer.concat([
    Buffer.from('<rss version="2.0"><channel><item><title>'),
    Buffer.from('Le Stade Brestois quitte X et rejoint Bluesky à midi', 'latin1'),
    Buffer.from('</title><guid>sb29-1</guid></item></channel></rss>'),
  ]);
}

function okBody(result: FeedFetchResult) {
  if (result.status !== 'ok') throw new Error('expected a body');
  return result;
}

describe('a feed fetched over HTTP and read', () => {
  it('is decoded by the charset its server announces, through gzip', async () => {
    server.route('/latin1', { body: latin1Feed(), gzip: true, headers: { 'content-type': 'application/rss+xml; charset=ISO-8859-1' } });
    const fetched = okBody(await fetcher.fetchFeed(`${base}/latin1`, { etag: null, lastModified: null }));
    const feed = readFeed(fetched.body, { contentType: fetched.contentType });
    expect(feed.items[0]?.title).toBe('Le Stade Brestois quitte X et rejoint Bluesky à midi');
  });

  it('is read with replacement characters when it claims UTF-8 but is not', async () => {
    server.route('/liar', { body: latin1Feed(), headers: { 'content-type': 'application/rss+xml; charset=utf-8' } });
    const fetched = okBody(await fetcher.fetchFeed(`${base}/liar`, { etag: null, lastModified: null }));
    const feed = readFeed(fetched.body, { contentType: fetched.contentType });
    expect(feed.items[0]).toMatchObject({ key: 'sb29-1', title: 'Le Stade Brestois quitte X et rejoint Bluesky \uFFFD midi' });
  });
});
