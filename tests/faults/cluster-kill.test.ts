import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord/index.ts';
import { FeedServer } from '../helpers/feed-server.ts';
import { openTestPostgresStore, testDatabaseUrl, testSchema, urlWithSchema } from '../helpers/postgres.ts';
import { testEnvironment, type TestEnvironment } from '../helpers/test-app.ts';
import { spawnBot, type BotProcess } from './helpers/bot-process.ts';
import { redStarLeaves, routine, rss } from './helpers/hostile-feeds.ts';
import { faultSeed, seededRandom } from './helpers/random.ts';
import { waitFor } from './helpers/wait.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const serverCount = 50;
const kills = Number(process.env['CLUBWATCH_FAULT_KILLS'] ?? 10);

/** The most requests Discord received within any one second (interaction routes are not counted by Discord). */
function busiestSecond(times: number[]): number {
  const sorted = [...times].sort((a, b) => a - b);
  let most = 0;
  for (let first = 0, last = 0; last < sorted.length; last += 1) {
    while ((sorted[last] ?? 0) - (sorted[first] ?? 0) >= 1000) first += 1;
    most = Math.max(most, last - first + 1);
  }
  return most;
}

describe.skipIf(testDatabaseUrl === null)('a gateway and two workers on one PostgreSQL', () => {
  const seed = faultSeed('cluster kills');
  const schema = testSchema();
  const servers = Array.from({ length: serverCount }, (_, i) => ({
    serverId: String(200_000_000_000_000_000n + BigInt(i)),
    channelId: String(300_000_000_000_000_000n + BigInt(i)),
  }));
  const feeds = new FeedServer();
  let discord: FakeDiscord;
  let env: TestEnvironment;
  let store: Store;
  let vars: Record<string, string>;
  const processes: BotProcess[] = [];

  beforeAll(async () => {
    // Discord answers slowly and enforces its limits, so kills land while posts are in flight.
    discord = await startFakeDiscord({
      enforceRateLimits: true,
      responseDelayMs: 300,
      guilds: servers.map(({ serverId, channelId }, i) => ({ id: serverId, name: `Supporters ${i}`, channels: [{ id: channelId, name: 'club-news' }] })),
    });
    await feeds.start();
    feeds.route('/feed.xml', { body: rss('Le Parisien Sport', [routine], `${feeds.url}/articles`) });
    env = testEnvironment({ sources: [`${feeds.url}/feed.xml`] });
    store = await openTestPostgresStore(schema);
    for (const { serverId, channelId } of servers) {
      await store.updateServerSettings(serverId, { channelId });
      await store.addWatch(serverId, { kind: 'club', value: 'red-star-fc' });
    }
    vars = {
      ...env.vars,
      CLUBWATCH_DATABASE_URL: urlWithSchema(schema),
      CLUBWATCH_LOG_LEVEL: 'debug',
      CLUBWATCH_POLL_INTERVAL_SECONDS: '2',
      CLUBWATCH_TICK_SECONDS: '1',
      CLUBWATCH_DELIVERY_LEASE_SECONDS: '5',
      DISCORD_TOKEN: 'cluster-suite-discord-token.not-a-real-one',
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.restBase,
    };
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled(processes.map((bot) => bot.kill()));
    await store?.close();
    await Promise.allSettled([discord?.close(), feeds.close()]);
    env?.remove();
  });

  it(`posts one message in each of ${serverCount} channels, under 50 requests a second, while workers are killed ${kills} times`, async () => {
    const random = seededRandom(seed);
    const gateway = spawnBot(vars, env.dir, ['--role', 'gateway']);
    processes.push(gateway);
    const workers = [spawnBot(vars, env.dir, ['--role', 'worker']), spawnBot(vars, env.dir, ['--role', 'worker'])];
    processes.push(...workers);
    await waitFor('the feed’s first read to be recorded', async () => (await store.listSources()).some((source) => source.lastSuccessAt !== null), 60_000).catch(
      (err: Error) => {
        throw new Error(`${err.message}; the first worker wrote:\n${workers[0]?.output().slice(-3_000)}`);
      },
    );
    feeds.route('/feed.xml', { body: rss('Le Parisien Sport', [routine, redStarLeaves], `${feeds.url}/articles`) });

    const moments: string[] = [];
    for (let kill = 1; kill <= kills; kill += 1) {
      await sleep(random.int(0, 2_000));
      const which = random.int(0, 1);
      const worker = workers[which]!;
      expect(worker.running(), `a worker exited by itself before kill ${kill}:\n${worker.output().slice(-3_000)}`).toBe(true);
      await worker.kill();
      const posted = servers.filter(({ channelId }) => discord.messages(channelId).length > 0).length;
      moments.push(`kill ${kill} (worker ${which}): ${posted}/${serverCount} channels posted`);
      workers[which] = spawnBot(vars, env.dir, ['--role', 'worker']);
      processes.push(workers[which]!);
    }
    process.stderr.write(`cluster kills (seed ${seed}):\n  ${moments.join('\n  ')}\n`);

    await waitFor('every channel to have its post', () => servers.every(({ channelId }) => discord.messages(channelId).length > 0), 120_000, 250);
    await waitFor('the outbox to be all sent', async () => {
      const counts = await store.countDeliveries();
      return counts.pending + counts.sending === 0;
    }, 60_000);
    await sleep(3_000);

    const doubled = servers.filter(({ channelId }) => discord.messages(channelId).length !== 1);
    expect(doubled.map(({ channelId }) => `${channelId}: ${discord.messages(channelId).length} messages`)).toEqual([]);
    expect(await store.countDeliveries()).toEqual({ pending: 0, sending: 0, sent: serverCount, failed: 0, held: 0, merged: 0 });
    const counted = discord.requests.filter((request) => !/^\/(interactions|webhooks)\//.test(request.path));
    expect(counted.filter((request) => request.status === 429).map((request) => `${request.method} ${request.path}`)).toEqual([]);
    const busiest = busiestSecond(counted.map((request) => request.at));
    process.stderr.write(`cluster kills: ${counted.length} requests to Discord, at most ${busiest} in one second\n`);
    expect(busiest).toBeLessThanOrEqual(50);
    expect(gateway.running(), gateway.output().slice(-3_000)).toBe(true);
    expect(gateway.logs().some((line) => line.msg === 'connected to Discord')).toBe(true);
  }, 300_000);
});
