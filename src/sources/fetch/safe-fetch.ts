import dns from 'node:dns';
import type { LookupAddress, LookupOptions } from 'node:dns';
import type { IncomingHttpHeaders } from 'node:http';
import { Agent, request } from 'undici';
import { SourceFetchError } from '../../errors.ts';
import {
  allowedHosts,
  BlockedAddressError,
  describeBlockedAddress,
  ipLiteralOf,
  resolvePublicAddresses,
  type HostResolver,
} from './address-policy.ts';
import { readBodyWithinLimit } from './read-body.ts';
import { formatBytes, formatSeconds } from './units.ts';

export interface SafeFetcherOptions {
  /** Sent on every request; names the bot and where to reach its operator. */
  userAgent: string;
  /** Covers the whole exchange: every redirect hop, the headers and the last byte of the body. */
  timeoutMs: number;
  /** Cap on the decompressed body. */
  maxBytes: number;
  maxRedirects: number;
  /** False in production: loopback, private, link-local and other non-public addresses are refused. */
  allowPrivateAddresses: boolean;
  /**
   * Host names, addresses and CIDR ranges exempt from the address check, e.g. a self-hosted feed
   * bridge on the LAN (`CLUBWATCH_ALLOWED_PRIVATE_HOSTS`). Also exempt from the port rule.
   */
  trustedHosts?: readonly string[];
  /** Users' URLs: only ports 80 and 443, unless the host is one of `trustedHosts`. */
  standardPortsOnly?: boolean;
  /** Resolves host names; defaults to the system resolver. Tests pass a fake DNS here. */
  lookup?: HostResolver;
}

interface FeedValidators {
  etag: string | null;
  lastModified: string | null;
}

export type FeedFetchResult =
  | { status: 'not-modified' }
  | {
      status: 'ok';
      body: Buffer;
      etag: string | null;
      lastModified: string | null;
      contentType: string | null;
      finalUrl: string;
    };

interface FetchedResource {
  body: Buffer;
  contentType: string | null;
  finalUrl: string;
}

export interface SafeFetcher {
  fetchFeed(url: string, validators: FeedValidators): Promise<FeedFetchResult>;
  fetchResource(url: string, options: { accept: string; maxBytes?: number }): Promise<FetchedResource>;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

const FEED_ACCEPT =
  'application/rss+xml, application/atom+xml, application/rdf+xml, application/feed+json, ' +
  'application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, */*;q=0.5';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

interface Exchange {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer | null;
  finalUrl: string;
}

export function createSafeFetcher(options: SafeFetcherOptions): SafeFetcher {
  const resolve = options.lookup ?? systemResolver;
  const allowed = allowedHosts(options.trustedHosts ?? []);
  const mayReach = (hostname: string): boolean => options.allowPrivateAddresses || allowed.hasHost(hostname);

  const agent = new Agent({
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
    connect: {
      timeout: options.timeoutMs,
      // Runs inside net.connect, so the addresses checked are exactly the ones connected to.
      lookup: (hostname: string, lookupOptions: LookupOptions, callback: LookupCallback) => {
        const addresses = mayReach(hostname)
          ? resolve(hostname)
          : resolvePublicAddresses(hostname, resolve, allowed);
        addresses.then(
          (found) => answerLookup(hostname, found, lookupOptions, callback),
          (err: unknown) => callback(err as NodeJS.ErrnoException, '', 0),
        );
      },
    },
  });

  async function exchange(
    url: string,
    headers: Record<string, string>,
    maxBytes: number,
    acceptNotModified: boolean,
  ): Promise<Exchange> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      let current = parseFetchableUrl(url);
      for (let hop = 0; ; hop++) {
        refuseBlockedLiteral(current);
        const response = await request(current, {
          dispatcher: agent,
          method: 'GET',
          headers,
          signal: controller.signal,
        });
        const { statusCode: status } = response;
        if (REDIRECT_STATUSES.has(status)) {
          await response.body.dump();
          const location = firstHeader(response.headers, 'location');
          if (location === null) throw new SourceFetchError(`HTTP ${status} without a Location`, 'http-status');
          if (hop >= options.maxRedirects) {
            throw new SourceFetchError(`redirected more than ${options.maxRedirects} times`, 'too-many-redirects');
          }
          current = parseFetchableUrl(location, current);
          continue;
        }
        if (status === 304 && acceptNotModified) {
          await response.body.dump();
          return { status, headers: response.headers, body: null, finalUrl: current.href };
        }
        if (status < 200 || status >= 300) {
          await response.body.dump();
          const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(firstHeader(response.headers, 'retry-after'), Date.now()) : null;
          const wait = retryAfterMs === null ? '' : ` (asks to wait ${formatSeconds(retryAfterMs)})`;
          throw new SourceFetchError(`HTTP ${status}${wait}`, 'http-status', { retryAfterMs });
        }
        const encoding = firstHeader(response.headers, 'content-encoding');
        const declaredLength = Number(firstHeader(response.headers, 'content-length') ?? NaN);
        if (encoding === null && declaredLength > maxBytes) {
          await response.body.dump({ limit: 1 });
          throw new SourceFetchError(`body larger than ${formatBytes(maxBytes)}`, 'too-large');
        }
        const body = await readBodyWithinLimit(response.body, encoding, maxBytes);
        return { status, headers: response.headers, body, finalUrl: current.href };
      }
    } catch (err) {
      throw toSourceFetchError(err, controller.signal.aborted, options.timeoutMs);
    } finally {
      clearTimeout(timer);
    }
  }

  function refuseBlockedLiteral(url: URL): void {
    if (options.standardPortsOnly && url.port !== '' && url.port !== '80' && url.port !== '443' && !allowed.hasHost(url.hostname)) {
      throw new SourceFetchError(`refused: port ${url.port} (only 80 and 443)`, 'blocked-address');
    }
    const literal = ipLiteralOf(url.hostname);
    if (literal === null || mayReach(url.hostname)) return;
    const why = describeBlockedAddress(literal);
    if (why !== null) {
      throw new SourceFetchError(`refused: ${literal} is ${why}`, 'blocked-address');
    }
  }

  const baseHeaders = {
    'user-agent': options.userAgent,
    'accept-encoding': 'gzip, deflate, br',
  };

  return {
    async fetchFeed(url, validators) {
      const headers: Record<string, string> = { ...baseHeaders, accept: FEED_ACCEPT };
      if (validators.etag !== null) headers['if-none-match'] = validators.etag;
      if (validators.lastModified !== null) headers['if-modified-since'] = validators.lastModified;
      const result = await exchange(url, headers, options.maxBytes, true);
      if (result.body === null) return { status: 'not-modified' };
      return {
        status: 'ok',
        body: result.body,
        etag: firstHeader(result.headers, 'etag'),
        lastModified: firstHeader(result.headers, 'last-modified'),
        contentType: firstHeader(result.headers, 'content-type'),
        finalUrl: result.finalUrl,
      };
    },
    async fetchResource(url, resourceOptions) {
      const headers = { ...baseHeaders, accept: resourceOptions.accept };
      const result = await exchange(url, headers, resourceOptions.maxBytes ?? options.maxBytes, false);
      return {
        body: result.body ?? Buffer.alloc(0),
        contentType: firstHeader(result.headers, 'content-type'),
        finalUrl: result.finalUrl,
      };
    },
    close: () => agent.close(),
  };
}

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function answerLookup(
  hostname: string,
  found: readonly { address: string; family: 4 | 6 }[],
  lookupOptions: LookupOptions,
  callback: LookupCallback,
): void {
  const wanted = lookupOptions.family === 4 || lookupOptions.family === 6 ? lookupOptions.family : 0;
  const usable = found.filter((entry) => wanted === 0 || entry.family === wanted);
  const first = usable[0];
  if (first === undefined) {
    const err: NodeJS.ErrnoException = new Error(`${hostname} has no address`);
    err.code = 'ENOTFOUND';
    callback(err, '', 0);
    return;
  }
  if (lookupOptions.all === true) callback(null, usable.map((entry) => ({ ...entry })));
  else callback(null, first.address, first.family);
}

async function systemResolver(hostname: string) {
  const found = await dns.promises.lookup(hostname, { all: true, verbatim: true });
  return found.map(({ address, family }) => ({ address, family: family === 6 ? (6 as const) : (4 as const) }));
}

function parseFetchableUrl(input: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    throw new SourceFetchError(`not a valid URL: ${input}`, 'bad-url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new SourceFetchError(`refused: only http and https URLs are fetched, not ${url.protocol}`, 'bad-url');
  }
  if (url.username !== '' || url.password !== '') {
    throw new SourceFetchError('refused: the URL carries a user name or password', 'bad-url');
  }
  return url;
}

/** Retry-After as seconds or as an HTTP date; null when absent or unreadable. */
function parseRetryAfter(value: string | null, now: number): number | null {
  if (value === null) return null;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function firstHeader(headers: IncomingHttpHeaders, name: string): string | null {
  const value = headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined || first === '' ? null : first;
}

function toSourceFetchError(err: unknown, timedOut: boolean, timeoutMs: number): SourceFetchError {
  if (timedOut) {
    return new SourceFetchError(`timed out after ${formatSeconds(timeoutMs)}`, 'timeout', { cause: err });
  }
  if (err instanceof SourceFetchError) return err;
  const blocked = findInCauses(err, (e): e is BlockedAddressError => e instanceof BlockedAddressError);
  if (blocked !== null) return new SourceFetchError(blocked.message, 'blocked-address', { cause: err });
  const code = errorCode(err);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT') {
    return new SourceFetchError(`timed out after ${formatSeconds(timeoutMs)}`, 'timeout', { cause: err });
  }
  return new SourceFetchError(`network error: ${describeNetworkError(err, code)}`, 'network', { cause: err });
}

function describeNetworkError(err: unknown, code: string | null): string {
  switch (code) {
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'the connection was closed before the response ended';
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'the host name does not resolve';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

function errorCode(err: unknown): string | null {
  const withCode = findInCauses(err, (e): e is Error & { code: string } => typeof (e as { code?: unknown }).code === 'string');
  return withCode?.code ?? null;
}

function findInCauses<T extends Error>(err: unknown, test: (e: Error) => e is T): T | null {
  let current: unknown = err;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (test(current)) return current;
    current = current.cause;
  }
  return null;
}
