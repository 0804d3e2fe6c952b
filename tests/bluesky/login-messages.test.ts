import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnBot, type BotProcess } from '../faults/helpers/bot-process.ts';
import { startTestPds, type TestPds } from '../helpers/pds.ts';
import { testEnvironment, type TestEnvironment } from '../helpers/test-app.ts';

async function until(condition: () => boolean, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function startAndStop(env: TestEnvironment, password: string): Promise<BotProcess> {
  const bot = spawnBot({ ...env.vars, CLUBWATCH_LOG_LEVEL: 'info', BLUESKY_APP_PASSWORD: password }, env.dir);
  try {
    await until(() => bot.output().includes('"clubwatch started"') || !bot.running());
  } finally {
    bot.child.kill('SIGTERM');
    await bot.exited;
  }
  return bot;
}

/** `npm start` as an operator runs it, with a wrong app password, then with the right one. */
describe('logging in to the mirror’s Bluesky account', () => {
  let pds: TestPds;
  let env: TestEnvironment;
  beforeAll(async () => {
    pds = await startTestPds();
  });
  afterAll(async () => {
    env?.remove();
    await pds.close();
  });

  it('says it is not logged in and names the variable to fix, then tries a changed password at once', async () => {
    const account = await pds.createAccount('login-fix.test');
    env = testEnvironment({ vars: { BLUESKY_SERVICE: pds.url, BLUESKY_IDENTIFIER: account.handle } });
    const logins = () => pds.requestsTo('com.atproto.server.createSession').length;
    const before = logins();

    const wrong = await startAndStop(env, 'wron-gpas-swor-dxxx');
    expect(logins() - before).toBe(1);
    expect(wrong.output()).not.toContain('mirroring summaries to Bluesky');
    expect(wrong.output()).toContain(`clubwatch: Bluesky mirror NOT logged in as ${account.handle}: Bluesky refused the login`);
    const error = wrong.logs().find((line) => line.msg === 'Bluesky mirror on but not logged in');
    expect(String(error?.reason)).toContain('BLUESKY_APP_PASSWORD');
    expect(wrong.output()).not.toContain('wron-gpas-swor-dxxx');

    // Fixed within the ten minutes: tried at once.
    const fixed = await startAndStop(env, account.password);
    expect(logins() - before).toBe(2);
    expect(fixed.output()).toContain(`clubwatch: mirroring summaries to Bluesky as ${account.handle}.`);
    expect(fixed.output()).not.toContain('NOT logged in');
  }, 300_000);
});
