import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SourceFetchError } from '../../src/errors.ts';
import type { ResolvedAddress } from '../../src/sources/fetch/address-policy.ts';
import { createSafeFetcher, type SafeFetcher, type SafeFetcherOptions } from '../../src/sources/fetch/safe-fetch.ts';
import { FeedServer } from '../helpers/feed-server.ts';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title></channel></rss>';
const NO_VALIDATORS = { etag: null, lastModified: null };

let server: FeedServer;
let base: string;
const fetchers: SafeFetcher[] = [];

function fetcher(overrides: Partial<SafeFetcherOptions> = {}): SafeFetcher {
  const created = createSafeFetcher({
    userAgent: 'clubwatch/0.1 (+https://clubwatch.example/about)',
    timeoutMs: 2_000,
    maxBytes: 1024 * 1024,
    maxRedirects: 5,
    allowPrivateAddresses: true,
    ...overrides,
  });
  fetchers.push(created);
  return created;
}

async function failure(promise: Promise<unknown>): Promise<SourceFetchError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof SourceFetchError) return err;
    throw err;
  }
  throw new Error('expected the fetch to fail');
}

beforeEach(async () => {
  server = new FeedServer();
  base = await server.start();
});

afterEach(async () => {
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
  await server.close();
});

describe('conditional requests', () => {
  it('answers not-modified when the server confirms the ETag it gave before', async () => {
    server.route('/feed', { body: RSS, etag: '"v1"' });
    const first = await fetcher().fetchFeed(`${base}/feed`, NO_VALIDATORS);
    expect(first).toMatchObject({ status: 'ok', etag: '"v1"' });
    const second = await fetcher().fetchFeed(`${base}/feed`, { etag: '"v1"', lastModified: null });
    expect(second).toEqual({ status: 'not-modified' });
    expect(server.requestsTo('/feed')[1]?.headers['if-none-match']).toBe('"v1"');
  });

  it('answers not-modified when the server confirms the Last-Modified date', async () => {
    const date = 'Wed, 05 Nov 2025 10:00:00 GMT';
    server.route('/feed', { body: RSS, lastModified: date });
    const first = await fetcher().fetchFeed(`${base}/feed`, NO_VALIDATORS);
    expect(first).toMatchObject({ status: 'ok', lastModified: date, etag: null });
    const second = await fetcher().fetchFeed(`${base}/feed`, { etag: null, lastModified: date });
    expect(second).toEqual({ status: 'not-modified' });
    expect(server.requestsTo('/feed')[1]?.headers['if-modified-since']).toBe(date);
  });

  it('returns the new body and ETag when the feed changed', async () => {
    server.route('/feed', { body: `${RSS}<!-- v2 -->`, etag: '"v2"' });
    const result = await fetcher().fetchFeed(`${base}/feed`, { etag: '"v1"', lastModified: null });
    expect(result).toMatchObject({ status: 'ok', etag: '"v2"' });
    expect(result.status === 'ok' && result.body.toString()).toContain('v2');
  });
});

describe('requests', () => {
  it('introduces itself honestly and asks for feeds in compressed form', async () => {
    server.route('/feed', { body: RSS, headers: { 'content-type': 'application/rss+xml' } });
    const result = await fetcher().fetchFeed(`${base}/feed`, NO_VALIDATORS);
    const headers = server.requestsTo('/feed')[0]?.headers;
    expect(headers?.['user-agent']).toBe('clubwatch/0.1 (+https://clubwatch.example/about)');
    expect(headers?.['accept']).toContain('application/rss+xml');
    expect(headers?.['accept-encoding']).toBe('gzip, deflate, br');
    expect(result).toMatchObject({ status: 'ok', contentType: 'application/rss+xml', finalUrl: `${base}/feed` });
  });

  it('decompresses a gzipped body', async () => {
    server.route('/feed', { body: RSS, gzip: true });
    const result = await fetcher().fetchFeed(`${base}/feed`, NO_VALIDATORS);
    expect(result.status === 'ok' && result.body.toString()).toBe(RSS);
  });

  it('decompresses brotli and deflate bodies', async () => {
    server.route('/br', { body: brotliCompressSync(Buffer.from(RSS)), headers: { 'content-encoding': 'br' } });
    server.route('/deflate', { body: deflateSync(Buffer.from(RSS)), headers: { 'content-encoding': 'deflate' } });
    for (const path of ['/br', '/deflate']) {
      const result = await fetcher().fetchFeed(`${base}${path}`, NO_VALIDATORS);
      expect(result.status === 'ok' && result.body.toString(), path).toBe(RSS);
    }
  });

  it('follows a few redirects and reports where it ended', async () => {
    server.route('/old', { redirectTo: '/moved', status: 301 });
    server.route('/moved', { redirectTo: `${base}/feed` });
    server.route('/feed', { body: RSS });
    const result = await fetcher().fetchFeed(`${base}/old`, NO_VALIDATORS);
    expect(result).toMatchObject({ status: 'ok', finalUrl: `${base}/feed` });
  });

  it('fetches a web page or an image with the Accept it is given', async () => {
    server.route('/photo.jpg', { body: Buffer.from([0xff, 0xd8, 0xff]), headers: { 'content-type': 'image/jpeg' } });
    const result = await fetcher().fetchResource(`${base}/photo.jpg`, { accept: 'image/*' });
    expect(result).toEqual({ body: Buffer.from([0xff, 0xd8, 0xff]), contentType: 'image/jpeg', finalUrl: `${base}/photo.jpg` });
    expect(server.requestsTo('/photo.jpg')[0]?.headers['accept']).toBe('image/*');
  });
});

describe('failures', () => {
  it('reports an HTTP error status in plain words', async () => {
    const err = await failure(fetcher().fetchFeed(`${base}/missing`, NO_VALIDATORS));
    expect(err.reason).toBe('http-status');
    expect(err.message).toBe('HTTP 404');
  });

  it('reports a server error status', async () => {
    server.route('/broken', { status: 503, body: 'maintenance' });
    const err = await failure(fetcher().fetchFeed(`${base}/broken`, NO_VALIDATORS));
    expect(err.message).toBe('HTTP 503');
  });

  it('reports a body that claims gzip but is not', async () => {
    server.route('/fake-gzip', { body: 'plain text, not gzip', headers: { 'content-encoding': 'gzip' } });
    const err = await failure(fetcher().fetchFeed(`${base}/fake-gzip`, NO_VALIDATORS));
    expect(err.reason).toBe('malformed');
    expect(err.message).toBe('could not decompress the body (gzip)');
  });

  it('reports a content encoding it did not ask for', async () => {
    server.route('/zstd', { body: 'whatever', headers: { 'content-encoding': 'zstd' } });
    const err = await failure(fetcher().fetchFeed(`${base}/zstd`, NO_VALIDATORS));
    expect(err.reason).toBe('malformed');
    expect(err.message).toBe('unsupported content encoding "zstd"');
  });

  it('reports a refused connection as a network failure', async () => {
    const gone = new FeedServer();
    const goneUrl = await gone.start();
    await gone.close();
    const err = await failure(fetcher().fetchFeed(`${goneUrl}/feed`, NO_VALIDATORS));
    expect(err.reason).toBe('network');
    expect(err.message).toBe('network error: connection refused');
  });

  it('lets a page or image fetch set its own size cap', async () => {
    server.route('/page', { body: Buffer.alloc(10_000, 'a') });
    const err = await failure(fetcher().fetchResource(`${base}/page`, { accept: 'text/html', maxBytes: 1_000 }));
    expect(err.message).toBe('body larger than 1000 bytes');
  });

  it('refuses a body larger than the cap', async () => {
    server.route('/big', { body: Buffer.alloc(2 * 1024 * 1024, 'a') });
    const err = await failure(fetcher().fetchFeed(`${base}/big`, NO_VALIDATORS));
    expect(err.reason).toBe('too-large');
    expect(err.message).toBe('body larger than 1 MB');
  });

  it('stops reading a body without a declared length once it passes the cap', async () => {
    server.route('/chunked', {
      handler: (_req, res) => {
        res.writeHead(200);
        for (let i = 0; i < 40; i++) res.write(Buffer.alloc(64 * 1024, 'a'));
        res.end();
      },
    });
    const err = await failure(fetcher().fetchFeed(`${base}/chunked`, NO_VALIDATORS));
    expect(err.reason).toBe('too-large');
  });

  it('stops a gzip bomb at the cap on decompressed bytes', async () => {
    const bomb = gzipSync(Buffer.alloc(50 * 1024 * 1024));
    server.route('/bomb', { body: bomb, headers: { 'content-encoding': 'gzip' } });
    const err = await failure(fetcher().fetchFeed(`${base}/bomb`, NO_VALIDATORS));
    expect(bomb.length).toBeLessThan(1024 * 1024);
    expect(err.reason).toBe('too-large');
    expect(err.message).toBe('body larger than 1 MB');
  });

  it('gives up on a server slower than the timeout', async () => {
    server.route('/slow', { body: RSS, delayMs: 5_000 });
    const err = await failure(fetcher({ timeoutMs: 200 }).fetchFeed(`${base}/slow`, NO_VALIDATORS));
    expect(err.reason).toBe('timeout');
    expect(err.message).toBe('timed out after 0.2 s');
  });

  it('gives up on a body that never ends', async () => {
    server.route('/endless', { body: '<rss version="2.0"><channel>', neverEnd: true });
    const err = await failure(fetcher({ timeoutMs: 300 }).fetchFeed(`${base}/endless`, NO_VALIDATORS));
    expect(err.reason).toBe('timeout');
  });

  it('stops following a redirect loop', async () => {
    server.route('/loop', { redirectTo: '/loop' });
    const err = await failure(fetcher().fetchFeed(`${base}/loop`, NO_VALIDATORS));
    expect(err.reason).toBe('too-many-redirects');
    expect(err.message).toBe('redirected more than 5 times');
    expect(server.requestsTo('/loop')).toHaveLength(6);
  });

  it('reports a connection reset in the middle of the body as a network failure', async () => {
    server.route('/reset', { body: Buffer.alloc(100_000, 'a'), resetAfterBytes: 1_000 });
    const err = await failure(fetcher().fetchFeed(`${base}/reset`, NO_VALIDATORS));
    expect(err.reason).toBe('network');
  });

  it('refuses URLs that carry credentials or use another scheme', async () => {
    const withCredentials = await failure(fetcher().fetchFeed('http://user:pass@feed.example/rss', NO_VALIDATORS));
    expect(withCredentials.reason).toBe('bad-url');
    const ftp = await failure(fetcher().fetchFeed('ftp://feed.example/rss', NO_VALIDATORS));
    expect(ftp.reason).toBe('bad-url');
    const garbage = await failure(fetcher().fetchFeed('not a url', NO_VALIDATORS));
    expect(garbage.reason).toBe('bad-url');
  });
});

describe('address policy', () => {
  function fakeDns(table: Record<string, readonly ResolvedAddress[]>) {
    const asked: string[] = [];
    const lookup = async (hostname: string): Promise<readonly ResolvedAddress[]> => {
      asked.push(hostname);
      const found = table[hostname];
      if (found === undefined) throw Object.assign(new Error(`no such host ${hostname}`), { code: 'ENOTFOUND' });
      return found;
    };
    return { lookup, asked };
  }
  const v4 = (address: string): ResolvedAddress => ({ address, family: 4 });
  const v6 = (address: string): ResolvedAddress => ({ address, family: 6 });

  it('refuses a loopback address written in the URL and never connects to it', async () => {
    server.route('/feed', { body: RSS });
    const err = await failure(fetcher({ allowPrivateAddresses: false }).fetchFeed(`${base}/feed`, NO_VALIDATORS));
    expect(err.reason).toBe('blocked-address');
    expect(err.message).toBe('refused: 127.0.0.1 is a loopback address');
    expect(server.connections).toBe(0);
  });

  it.each([
    ['http://[::1]/feed', 'refused: ::1 is a loopback address'],
    ['http://[::ffff:127.0.0.1]/feed', 'refused: 7f00:1 is a loopback address'],
    ['http://169.254.169.254/latest/meta-data/', 'refused: 169.254.169.254 is a link-local address'],
    ['http://10.0.0.3/feed', 'refused: 10.0.0.3 is a private address'],
    ['http://2130706433/feed', 'refused: 127.0.0.1 is a loopback address'],
  ])('refuses the address literal in %s', async (url, message) => {
    const err = await failure(fetcher({ allowPrivateAddresses: false }).fetchFeed(url, NO_VALIDATORS));
    expect(err.reason).toBe('blocked-address');
    expect(err.message.replace('::ffff:', '')).toBe(message);
  });

  it('refuses a host name that resolves to the loopback address before connecting', async () => {
    server.route('/feed', { body: RSS });
    const dns = fakeDns({ 'feed.example': [v4('127.0.0.1')] });
    const safe = fetcher({ allowPrivateAddresses: false, lookup: dns.lookup });
    const err = await failure(safe.fetchFeed(`http://feed.example:${server.port}/feed`, NO_VALIDATORS));
    expect(err.reason).toBe('blocked-address');
    expect(err.message).toBe('refused: feed.example resolves to 127.0.0.1, a loopback address');
    expect(dns.asked).toContain('feed.example');
    expect(server.connections).toBe(0);
  });

  it.each([
    [[v4('10.0.0.3')], 'refused: feed.example resolves to 10.0.0.3, a private address'],
    [[v4('169.254.169.254')], 'refused: feed.example resolves to 169.254.169.254, a link-local address'],
    [[v4('100.64.1.1')], 'refused: feed.example resolves to 100.64.1.1, a carrier-grade NAT address'],
    [[v6('::1')], 'refused: feed.example resolves to ::1, a loopback address'],
    [[v6('::ffff:127.0.0.1')], 'refused: feed.example resolves to ::ffff:127.0.0.1, a loopback address'],
    [[v6('::ffff:7f00:1')], 'refused: feed.example resolves to ::ffff:7f00:1, a loopback address'],
    [[v6('::7f00:1')], 'refused: feed.example resolves to ::7f00:1, an IPv4-compatible IPv6 address'],
    [[v6('fd12::1')], 'refused: feed.example resolves to fd12::1, a private address'],
    [[v6('fe80::1')], 'refused: feed.example resolves to fe80::1, a link-local address'],
    [[v4('93.184.215.14'), v4('192.168.1.1')], 'refused: feed.example resolves to 192.168.1.1, a private address'],
  ])('refuses a host name resolving to %j', async (addresses, message) => {
    const dns = fakeDns({ 'feed.example': addresses });
    const safe = fetcher({ allowPrivateAddresses: false, lookup: dns.lookup });
    const err = await failure(safe.fetchFeed(`http://feed.example:${server.port}/feed`, NO_VALIDATORS));
    expect(err.reason).toBe('blocked-address');
    expect(err.message).toBe(message);
  });

  it('refuses a redirect to a private address and never requests it', async () => {
    server.route('/start', { redirectTo: `http://internal.example:${server.port}/secret` });
    server.route('/secret', { body: 'credentials' });
    const dns = fakeDns({ 'feed.example': [v4('127.0.0.1')], 'internal.example': [v4('127.0.0.1')] });
    const safe = fetcher({ allowPrivateAddresses: false, trustedHosts: ['feed.example'], lookup: dns.lookup });
    const err = await failure(safe.fetchFeed(`http://feed.example:${server.port}/start`, NO_VALIDATORS));
    expect(err.reason).toBe('blocked-address');
    expect(err.message).toBe('refused: internal.example resolves to 127.0.0.1, a loopback address');
    expect(server.requestsTo('/start')).toHaveLength(1);
    expect(server.requestsTo('/secret')).toHaveLength(0);
  });

  it('refuses a redirect to a private address literal', async () => {
    server.route('/start', { redirectTo: `http://127.0.0.1:${server.port}/secret` });
    const dns = fakeDns({ 'feed.example': [v4('127.0.0.1')] });
    const safe = fetcher({ allowPrivateAddresses: false, trustedHosts: ['feed.example'], lookup: dns.lookup });
    const err = await failure(safe.fetchFeed(`http://feed.example:${server.port}/start`, NO_VALIDATORS));
    expect(err.reason).toBe('blocked-address');
    expect(server.requestsTo('/secret')).toHaveLength(0);
  });

  it('reports a host name that does not resolve as a network failure', async () => {
    const dns = fakeDns({});
    const err = await failure(fetcher({ allowPrivateAddresses: false, lookup: dns.lookup }).fetchFeed('http://nowhere.example/feed', NO_VALIDATORS));
    expect(err.reason).toBe('network');
    expect(err.message).toBe('network error: the host name does not resolve');
  });

  it('reaches a private address when the operator allows it', async () => {
    server.route('/feed', { body: RSS });
    const dns = fakeDns({ 'bridge.lan': [v4('127.0.0.1')] });
    const result = await fetcher({ lookup: dns.lookup }).fetchFeed(`http://bridge.lan:${server.port}/feed`, NO_VALIDATORS);
    expect(result.status).toBe('ok');
  });

  it('reaches addresses in a range the operator allowed, by name or literal, and nothing outside it', async () => {
    server.route('/feed', { body: RSS });
    const dns = fakeDns({ 'bridge.lan': [v4('127.0.0.1')], 'router.lan': [v4('192.168.1.1')] });
    const safe = fetcher({ allowPrivateAddresses: false, trustedHosts: ['127.0.0.0/8'], lookup: dns.lookup });
    expect((await safe.fetchFeed(`http://bridge.lan:${server.port}/feed`, NO_VALIDATORS)).status).toBe('ok');
    expect((await safe.fetchFeed(`http://127.0.0.1:${server.port}/feed`, NO_VALIDATORS)).status).toBe('ok');
    const err = await failure(safe.fetchFeed('http://router.lan/feed', NO_VALIDATORS));
    expect(err.message).toBe('refused: router.lan resolves to 192.168.1.1, a private address');
  });

  it('keeps users’ URLs to ports 80 and 443 unless the operator allowed the host', async () => {
    server.route('/feed', { body: RSS });
    const dns = fakeDns({ 'feed.example': [v4('127.0.0.1')], 'bridge.lan': [v4('127.0.0.1')] });
    const safe = fetcher({ allowPrivateAddresses: false, standardPortsOnly: true, trustedHosts: ['bridge.lan'], lookup: dns.lookup });
    const err = await failure(safe.fetchFeed(`http://feed.example:${server.port}/feed`, NO_VALIDATORS));
    expect(err).toMatchObject({ reason: 'blocked-address', message: `refused: port ${server.port} (only 80 and 443)` });
    expect(server.requestsTo('/feed')).toHaveLength(0);
    expect((await safe.fetchFeed(`http://bridge.lan:${server.port}/feed`, NO_VALIDATORS)).status).toBe('ok');
  });
});

describe('content encodings', () => {
  it('refuses a body with more than two content encodings stacked', async () => {
    server.route('/feed', { body: gzipSync(gzipSync(gzipSync(RSS))), headers: { 'content-encoding': 'gzip, gzip, gzip' } });
    const err = await failure(fetcher().fetchFeed(`${base}/feed`, NO_VALIDATORS));
    expect(err.message).toBe('refused: 3 content encodings stacked');
  });

  it('reads a body with two content encodings', async () => {
    server.route('/feed', { body: gzipSync(gzipSync(RSS)), headers: { 'content-encoding': 'gzip, gzip' } });
    const result = await fetcher().fetchFeed(`${base}/feed`, NO_VALIDATORS);
    expect(result.status === 'ok' && result.body.toString('utf8')).toBe(RSS);
  });
});
