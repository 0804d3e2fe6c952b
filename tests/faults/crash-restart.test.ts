import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { spawnBot, type BotProcess } from './helpers/bot-process.ts';
import { createFanOutWorld, type FanOutWorld } from './helpers/fan-out-world.ts';
import { faultSeed, seededRandom } from './helpers/random.ts';
import { waitFor } from './helpers/wait.ts';

/** Fewer kills when debugging (`CLUBWATCH_FAULT_KILLS=3`); the suite runs 20 in its main variant. */
const killsWanted = process.env['CLUBWATCH_FAULT_KILLS'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits for `bot` to log `msg`; false when it did not within `timeoutMs`. */
async function logged(bot: BotProcess, msg: string, timeoutMs: number): Promise<boolean> {
  return waitFor(`"${msg}"`, () => bot.logs().some((line) => line.msg === msg), timeoutMs, 20).catch(() => false);
}

/** SIGTERM; true when the process exited within `withinMs`. */
async function terminate(bot: BotProcess, withinMs: number): Promise<boolean> {
  bot.child.kill('SIGTERM');
  const timer = sleep(withinMs).then(() => false);
  return Promise.race([bot.exited.then(() => true), timer]);
}

interface Variant {
  name: string;
  servers: number;
  kills: number;
  /** Whether the fake Discord drops a message whose nonce it saw in the last two minutes, as Discord does. */
  nonces: boolean;
  /** How long Discord takes to answer each request: long enough for kills to cut posts off in flight. */
  delayMs: number;
}

const variants: Variant[] = [
  { name: 'crashes and restarts', servers: 50, kills: Number(killsWanted ?? 20), nonces: true, delayMs: 1_000 },
  // Another Discord may not drop repeated nonces (the bot must not rely on them alone), and Discord
  // enforces its rate limits: this one does both.
  { name: 'crashes and restarts against a Discord that keeps repeated nonces and enforces rate limits', servers: 30, kills: Number(killsWanted ?? 8), nonces: false, delayMs: 1_000 },
];

describe.each(variants)('$name', ({ servers, kills, nonces, delayMs }) => {
  const seed = faultSeed(`crash and restart (${nonces ? 'nonces dropped' : 'nonces kept'})`);
  let world: FanOutWorld;
  let bot: BotProcess | undefined;

  beforeAll(async () => {
    // Discord answers slowly, so that kills land while the fan-out is being sent and cut posts off
    // between "Discord has it" and "the outbox knows".
    world = await createFanOutWorld({ servers, discord: { responseDelayMs: delayMs, nonceWindowMs: nonces ? 120_000 : 0, enforceRateLimits: !nonces } });
  }, 120_000);

  afterAll(async () => {
    await bot?.kill();
    await world?.close();
  });

  it(`posts one message in each of ${servers} channels and one Bluesky post after ${kills} kills at random moments`, async () => {
    const random = seededRandom(seed);
    bot = spawnBot(world.vars, world.env.dir);
    await waitFor('the feed’s first read to be recorded', () => world.feedReadOnce(), 60_000).catch((err: Error) => {
      throw new Error(`${err.message}; clubwatch wrote:\n${bot?.output().slice(-3_000)}`);
    });
    world.announce();

    const moments: string[] = [];
    const outputs: string[] = [];
    for (let kill = 1; kill <= kills; kill++) {
      // Some kills at any moment of a start; the others once the bot runs, when posts are in flight.
      if (random.chance(0.4)) {
        await sleep(random.int(0, 3_000));
      } else {
        await logged(bot, 'clubwatch started', 30_000);
        await sleep(random.int(0, 2_500));
      }
      expect(bot.running(), `clubwatch exited by itself before kill ${kill}:\n${bot.output()}`).toBe(true);
      await bot.kill();
      outputs.push(bot.output());
      const posted = world.servers.filter(({ channelId }) => world.discord.messages(channelId).length > 0).length;
      moments.push(`kill ${kill}: ${posted}/${servers} channels posted`);
      bot = spawnBot(world.vars, world.env.dir);
    }
    process.stderr.write(`crash and restart, nonces ${nonces ? 'dropped' : 'kept'} (seed ${seed}):\n  ${moments.join('\n  ')}\n`);

    // The last start runs to the end: nothing is sent again once it is up and has had time to send.
    expect(await logged(bot, 'clubwatch started', 60_000), `clubwatch did not start:\n${bot.output()}`).toBe(true);
    await waitFor(
      'every channel and the mirror to have their post',
      async () => world.servers.every(({ channelId }) => world.discord.messages(channelId).length > 0) && (await world.blueskyPosts()).length > 0,
      120_000,
      250,
    );
    const databasePath = world.env.config().databasePath;
    await waitFor('the outbox to empty', () => {
      const db = new BetterSqlite3(databasePath, { readonly: true });
      try {
        const row = db.prepare("SELECT count(*) AS n FROM deliveries WHERE status IN ('pending', 'sending')").get() as { n: number };
        return row.n === 0;
      } finally {
        db.close();
      }
    }, 60_000);

    await sleep(3_000);
    expect(await terminate(bot, 10_000), 'clubwatch did not exit within 10 s of SIGTERM').toBe(true);
    expect((await bot.exited).code, bot.output().slice(-3_000)).toBe(0);

    const doubled = world.servers.filter(({ channelId }) => world.discord.messages(channelId).length !== 1);
    expect(doubled.map(({ channelId }) => `${channelId}: ${world.discord.messages(channelId).length} messages`)).toEqual([]);
    const posts = await world.blueskyPosts();
    expect(posts, JSON.stringify(posts)).toHaveLength(1);

    const db = new BetterSqlite3(databasePath);
    try {
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    } finally {
      db.close();
    }
    const store = await openSqliteStore({ path: databasePath });
    let storedSession: string | undefined;
    try {
      expect(await store.countDeliveries()).toEqual({ pending: 0, sending: 0, sent: servers + 1, failed: 0, held: 0, merged: 0 });
      storedSession = await store.getState('bluesky:session');
    } finally {
      await store.close();
    }

    // Secrets: in no line that any of the processes wrote, at debug level.
    outputs.push(bot.output());
    const everything = outputs.join('\n');
    expect(everything).toContain('clubwatch started');
    const session = JSON.parse(storedSession ?? '{}') as { session?: { accessJwt?: string; refreshJwt?: string } };
    const secrets = [world.vars.DISCORD_TOKEN, world.vars.BLUESKY_APP_PASSWORD, session.session?.accessJwt, session.session?.refreshJwt];
    expect(secrets.every((secret) => typeof secret === 'string' && secret.length > 8), 'the stored session has its tokens').toBe(true);
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toMatch(/eyJ[\w-]{8,}\.eyJ[\w-]{8,}/);
  }, 360_000);
});
