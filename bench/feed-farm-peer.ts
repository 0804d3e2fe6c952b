import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Many publishers in one process (its CPU is not clubwatch's): `/f/<n>` is feed n, whose
 * behaviour follows n % 50, the mix of issue 12: 70 % answer 304 to their ETag, 20 % send the same
 * body without validators, 8 % gain one or two items at each read, 2 % are slow (5 to 15 s) or fail.
 */
export type FeedBehaviour = 'etag' | 'plain' | 'gains' | 'slow' | 'fails';

export function behaviourOf(n: number): FeedBehaviour {
  const slot = n % 50;
  if (slot < 35) return 'etag';
  if (slot < 45) return 'plain';
  if (slot < 49) return 'gains';
  return Math.floor(n / 50) % 2 === 0 ? 'slow' : 'fails';
}

function item(feed: number, k: number): string {
  return `<item><title>Club news ${feed}-${k}: the coach speaks before the weekend</title><link>https://farm.example/${feed}/${k}</link><guid>${feed}-${k}</guid><description>Training went well and the squad is ready for the match.</description></item>`;
}

export function farmBody(feed: number, newest = 20): string {
  const items: string[] = [];
  for (let k = newest; k > newest - 20; k--) items.push(item(feed, k));
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Farm outlet ${feed}</title>${items.join('')}</channel></rss>`;
}

if (process.send) {
  const gained = new Map<number, number>();
  const server = http.createServer((req, res) => {
    const n = Number((req.url ?? '').split('/')[2]);
    const headers = { 'content-type': 'application/rss+xml; charset=utf-8' };
    switch (behaviourOf(n)) {
      case 'etag':
        if (req.headers['if-none-match'] === '"v1"') res.writeHead(304).end();
        else res.writeHead(200, { ...headers, etag: '"v1"' }).end(farmBody(n));
        return;
      case 'plain':
        res.writeHead(200, headers).end(farmBody(n));
        return;
      case 'gains': {
        const newest = (gained.get(n) ?? 20) + 1 + (n % 2);
        gained.set(n, newest);
        res.writeHead(200, headers).end(farmBody(n, newest));
        return;
      }
      case 'slow':
        setTimeout(() => res.writeHead(200, headers).end(farmBody(n)), 5_000 + ((n * 7_919) % 10_000));
        return;
      case 'fails':
        res.writeHead(500, headers).end('internal error');
        return;
    }
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => process.send?.({ port: (server.address() as AddressInfo).port }));
  process.once('disconnect', () => {
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
