import { benchEnvironment } from './bench-env.ts';
import { seedStore, spawnBot } from './bot-process.ts';
import { startBenchDiscord } from './discord-peer.ts';
import { percentile, progress, residentMbOf, sleep } from './measure.ts';

export interface MemoryFigures {
  rss_mb_idle_10000_guilds: number | null;
  memory_detail: Array<{ servers: number; startup_ms: number; rss_mb_idle: number | null }>;
}

/**
 * Idle memory of the bot as an operator runs it (`clubwatch start`, its own process), holding
 * `servers` servers (each with its channel set and one watch) in the fake Discord and the store:
 * the median of five resident-size readings, one a second, from 3 s after it is ready.
 */
export async function runMemoryBench(options: { sizes: number[]; entry?: string | undefined }): Promise<MemoryFigures> {
  const detail: MemoryFigures['memory_detail'] = [];
  for (const servers of options.sizes) {
    const discord = await startBenchDiscord(servers);
    const env = benchEnvironment({ vars: { DISCORD_TOKEN: 'bench-token', DISCORD_APPLICATION_ID: discord.applicationId, DISCORD_API_BASE: discord.restBase } });
    try {
      await seedStore(env, { servers: discord.servers, watches: [{ kind: 'club', value: 'red-star-fc' }], sources: [] });
      const bot = spawnBot(env, {}, options.entry);
      try {
        const started = await bot.waitForLog('clubwatch started', 180_000);
        const startupMs = (started.time ?? Date.now()) - bot.spawnedAt;
        await sleep(2_000);
        const readings: number[] = [];
        for (let n = 0; n < 5; n++) {
          await sleep(1_000);
          const mb = residentMbOf(bot.child.pid as number);
          if (mb !== null) readings.push(mb);
        }
        const rss = readings.length > 0 ? Math.round(percentile(readings, 50) * 10) / 10 : null;
        detail.push({ servers, startup_ms: startupMs, rss_mb_idle: rss });
        progress(`memory: ${servers.toLocaleString('en')} servers: ${rss ?? '?'} MB resident, idle (ready in ${startupMs} ms)`);
      } finally {
        await bot.stop();
      }
    } finally {
      await discord.close();
      env.remove();
    }
  }
  return { rss_mb_idle_10000_guilds: detail.find((entry) => entry.servers === 10_000)?.rss_mb_idle ?? null, memory_detail: detail };
}
