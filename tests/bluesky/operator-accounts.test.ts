import type { AtpAgent } from '@atproto/api';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { PassThrough } from 'node:stream';
import { buildContext, closeContext } from '../../src/app/context.ts';
import { runAccounts } from '../../src/bluesky/index.ts';
import { readEnv } from '../../src/config/env.ts';
import { secretsFromEnv } from '../../src/config/secrets.ts';
import { createLogger } from '../../src/logger.ts';
import { sourceIdFor } from '../../src/sources/source-id.ts';
import { runCliAsync } from '../cli/run-cli.ts';
import { startTestPds, type TestPds } from '../helpers/pds.ts';
import { pollAll, startMirrorBot, type MirrorBot } from '../helpers/pds-bot.ts';
import { testEnvironment, type TestEnvironment } from '../helpers/test-app.ts';

async function post(agent: AtpAgent, text: string, langs: string[]): Promise<void> {
  await agent.post({ text, langs, createdAt: new Date().toISOString() });
}

/** The same command in this process, for the many cases where a child process each would only be slower. */
async function accountsCommand(env: TestEnvironment, args: string[], club?: string): Promise<string> {
  const context = await buildContext(env.config(), secretsFromEnv(readEnv(env.vars)), { logger: createLogger({ level: 'silent' }) });
  const output = new PassThrough();
  let printed = '';
  output.on('data', (chunk: Buffer) => (printed += chunk.toString()));
  try {
    await runAccounts(context, args, club, output);
    return printed;
  } finally {
    await closeContext(context);
  }
}

function expectOneLineError(result: { status: number | null; stderr: string }, pattern: RegExp): void {
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/^clubwatch: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
}

// Each command is a child process (a second or two each on a busy machine).
describe('clubwatch accounts', { timeout: 240_000 }, () => {
  let pds: TestPds;
  let env: TestEnvironment;
  let bot: MirrorBot | undefined;

  beforeAll(async () => {
    pds = await startTestPds();
  });
  afterAll(async () => {
    await pds.close();
  });
  afterEach(async () => {
    await bot?.close();
    bot = undefined;
    env.remove();
  });

  /** A test network: the PDS resolves its own handles, and its PLC directory holds the DID documents. */
  function networkEnvironment(vars: Record<string, string> = {}): TestEnvironment {
    return testEnvironment({ vars: { BLUESKY_APPVIEW: pds.url, BLUESKY_PLC_URL: pds.plcUrl, BLUESKY_READ_CLUB_ACCOUNTS: 'true', CLUBWATCH_LOG_LEVEL: 'warn', ...vars } });
  }

  it('follows an account added by handle, kept by its DID, read by the bot for that club, until it is removed', async () => {
    const club = await pds.createAccount('kiezklub.test');
    const clubAgent = await pds.agentFor(club);
    await post(clubAgent, 'Moin! Heute Training um 10 Uhr.', ['de']);
    env = networkEnvironment();

    const added = await runCliAsync(['accounts', 'add', '@Kiezklub.test', '--club', 'fc-st-pauli'], env.vars);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toBe(`Following @kiezklub.test (${club.did}) for St. Pauli. The running bot reads it at its next tick; its posts so far are recorded, not announced.\n`);

    const listed = await runCliAsync(['accounts', 'list'], env.vars);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^fc-st-pauli +operator +@kiezklub\\.test  ${club.did}\\n {4}St\\. Pauli; not read yet$`, 'm'));

    // The running bot reads it with the catalog's accounts: the club's first-person post is the club's news.
    bot = await startMirrorBot(env);
    expect(await bot.context.store.getSource(sourceIdFor('bluesky', club.did))).toMatchObject({ kind: 'bluesky', url: club.did, origin: 'operator' });
    await pollAll(bot);
    await post(clubAgent, 'Wir verlassen X. Ab heute findet ihr uns hier.', ['de']);
    await pollAll(bot);
    const stories = await bot.context.store.listStories({ clubId: 'fc-st-pauli' });
    expect(stories).toHaveLength(1);
    expect(stories[0]).toMatchObject({ platform: 'x', action: 'leave' });
    await bot.close();
    bot = undefined;

    expect(await accountsCommand(env, ['list'])).toMatch(/St\. Pauli; last read \d{4}-/);
    const removed = await runCliAsync(['accounts', 'remove', 'kiezklub.test'], env.vars);
    expect(removed.status).toBe(0);
    expect(removed.stdout).toBe('No longer following @kiezklub.test for St. Pauli.\n');
    expect(await accountsCommand(env, ['list'])).not.toMatch(/kiezklub/);
    await expect(accountsCommand(env, ['remove', 'kiezklub.test'])).rejects.toThrow(/^kiezklub\.test is not followed/);
  });

  it('follows an account added by DID, showing the handle its DID document claims', async () => {
    const club = await pds.createAccount('werder-ops.test');
    env = networkEnvironment({ BLUESKY_READ_CLUB_ACCOUNTS: 'false' });
    const added = await runCliAsync(['accounts', 'add', club.did, '--club', 'werder-bremen'], env.vars);
    expect(added.stderr).toBe('');
    expect(added.status).toBe(0);
    expect(added.stdout).toMatch(new RegExp(`^Following @werder-ops\\.test \\(${club.did}\\) for Werder\\. The bot reads it once BLUESKY_READ_CLUB_ACCOUNTS=true\\.\\n$`));
    await expect(accountsCommand(env, ['add', 'werder-ops.test'], 'fc-st-pauli')).rejects.toThrow(/^@werder-ops\.test is already followed, for Werder$/);
  });

  it('refuses, each in one line, what it cannot follow', async () => {
    env = networkEnvironment();
    await pds.createAccount('refused.test');
    expectOneLineError(await runCliAsync(['accounts', 'add', 'refused.test'], env.vars), /Usage: clubwatch accounts add HANDLE_OR_DID --club CLUB_ID/);
    await expect(accountsCommand(env, ['add', 'refused.test'], 'st-pauli')).rejects.toThrow(/^no club has the id "st-pauli"; did you mean fc-st-pauli/);
    await expect(accountsCommand(env, ['add', 'nobody-here.test'], 'fc-st-pauli')).rejects.toThrow(/^@nobody-here\.test is not a Bluesky account/);
    await expect(accountsCommand(env, ['add', 'not a handle'], 'fc-st-pauli')).rejects.toThrow(/neither a Bluesky handle .* nor a DID/);
    await expect(accountsCommand(env, ['add', 'did:plc:aaaaaaaaaaaaaaaaaaaaaaaa'], 'fc-st-pauli')).rejects.toThrow(/has no DID document at http:\/\/localhost:\d+: no such account/);
  });

  it('says which server it could not reach', async () => {
    env = networkEnvironment({ BLUESKY_APPVIEW: 'http://127.0.0.1:9', BLUESKY_PLC_URL: 'http://127.0.0.1:9' });
    expectOneLineError(await runCliAsync(['accounts', 'add', 'refused.test', '--club', 'fc-st-pauli'], env.vars), /cannot resolve the handle at http:\/\/127\.0\.0\.1:9: network error: connection refused/);
  });
});
