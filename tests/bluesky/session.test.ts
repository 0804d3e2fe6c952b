import { PassThrough } from 'node:stream';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BlueskyLoginDeferredError } from '../../src/bluesky/errors.ts';
import { BlueskySession, sessionStateKey } from '../../src/bluesky/session.ts';
import { createLogger } from '../../src/logger.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { startTestPds, type TestAccount, type TestPds } from '../helpers/pds.ts';

describe('the mirror’s session', () => {
  let pds: TestPds;
  let store: Store;
  let account: TestAccount;
  let logText = '';
  let accounts = 0;
  const logs = new PassThrough().on('data', (chunk: Buffer) => {
    logText += chunk.toString('utf8');
  });
  const logger = createLogger({ level: 'debug', destination: logs });

  beforeAll(async () => {
    pds = await startTestPds();
  });
  afterAll(async () => {
    await pds.close();
  });
  beforeEach(async () => {
    store = await openSqliteStore({ path: ':memory:' });
    accounts += 1;
    account = await pds.createAccount(`session${accounts}.test`);
  });
  afterEach(async () => {
    await store.close();
  });

  const logins = () => pds.requestsTo('com.atproto.server.createSession').length;
  function session(options: { minLoginIntervalMs?: number; now?: () => number } = {}): BlueskySession {
    return new BlueskySession({ store, logger, service: pds.url, identifier: account.handle, appPassword: account.password, ...options });
  }

  it('logs in once, then resumes the stored session at every start, saving each rotated token', async () => {
    const before = logins();
    const first = session();
    expect(await first.start()).toBe('logged-in');
    await first.flush();
    const stored = JSON.parse((await store.getState(sessionStateKey))!);

    for (let restart = 0; restart < 3; restart++) {
      const next = session();
      expect(await next.start()).toBe('resumed');
      await next.flush();
      await (await next.ready()).com.atproto.server.getSession();
    }
    expect(logins() - before).toBe(1);
    const latest = JSON.parse((await store.getState(sessionStateKey))!);
    expect(latest.session.did).toBe(account.did);
    expect(latest.session.refreshJwt).not.toBe(stored.session.refreshJwt);
    expect(logText).not.toContain(account.password);
    expect(logText).not.toContain(latest.session.refreshJwt);
    expect(logText).not.toContain(stored.session.accessJwt);
  });

  it('logs in again, once, when the stored session was revoked, and not again moments later', async () => {
    const first = session();
    await first.start();
    await first.flush();
    const { refreshJwt } = JSON.parse((await store.getState(sessionStateKey))!).session;
    const revoked = await fetch(`${pds.url}/xrpc/com.atproto.server.deleteSession`, { method: 'POST', headers: { authorization: `Bearer ${refreshJwt}` } });
    expect(revoked.status).toBe(200);

    const before = logins();
    let now = Date.now();
    const second = session({ now: () => now });
    // The last login was moments ago: rather than spend another, it waits.
    await expect(second.start()).rejects.toBeInstanceOf(BlueskyLoginDeferredError);
    expect(logins()).toBe(before);
    expect(await store.getState(sessionStateKey)).toBeUndefined();

    now += 11 * 60_000;
    await second.ready();
    expect(logins() - before).toBe(1);
    await second.flush();
    expect(JSON.parse((await store.getState(sessionStateKey))!).session.did).toBe(account.did);
  });

  it('waits until the ratelimit-reset Bluesky gave when it rations logins', async () => {
    const now = Date.now();
    const reset = Math.ceil(now / 1000) + 300;
    pds.answerNext('com.atproto.server.createSession', {
      status: 429,
      headers: { 'ratelimit-limit': '30', 'ratelimit-remaining': '0', 'ratelimit-reset': String(reset) },
      body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
    });
    const limited = session({ now: () => now, minLoginIntervalMs: 0 });
    const failure = await limited.start().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(BlueskyLoginDeferredError);
    expect((failure as BlueskyLoginDeferredError).retryAfterMs).toBeGreaterThanOrEqual(reset * 1000 - now);
    const before = logins();
    await expect(limited.ready()).rejects.toBeInstanceOf(BlueskyLoginDeferredError);
    expect(logins()).toBe(before);
  });
});
