import { afterEach, describe, expect, it } from 'vitest';
import type { Store } from '../../src/store/store.ts';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord/index.ts';
import { openTestPostgresStore, testDatabaseUrl, testSchema, urlWithSchema } from '../helpers/postgres.ts';
import { testEnvironment, type TestEnvironment } from '../helpers/test-app.ts';
import { runCliAsync, startCli, type RunningCli } from './run-cli.ts';

describe('clubwatch start --role', () => {
  let env: TestEnvironment | undefined;
  let discord: FakeDiscord | undefined;
  let store: Store | undefined;
  let bot: RunningCli | undefined;

  afterEach(async () => {
    await bot?.stop('SIGTERM');
    await store?.close();
    await discord?.close();
    env?.remove();
    [env, discord, store, bot] = [undefined, undefined, undefined, undefined];
  });

  it('refuses a role it does not know, and a shared role without a shared store, in one line each', async () => {
    env = testEnvironment();
    const unknown = await runCliAsync(['start', '--role', 'leader'], env.vars);
    expect(unknown.status).toBe(1);
    expect(unknown.stderr.trim()).toBe('clubwatch: --role must be all, gateway or worker, not "leader"');
    const alone = await runCliAsync(['start', '--role', 'worker'], env.vars);
    expect(alone.status).toBe(1);
    expect(alone.stderr.trim()).toBe('clubwatch: --role worker shares the work with other processes through PostgreSQL: set CLUBWATCH_DATABASE_URL');
  });

  it('refuses shards that do not fit their count, in one line', async () => {
    env = testEnvironment();
    const vars = { ...env.vars, DISCORD_TOKEN: 'a-token.not-a-real-one', DISCORD_APPLICATION_ID: '100000000000000001', DISCORD_SHARDS: '0-4', DISCORD_SHARD_COUNT: '4' };
    const wrong = await runCliAsync(['start'], vars);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr.trim()).toBe('clubwatch: DISCORD_SHARDS must list shard ids below DISCORD_SHARD_COUNT (4), like 0,1 or 0-3, not "0-4"');
  });

  it.skipIf(testDatabaseUrl === null)('connects a gateway’s own shards, each identifying in its turn kept in PostgreSQL', async () => {
    discord = await startFakeDiscord({ guilds: [{ id: '200000000000000001', name: 'Supporters', channels: [{ id: '300000000000000001', name: 'news' }] }] });
    const schema = testSchema();
    store = await openTestPostgresStore(schema);
    env = testEnvironment();
    bot = startCli(['start', '--role', 'gateway'], {
      ...env.vars,
      CLUBWATCH_DATABASE_URL: urlWithSchema(schema),
      DISCORD_TOKEN: 'gateway-test-token.not-a-real-one',
      DISCORD_APPLICATION_ID: discord.applicationId,
      DISCORD_API_BASE: discord.restBase,
      DISCORD_SHARDS: '1,3',
      DISCORD_SHARD_COUNT: '4',
    });
    const started = await bot.waitForLog((line) => line.msg === 'gateway session starts left today', 30_000);
    expect(started).toMatchObject({ remaining: 999, maxConcurrency: 1, shards: 2 });
    await bot.waitForLog((line) => line.msg === 'connected to Discord', 60_000);
    const shards = discord.gatewayConnections.flatMap((connection) => (connection.identify ? [connection.identify.shard] : []));
    expect(shards).toEqual([
      [1, 4],
      [3, 4],
    ]);
    // Both shards are in bucket 0 (max_concurrency 1): the second waited for the first's five seconds.
    expect(await store.takeLease({ name: 'discord-identify:0', holder: 'another gateway', now: new Date().toISOString(), until: new Date(Date.now() + 5_000).toISOString() })).toBe(false);
    expect(await bot.stop('SIGTERM')).toBe(0);
  }, 90_000);
});
