import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBot, type BotProcess } from './helpers/bot-process.ts';
import { createFanOutWorld, type FanOutWorld } from './helpers/fan-out-world.ts';
import { faultSeed, seededRandom } from './helpers/random.ts';
import { waitFor } from './helpers/wait.ts';

const servers = 8;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM; resolves with how the process ended, or null when it was still running after `withinMs`. */
async function terminate(bot: BotProcess, withinMs: number) {
  bot.child.kill('SIGTERM');
  return Promise.race([bot.exited, sleep(withinMs).then(() => null)]);
}

describe('stopping with SIGTERM', () => {
  let world: FanOutWorld;
  let bot: BotProcess | undefined;
  let databasePath: string;

  const channelsPosted = () => world.servers.map(({ channelId }) => world.discord.messages(channelId).length);
  const outbox = () => {
    const db = new BetterSqlite3(databasePath, { readonly: true });
    try {
      const rows = db.prepare("SELECT status, count(*) AS n FROM deliveries WHERE destination LIKE 'discord:%' GROUP BY status").all() as Array<{ status: string; n: number }>;
      return Object.fromEntries(rows.map((row) => [row.status, row.n]));
    } finally {
      db.close();
    }
  };
  const start = async () => {
    bot = spawnBot(world.vars, world.env.dir);
    await waitFor('clubwatch to start', () => bot?.logs().some((line) => line.msg === 'clubwatch started'), 60_000).catch((err: Error) => {
      throw new Error(`${err.message}; clubwatch wrote:\n${bot?.output().slice(-3_000)}`);
    });
    return bot;
  };

  beforeAll(async () => {
    world = await createFanOutWorld({ servers });
    databasePath = world.env.config().databasePath;
    await start();
    await waitFor('the feed’s first read to be recorded', () => world.feedReadOnce(), 30_000).catch((err: Error) => {
      throw new Error(`${err.message}; clubwatch wrote:\n${bot?.output().slice(-3_000)}`);
    });
  }, 120_000);

  afterAll(async () => {
    await bot?.kill();
    await world?.close();
  });

  it('finishes the posts in flight, then exits with 0 within 10 s', async () => {
    world.discord.setResponseDelay(2_500);
    world.announce();
    await waitFor('the first posts to be on their way', () => outbox()['sending'] !== undefined, 30_000, 50);
    await sleep(300);
    const ended = await terminate(bot!, 10_000);
    expect(ended, 'still running 10 s after SIGTERM').not.toBeNull();
    expect(ended?.code, bot!.output().slice(-2_000)).toBe(0);
    // What was in flight was finished and recorded: nothing left claimed.
    expect(outbox()['sending']).toBeUndefined();

    world.discord.setResponseDelay(0);
    await start();
    await waitFor('every channel to have its post', () => channelsPosted().every((count) => count >= 1), 60_000);
    await waitFor('the outbox to empty', () => outbox()['pending'] === undefined && outbox()['sending'] === undefined, 30_000);
    expect(channelsPosted()).toEqual(world.servers.map(() => 1));
  }, 120_000);

  it('hands back the posts Discord has not answered, exits within 10 s, and the next start posts each once', async () => {
    const before = channelsPosted();
    // Discord takes longer than the bot's grace period to answer anything.
    world.discord.setResponseDelay(12_000);
    world.announceMore();
    await waitFor('the posts to be on their way', () => outbox()['sending'] !== undefined, 30_000, 50);
    await sleep(300);
    const stoppedAt = Date.now();
    const ended = await terminate(bot!, 10_000);
    expect(ended, 'still running 10 s after SIGTERM').not.toBeNull();
    expect(ended?.code, bot!.output().slice(-2_000)).toBe(0);

    world.discord.setResponseDelay(0);
    await start();
    await waitFor('every channel to have its second post', () => channelsPosted().every((count, i) => count >= (before[i] ?? 0) + 1), 60_000);
    await waitFor('the outbox to empty', () => outbox()['pending'] === undefined && outbox()['sending'] === undefined, 30_000);
    // Let the answers Discord was still working on land before counting.
    await sleep(Math.max(0, stoppedAt + 13_000 - Date.now()));
    expect(channelsPosted()).toEqual(before.map((count) => count + 1));

    const ended2 = await terminate(bot!, 10_000);
    expect(ended2?.code).toBe(0);
  }, 120_000);

  it('exits within 10 s whenever SIGTERM comes during start-up, and cleanly once it can', async () => {
    const random = seededRandom(faultSeed('SIGTERM during start-up'));
    for (let attempt = 0; attempt < 6; attempt++) {
      bot = spawnBot(world.vars, world.env.dir);
      await sleep(random.int(0, 3_000));
      const ended = await terminate(bot, 10_000);
      expect(ended, `still running 10 s after SIGTERM:\n${bot.output().slice(-2_000)}`).not.toBeNull();
      // Before its handlers are in place the process simply ends on the signal; after, it stops cleanly.
      if (ended?.signal === null) expect(ended.code, bot.output().slice(-2_000)).toBe(0);
    }
    await start();
    expect(channelsPosted().every((count) => count === 2)).toBe(true);
  }, 120_000);
});
