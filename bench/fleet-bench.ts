import type { ServerResponse } from 'node:http';
import { FeedServer } from '../tests/helpers/feed-server.ts';
import { benchEnvironment } from './bench-env.ts';
import { seedStore, spawnBot } from './bot-process.ts';
import { startBenchDiscord, type LimitWindows } from './discord-peer.ts';
import { cpuMsOf, percentile, progress, residentMbOf, sleep } from './measure.ts';
import { announcementFeed, quietFeed } from './small-feeds.ts';

export interface FleetFigures {
  startup_ms: number;
  rss_mb_idle_1000_guilds: number | null;
  rss_mb_after_fanout: number | null;
  fanout_msgs_per_s: number;
  fanout_limit_per_s: number;
  fanout_429s: number;
  fanout_lost: number;
  fanout_duplicates: number;
  fleet_detail: {
    servers: number;
    sources: number;
    /** The first start after install, in a fresh folder: tsx transpiles every file once and caches it. */
    first_start_ms: number;
    /** CPU the bot used from its start to ready: the same work, whatever else runs on the machine. */
    startup_cpu_ms: number | null;
    discord_delay_ms: number;
    discord_limits: LimitWindows;
    connected_ms: number | null;
    messages: number;
    fanout_s: number;
    first_to_last_msgs_per_s: number;
    story_read_to_first_message_ms: number | null;
    /** node-cron's console warnings that a job was still running (the send job, during the fan-out). */
    cron_overlap_warnings: number;
  };
}

const watchedClub = 'red-star-fc';
const fanoutDelayMs = 20_000;

/**
 * The bot as an operator runs it (`clubwatch start`, its own process), holding 1,000 servers and
 * 500 sources, against the fake Discord with its limits enforced:
 * - start-up: from spawning the process to its "clubwatch started" log line, written once the store
 *   is open, the commands loaded and the gateway ready (discord.js's ready, after every GUILD_CREATE);
 *   a restart, as the figure: a first start in another folder has filled tsx's cache and the OS's;
 * - resident memory from 3 to 7 s after that, idle (the median of five readings; sources are
 *   polled at their slots and answered 304);
 * - fan-out: 20 s after start a source the 1,000 servers' club appears in is due; its new item is
 *   one story, routed to the 1,000 channels; the figures are the messages Discord recorded, from
 *   the feed's answer to the last message, the 429s it gave, and the messages per channel;
 * - resident memory right after the last message.
 */
export async function runFleetBench(options: { servers: number; sources: number; discordDelayMs: number; discordLimits?: LimitWindows | undefined; entry?: string | undefined }): Promise<FleetFigures> {
  const discord = await startBenchDiscord(options.servers, { responseDelayMs: options.discordDelayMs, limits: options.discordLimits ?? 'fixed' });
  let storyReadAt: number | null = null;
  const quiet = quietFeed();
  const story = announcementFeed([{ club: 'Red Star FC', action: 'leave' }], new Date());
  const feeds = new FeedServer();
  for (let n = 0; n < options.sources; n++) feeds.route(`/outlet-${n}.xml`, { body: quiet, etag: '"quiet"' });
  feeds.route('/club-wire.xml', {
    handler: (_req, res: ServerResponse) => {
      storyReadAt ??= Date.now();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"story"' }).end(story);
    },
  });
  const base = await feeds.start();
  const sourceUrls = Array.from({ length: options.sources }, (_, n) => `${base}/outlet-${n}.xml`);
  const env = benchEnvironment({
    sources: [...sourceUrls, `${base}/club-wire.xml`],
    vars: { DISCORD_TOKEN: 'bench-token', DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_BASE: discord.restBase },
  });
  const firstStartMs = await firstStart(discord.restBase, discord.applicationId, options.entry);
  progress(`fleet: first start ${firstStartMs} ms; seeding ${options.servers} servers and ${options.sources} sources`);
  await seedStore(env, {
    servers: discord.servers,
    watches: [{ kind: 'club', value: watchedClub }],
    sources: [
      ...sourceUrls.map((url) => ({ url, etag: '"quiet"' })),
      { url: `${base}/club-wire.xml`, etag: '"before"', nextFetchAt: new Date(Date.now() + fanoutDelayMs) },
    ],
  });
  const bot = spawnBot(env, {}, options.entry);
  try {
    const started = await bot.waitForLog('clubwatch started', 60_000);
    const startupCpuMs = cpuMsOf(bot.child.pid as number);
    const connected = bot.logs.find((line) => line.msg === 'connected to Discord');
    const startupMs = (started.time ?? Date.now()) - bot.spawnedAt;
    progress(`fleet: started in ${startupMs} ms (${startupCpuMs ?? '?'} ms of CPU)`);
    // Idle: the median of five readings, one a second, from 3 s after ready.
    const pid = bot.child.pid as number;
    await sleep(2_000);
    const readings: number[] = [];
    for (let n = 0; n < 5; n++) {
      await sleep(1_000);
      const mb = residentMbOf(pid);
      if (mb !== null) readings.push(mb);
    }
    const idleMb = readings.length > 0 ? percentile(readings, 50) : null;
    progress(`fleet: ${idleMb?.toFixed(0) ?? '?'} MB resident, idle`);
    if (storyReadAt !== null) progress('fleet: warning: the story was read before the idle measurement');

    const channels = discord.servers.map((server) => server.channelId);
    const deadline = Date.now() + fanoutDelayMs + 120_000;
    let reached = 0;
    while (Date.now() < deadline) {
      reached = channels.filter((channel) => discord.tally.messageCount(channel) > 0).length;
      if (reached === channels.length) break;
      await sleep(100);
    }
    const afterMb = residentMbOf(pid);
    const times = discord.tally.messageTimes();
    const first = times[0] ?? NaN;
    const last = times[times.length - 1] ?? NaN;
    progress(`fleet: ${reached} of ${channels.length} channels reached, ${afterMb?.toFixed(0) ?? '?'} MB resident`);
    // Late or repeated sends would show up here.
    await sleep(3_000);
    const counts = channels.map((channel) => discord.tally.messageCount(channel));
    const messages = counts.reduce((sum, n) => sum + n, 0);
    const spanS = storyReadAt === null ? NaN : (last - storyReadAt) / 1000;
    return {
      startup_ms: startupMs,
      rss_mb_idle_1000_guilds: round(idleMb),
      rss_mb_after_fanout: round(afterMb),
      fanout_msgs_per_s: round(times.length / spanS) ?? 0,
      fanout_limit_per_s: 50,
      fanout_429s: discord.tally.rateLimited(),
      fanout_lost: counts.filter((n) => n === 0).length,
      fanout_duplicates: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      fleet_detail: {
        servers: options.servers,
        sources: options.sources,
        first_start_ms: firstStartMs,
        startup_cpu_ms: startupCpuMs,
        discord_delay_ms: options.discordDelayMs,
        discord_limits: options.discordLimits ?? 'fixed',
        connected_ms: connected?.time === undefined ? null : connected.time - bot.spawnedAt,
        messages,
        fanout_s: round(spanS) ?? 0,
        first_to_last_msgs_per_s: round((times.length - 1) / ((last - first) / 1000)) ?? 0,
        story_read_to_first_message_ms: storyReadAt === null ? null : first - storyReadAt,
        cron_overlap_warnings: bot.otherLines.filter((line) => /NODE-CRON.*overlap/.test(line)).length,
      },
    };
  } finally {
    await bot.stop();
    await feeds.close();
    await discord.close();
    env.remove();
  }
}

function round(value: number | null): number | null {
  return value === null || !Number.isFinite(value) ? null : Math.round(value * 10) / 10;
}

/** Starts and stops the bot once in an empty folder (same Discord): the first start after install. */
async function firstStart(restBase: string, applicationId: string, entry: string | undefined): Promise<number> {
  const env = benchEnvironment({ vars: { DISCORD_TOKEN: 'bench-token', DISCORD_APPLICATION_ID: applicationId, DISCORD_API_BASE: restBase } });
  const bot = spawnBot(env, {}, entry);
  try {
    const started = await bot.waitForLog('clubwatch started', 60_000);
    return (started.time ?? Date.now()) - bot.spawnedAt;
  } finally {
    await bot.stop();
    env.remove();
  }
}
