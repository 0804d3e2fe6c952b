import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import type { AddressInfo } from 'node:net';

/**
 * Discord's limits counted another way, to see how the bot paces itself against a Discord whose
 * windows are not the ones the fake Discord uses: a proxy on 127.0.0.1 in front of it that allows
 * 50 requests in any 1,000 ms (interaction and webhook routes excepted) and 5 messages in any
 * 5,000 ms per channel, and answers 429 with `retry_after` like Discord beyond that. Everything
 * else is passed through to the fake, whose own limits are then off.
 */
export interface SlidingLimits {
  /** The REST base to give the bot instead of the fake's. */
  restBase: string;
  rateLimited(): number;
  close(): Promise<void>;
}

const globalLimit = 50;
const globalWindowMs = 1000;
const channelLimit = 5;
const channelWindowMs = 5000;

export async function startSlidingLimits(targetRestBase: string): Promise<SlidingLimits> {
  const target = new URL(targetRestBase);
  const global: number[] = [];
  const channels = new Map<string, number[]>();
  let limited = 0;

  /** Milliseconds until the oldest of `limit` recent requests leaves the window, or 0 when there is room. */
  const wait = (log: number[], limit: number, windowMs: number, now: number): number => {
    while (log.length > 0 && now - (log[0] as number) >= windowMs) log.shift();
    return log.length < limit ? 0 : windowMs - (now - (log[0] as number));
  };

  const refuse = (res: ServerResponse, retryAfterMs: number, isGlobal: boolean): void => {
    limited += 1;
    const retryAfter = Math.max(0.001, Math.ceil(retryAfterMs) / 1000);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'retry-after': String(retryAfter),
      'x-ratelimit-scope': isGlobal ? 'global' : 'user',
    };
    if (isGlobal) headers['x-ratelimit-global'] = 'true';
    res.writeHead(429, headers).end(JSON.stringify({ message: 'You are being rate limited.', retry_after: retryAfter, global: isGlobal }));
  };

  const forward = (req: IncomingMessage, res: ServerResponse): void => {
    const upstream = request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers: { ...req.headers, host: target.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  };

  const server: Server = createServer((req, res) => {
    const now = Date.now();
    const path = (req.url ?? '/').split('?')[0]?.replace(/^\/api(\/v\d+)?/, '') ?? '/';
    const counted = !/^\/(interactions|webhooks)\//.test(path);
    const message = req.method === 'POST' ? /^\/channels\/(\d+)\/messages$/.exec(path) : null;
    if (counted) {
      const globalWait = wait(global, globalLimit, globalWindowMs, now);
      if (globalWait > 0) return refuse(res, globalWait, true);
    }
    if (message) {
      let log = channels.get(message[1] as string);
      if (!log) channels.set(message[1] as string, (log = []));
      const channelWait = wait(log, channelLimit, channelWindowMs, now);
      if (channelWait > 0) return refuse(res, channelWait, false);
      log.push(now);
    }
    if (counted) global.push(now);
    forward(req, res);
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    restBase: `http://127.0.0.1:${port}${target.pathname}`,
    rateLimited: () => limited,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
