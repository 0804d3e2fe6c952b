import { afterAll, beforeAll, expect, it } from 'vitest';
import { spawnBot, type BotProcess } from './helpers/bot-process.ts';
import { createFanOutWorld, type FanOutWorld } from './helpers/fan-out-world.ts';
import { waitFor } from './helpers/wait.ts';

let world: FanOutWorld;
let bot: BotProcess | undefined;

beforeAll(async () => {
  world = await createFanOutWorld({ servers: 2 });
}, 120_000);

afterAll(async () => {
  await bot?.kill();
  await world?.close();
});

/**
 * The mirror's first login is the one moment its session exists only in flight: a kill then must
 * not keep the next start from logging in (logins are otherwise rationed across restarts).
 */
it('mirrors the next story at once after a kill during the first Bluesky login', async () => {
  bot = spawnBot(world.vars, world.env.dir);
  await waitFor('the first login to reach the PDS', () => world.pds.requestsTo('com.atproto.server.createSession').length > 0, 60_000, 5);
  await bot.kill();

  bot = spawnBot(world.vars, world.env.dir);
  await waitFor('the feed’s first read to be recorded', () => world.feedReadOnce(), 60_000);
  world.announce();
  await waitFor('the story on Discord', () => world.servers.every(({ channelId }) => world.discord.messages(channelId).length === 1), 30_000);
  await waitFor('the story on Bluesky', async () => (await world.blueskyPosts()).length === 1, 30_000, 500).catch((err: Error) => {
    throw new Error(`${err.message}; clubwatch wrote:\n${bot?.output().slice(-3_000)}`);
  });
});

it('posts once when killed while its post is on the way to the PDS', async () => {
  const before = (await world.blueskyPosts()).length;
  const writes = () => world.pds.requestsTo('com.atproto.repo.createRecord').length;
  const written = writes();
  world.announceMore();
  await waitFor('the post to reach the PDS', () => writes() > written, 60_000, 2);
  await bot?.kill();

  bot = spawnBot(world.vars, world.env.dir);
  await waitFor('the outbox to have sent it', async () => (await world.blueskyPosts()).length > before, 60_000, 500);
  await waitFor('clubwatch to be up', () => bot?.logs().some((line) => line.msg === 'clubwatch started'), 30_000);
  await new Promise((resolve) => setTimeout(resolve, 3_000));
  expect((await world.blueskyPosts()).length).toBe(before + 1);
}, 120_000);
