import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { behaviourOf, farmBody } from './feed-farm.ts';

/** Many publishers in one process, so that their CPU is not counted as clubwatch's. Started with `fork`; answers the first message with its port. */
process.once('message', () => {
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
});
