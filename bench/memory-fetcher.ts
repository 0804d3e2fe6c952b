import type { SafeFetcher } from '../src/sources/fetch/safe-fetch.ts';

/**
 * A fetcher that hands over generated feed bodies by address, so a bench measures reading and
 * recording without the HTTP exchange (measured apart, in the poll benchmark).
 */
export function memoryFetcher(bodies: ReadonlyMap<string, Buffer>): SafeFetcher {
  return {
    async fetchFeed(url) {
      const body = bodies.get(url);
      if (!body) throw new Error(`no generated feed at ${url}`);
      return { status: 'ok', body, etag: null, lastModified: null, contentType: 'application/rss+xml; charset=utf-8', finalUrl: url };
    },
    fetchResource: () => Promise.reject(new Error('not used')),
    close: () => Promise.resolve(),
  };
}
