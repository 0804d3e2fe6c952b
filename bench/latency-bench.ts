import type { IncomingMessage, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { loadCatalog } from '../src/catalog/load-catalog.ts';
import { FeedServer } from '../tests/helpers/feed-server.ts';
import { benchEnvironment } from './bench-env.ts';
import { seedStore, spawnBot } from './bot-process.ts';
import { startBenchDiscord, type LimitWindows } from './discord-peer.ts';
import { seededRandom } from './feed-corpus.ts';
import { percentile, progress, sleep } from './measure.ts';
import { announcementEntry, quietFeed, rssOf, type BenchAction, type FeedEntry } from './small-feeds.ts';

export interface LatencyFigures {
  latency_ms_p50: number;
  latency_ms_p95: number;
  latency_detail: { rounds: number; poll_interval_s: number; tick_s: number; max_ms: number; samples_ms: number[] };
}

const pollIntervalSeconds = 2;
const tickSeconds = 1;

/**
 * From an item appearing in a feed to its message arriving at Discord: the bot runs as an operator
 * runs it (`clubwatch start`) with a 2 s poll interval and a 1 s tick, one server watching the
 * catalog's clubs; at a random moment the feed gains a story about a club (a new ETag), and the
 * time until the fake Discord receives the message is taken. Each round is a different club or
 * action, so each is a new story.
 */
export async function runLatencyBench(options: { rounds: number; discordDelayMs: number; discordLimits?: LimitWindows | undefined; entry?: string | undefined }): Promise<LatencyFigures> {
  const catalog = loadCatalog(fileURLToPath(new URL('../config/catalog', import.meta.url)));
  const clubs = catalog.entries.filter((entry) => entry.kind === 'club');
  const stories = clubs.flatMap((club) => (['leave', 'join'] as BenchAction[]).map((action) => ({ club, action })));
  const rounds = Math.min(options.rounds, stories.length);
  const discord = await startBenchDiscord(1, { responseDelayMs: options.discordDelayMs, limits: options.discordLimits ?? 'fixed' });
  const [server] = discord.servers;
  if (!server) throw new Error('no server');

  let entries: FeedEntry[] = [];
  let version = 0;
  const feeds = new FeedServer({
    '/wire.xml': {
      handler: (req: IncomingMessage, res: ServerResponse) => {
        const etag = `"v${version}"`;
        if (req.headers['if-none-match'] === etag) res.writeHead(304, { etag }).end();
        else res.writeHead(200, { etag, 'content-type': 'application/rss+xml' }).end(entries.length ? rssOf(entries) : quietFeed());
      },
    },
  });
  const base = await feeds.start();
  const env = benchEnvironment({
    sources: [`${base}/wire.xml`],
    vars: {
      CLUBWATCH_POLL_INTERVAL_SECONDS: String(pollIntervalSeconds),
      CLUBWATCH_TICK_SECONDS: String(tickSeconds),
      DISCORD_TOKEN: 'bench-token',
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.restBase,
    },
  });
  await seedStore(env, {
    servers: [server],
    watches: clubs.map((club) => ({ kind: 'club' as const, value: club.id })),
    sources: [{ url: `${base}/wire.xml`, etag: '"v0"' }],
  });
  const bot = spawnBot(env, {}, options.entry);
  const samples: number[] = [];
  try {
    await bot.waitForLog('clubwatch started', 60_000);
    const random = seededRandom(7);
    for (let round = 0; round < rounds; round++) {
      // A random phase against the poll slots and ticks, as news does not wait for them.
      await sleep(500 + random() * pollIntervalSeconds * 1000);
      const { club, action } = stories[round] as (typeof stories)[number];
      const appearedAt = Date.now();
      entries = [announcementEntry(club.name, action, new Date(appearedAt), `round-${round}`), ...entries];
      version += 1;
      const deadline = appearedAt + 20_000;
      while (discord.tally.messageCount(server.channelId) <= round && Date.now() < deadline) await sleep(5);
      const arrivedAt = discord.tally.messageTimes()[round];
      if (arrivedAt === undefined) throw new Error(`the story of round ${round} (${club.id} ${action}) never reached Discord`);
      samples.push(arrivedAt - appearedAt);
    }
    progress(`latency: ${samples.join(', ')} ms`);
    return {
      latency_ms_p50: percentile(samples, 50),
      latency_ms_p95: percentile(samples, 95),
      latency_detail: { rounds, poll_interval_s: pollIntervalSeconds, tick_s: tickSeconds, max_ms: Math.max(...samples), samples_ms: samples },
    };
  } finally {
    await bot.stop();
    await feeds.close();
    await discord.close();
    env.remove();
  }
}
