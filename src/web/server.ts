import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AppContext } from '../app/context.ts';
import type { PlatformModule } from '../app/platform.ts';
import { loadBoard, parseFilter } from '../board/board.ts';
import { clubNamer } from '../deliveries/render.ts';
import type { Logger } from '../logger.ts';
import { subsystemLogger } from '../logger.ts';
import type { Story } from '../stories/story.ts';
import { favicon, stylesheet } from './assets.ts';
import { boardJson, storiesAtom, storiesJson } from './feeds.ts';
import { negotiateLanguage, webMessages } from './i18n.ts';
import { boardPage, clubPage, messagePage, type PageLanguage } from './pages.ts';


/** The public page shows shared stories only (the store's default), and of them only what trusted sources reported. */
function publicView(story: Story): Story {
  return { ...story, reports: story.reports.filter((report) => report.trusted) };
}
export interface WebOptions {
  port: number;
  host: string;
  /** The site's public address, for the feed's links; else taken from the request's Host. */
  publicUrl: string | null;
  /** How long an answer is reused for the same address and language (default 2 s; 0 turns it off). */
  cacheMs?: number;
}

const storiesShown = 50;

/** Nothing runs on the page, nothing loads from elsewhere, nothing may frame it. */
const contentSecurityPolicy =
  "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

const commonHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

interface Reply {
  status: number;
  type: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

/**
 * The public, read-only site: the board, each club's timeline, the stories as Atom and JSON.
 * Everything it shows comes from the shared board and the stories the store lists for everyone.
 */
export class WebServer implements PlatformModule {
  readonly name = 'web';
  private readonly server: http.Server;
  private readonly logger: Logger;
  /**
   * Answers reused for a moment: reading and rendering a board of hundreds of clubs costs tens of
   * milliseconds, and a page that is two seconds old is as good as a fresh one for its readers.
   */
  private readonly recent = new Map<string, { at: number; reply: Reply }>();
  private readonly cacheMs: number;

  constructor(
    private readonly context: AppContext,
    private readonly options: WebOptions,
  ) {
    this.logger = subsystemLogger(context.logger, 'web');
    this.cacheMs = options.cacheMs ?? 2_000;
    this.server = http.createServer((req, res) => {
      void this.handle(req, res);
    });
    this.server.keepAliveTimeout = 5_000;
    this.server.headersTimeout = 10_000;
    this.server.requestTimeout = 15_000;
  }

  /** The address it listens on, once started: "http://127.0.0.1:8080". */
  get url(): string {
    const address = this.server.address() as AddressInfo | null;
    if (!address) throw new Error('the web server is not listening');
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    return `http://${host}:${address.port}`;
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(this.options.port, this.options.host, () => {
        this.server.off('error', reject);
        resolve();
      });
    });
    this.logger.info({ url: this.url }, 'serving the public board');
  }

  async stop(): Promise<void> {
    if (!this.server.listening) return;
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    let reply: Reply;
    const url = new URL(req.url ?? '/', 'http://site.invalid');
    const negotiated = negotiateLanguage(url.searchParams.get('lang'), req.headers['accept-language']);
    const page: PageLanguage = negotiated;
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        reply = { status: 405, type: 'text/plain; charset=utf-8', body: 'read-only: GET and HEAD only\n', headers: { allow: 'GET, HEAD' } };
      } else {
        reply = await this.cached(url, page, req);
      }
    } catch (err) {
      this.logger.error({ err, path: url.pathname }, 'web request failed');
      const m = webMessages(page.language);
      reply = { status: 500, type: 'text/html; charset=utf-8', body: messagePage(page, '500', m.serverError) };
    }
    const body = typeof reply.body === 'string' ? Buffer.from(reply.body, 'utf8') : reply.body;
    res.writeHead(reply.status, {
      ...commonHeaders,
      'content-type': reply.type,
      'content-length': body.length,
      'content-language': page.language,
      vary: 'Accept-Language',
      'cache-control': 'no-cache',
      ...reply.headers,
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  private async cached(url: URL, page: PageLanguage, req: http.IncomingMessage): Promise<Reply> {
    if (this.cacheMs <= 0) return this.route(url, page, req);
    // The feed's links name the host it was asked from, so the host is part of the key.
    const key = `${page.language}|${page.explicit}|${req.headers.host ?? ''}|${url.pathname}?${url.searchParams.toString()}`;
    const now = Date.now();
    const hit = this.recent.get(key);
    if (hit && now - hit.at < this.cacheMs) return hit.reply;
    const routed = await this.route(url, page, req);
    // Encoded once, sent as many times as it is asked for.
    const reply = { ...routed, body: typeof routed.body === 'string' ? Buffer.from(routed.body, 'utf8') : routed.body };
    if (reply.status === 200) {
      if (this.recent.size >= 500) {
        for (const [oldKey, entry] of this.recent) if (now - entry.at >= this.cacheMs) this.recent.delete(oldKey);
        if (this.recent.size >= 500) this.recent.clear();
      }
      this.recent.set(key, { at: now, reply });
    }
    return reply;
  }

  private async route(url: URL, page: PageLanguage, req: http.IncomingMessage): Promise<Reply> {
    const { store, catalog } = this.context;
    const m = webMessages(page.language);
    const path = url.pathname;
    const htmlType = 'text/html; charset=utf-8';
    const jsonType = 'application/json; charset=utf-8';
    const nameOf = clubNamer(catalog);

    if (path === '/' || path === '/api/board.json') {
      const raw = { league: url.searchParams.get('league'), country: url.searchParams.get('country'), platform: url.searchParams.get('platform') };
      const { filter, invalid } = parseFilter(catalog, raw);
      const view = await loadBoard(store, catalog, filter);
      const notices = invalid.map((field) => m.unknown(field, raw[field] ?? ''));
      if (path === '/api/board.json') {
        if (invalid.length > 0) return { status: 400, type: jsonType, body: `${JSON.stringify({ error: notices.join(' ') })}\n` };
        return { status: 200, type: jsonType, body: `${JSON.stringify(boardJson(view, catalog))}\n` };
      }
      return { status: invalid.length > 0 ? 400 : 200, type: htmlType, body: boardPage(catalog, view, filter, page, notices, new Date()) };
    }
    const club = /^\/clubs\/([^/]+)$/.exec(path);
    if (club) {
      let id = '';
      try {
        id = decodeURIComponent(club[1] ?? '');
      } catch {
        // A malformed escape is just an unknown club.
      }
      const entry = catalog.byId(id);
      if (!entry || entry.kind !== 'club') return { status: 404, type: htmlType, body: messagePage(page, '404', m.unknownClub) };
      return { status: 200, type: htmlType, body: clubPage(catalog, entry, (await store.clubHistory(entry.id)).map(publicView), nameOf, page) };
    }
    if (path === '/stories.atom' || path === '/api/stories.json') {
      const stories = (await store.listStories({ limit: storiesShown })).map(publicView);
      if (path === '/api/stories.json') return { status: 200, type: jsonType, body: `${JSON.stringify(storiesJson(stories, nameOf, page.language))}\n` };
      return { status: 200, type: 'application/atom+xml; charset=utf-8', body: storiesAtom(stories, nameOf, page.language, this.baseUrl(req), new Date()) };
    }
    if (path === '/healthz') {
      await store.getState('heartbeat');
      return { status: 200, type: jsonType, body: '{"status":"ok"}\n' };
    }
    if (path === '/style.css') return { status: 200, type: 'text/css; charset=utf-8', body: stylesheet, headers: { 'cache-control': 'public, max-age=86400' } };
    if (path === '/favicon.svg' || path === '/favicon.ico') {
      return { status: 200, type: 'image/svg+xml', body: favicon, headers: { 'cache-control': 'public, max-age=86400' } };
    }
    return { status: 404, type: htmlType, body: messagePage(page, '404', m.notFound) };
  }

  /** The configured public address, else this request's Host when it is a plain host name. */
  private baseUrl(req: http.IncomingMessage): string {
    if (this.options.publicUrl) return this.options.publicUrl;
    const host = req.headers.host ?? '';
    return /^[A-Za-z0-9.-]+(?::\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](?::\d{1,5})?$/.test(host) ? `http://${host}` : this.url;
  }
}

export function createWebServer(context: AppContext, options: WebOptions): WebServer {
  return new WebServer(context, options);
}
