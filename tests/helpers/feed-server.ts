import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * A real HTTP server on 127.0.0.1 that plays feed publishers in tests: well-behaved ones
 * (ETag, Last-Modified, gzip) and broken or hostile ones (slow, endless, resetting, looping).
 *
 *   const server = new FeedServer({ '/feed.xml': { body: rss, etag: '"v1"' } });
 *   const base = await server.start();            // "http://127.0.0.1:41234"
 *   await fetcher.fetchFeed(`${base}/feed.xml`, ...);
 *   expect(server.requestsTo('/feed.xml')[0]?.headers['user-agent']).toMatch(/clubwatch/);
 *   await server.close();
 *
 * Unknown paths answer 404. Routes can be added or replaced while the server runs.
 */
export interface FeedRoute {
  /** Defaults to 200 (302 with `redirectTo`). */
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Sent as ETag; a request whose If-None-Match carries it gets 304. */
  etag?: string;
  /** Sent as Last-Modified; a request whose If-Modified-Since equals it gets 304. */
  lastModified?: string;
  /** Wait this long before answering. */
  delayMs?: number;
  /** Send the headers and the body, then keep trickling bytes until the client gives up. */
  neverEnd?: boolean;
  /** Answer with a redirect to this location (relative or absolute). */
  redirectTo?: string;
  /** Compress the body with gzip and say so in Content-Encoding. */
  gzip?: boolean;
  /** Announce the full length, send this many bytes of the body, then reset the connection. */
  resetAfterBytes?: number;
  /** Full control, for anything the fields above cannot express. */
  handler?: (req: http.IncomingMessage, res: http.ServerResponse) => void;
}

export interface RecordedRequest {
  method: string;
  /** Path and query, as requested. */
  url: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

export class FeedServer {
  readonly requests: RecordedRequest[] = [];
  /** TCP connections accepted, to prove that a refused client never even connected. */
  connections = 0;
  private readonly routes = new Map<string, FeedRoute>();
  private readonly server = http.createServer((req, res) => this.answer(req, res));
  private readonly timers = new Set<NodeJS.Timeout>();
  private baseUrl: string | null = null;

  constructor(routes: Record<string, FeedRoute> = {}) {
    for (const [path, route] of Object.entries(routes)) this.routes.set(path, route);
    this.server.on('connection', () => {
      this.connections += 1;
    });
  }

  /** Adds or replaces the route for a path ("/feed.xml"). */
  route(path: string, route: FeedRoute): this {
    this.routes.set(path, route);
    return this;
  }

  /** Listens on an ephemeral port of 127.0.0.1 and returns the base URL, without trailing slash. */
  async start(): Promise<string> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    const { port } = this.server.address() as AddressInfo;
    this.baseUrl = `http://127.0.0.1:${port}`;
    return this.baseUrl;
  }

  get url(): string {
    if (this.baseUrl === null) throw new Error('FeedServer.start() has not been called');
    return this.baseUrl;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  requestsTo(path: string): RecordedRequest[] {
    return this.requests.filter((request) => request.path === path);
  }

  async close(): Promise<void> {
    for (const timer of this.timers) clearInterval(timer);
    this.timers.clear();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private answer(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = req.url ?? '/';
    const path = url.split('?')[0] ?? '/';
    this.requests.push({ method: req.method ?? 'GET', url, path, headers: req.headers });
    const route = this.routes.get(path);
    if (route === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    const respond = (): void => this.respond(route, req, res);
    if (route.delayMs !== undefined) {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        respond();
      }, route.delayMs);
      this.timers.add(timer);
    } else {
      respond();
    }
  }

  private respond(route: FeedRoute, req: http.IncomingMessage, res: http.ServerResponse): void {
    if (route.handler !== undefined) {
      route.handler(req, res);
      return;
    }
    const headers: Record<string, string> = { ...route.headers };
    if (route.etag !== undefined) headers['etag'] = route.etag;
    if (route.lastModified !== undefined) headers['last-modified'] = route.lastModified;
    if (route.redirectTo !== undefined) {
      res.writeHead(route.status ?? 302, { ...headers, location: route.redirectTo }).end();
      return;
    }
    if (isNotModified(route, req)) {
      res.writeHead(304, headers).end();
      return;
    }
    let body = typeof route.body === 'string' ? Buffer.from(route.body) : (route.body ?? Buffer.alloc(0));
    if (route.gzip === true) {
      body = gzipSync(body);
      headers['content-encoding'] = 'gzip';
    }
    if (route.neverEnd === true) {
      res.writeHead(route.status ?? 200, headers);
      res.write(body);
      const timer = setInterval(() => res.write(' '), 20);
      this.timers.add(timer);
      res.on('close', () => {
        clearInterval(timer);
        this.timers.delete(timer);
      });
      return;
    }
    headers['content-length'] ??= String(body.length);
    res.writeHead(route.status ?? 200, headers);
    if (route.resetAfterBytes !== undefined) {
      res.write(body.subarray(0, route.resetAfterBytes), () => {
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          req.socket.resetAndDestroy();
        }, 10);
        this.timers.add(timer);
      });
      return;
    }
    res.end(body);
  }
}

function isNotModified(route: FeedRoute, req: http.IncomingMessage): boolean {
  const ifNoneMatch = req.headers['if-none-match'];
  if (route.etag !== undefined && ifNoneMatch !== undefined) {
    return ifNoneMatch.split(',').some((tag) => tag.trim() === route.etag);
  }
  const ifModifiedSince = req.headers['if-modified-since'];
  return route.lastModified !== undefined && ifModifiedSince === route.lastModified;
}
