import { spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { prettyLine } from '../../src/log-format.ts';
import { startTestApp, testEnvironment, type TestEnvironment } from '../helpers/test-app.ts';
import { bin, runCli, startCli } from './run-cli.ts';

const sampleFeed = pathToFileURL(join(import.meta.dirname, '../../config/sample/kurve-nord.atom')).href;

describe('readable log lines', () => {
  it('writes time, level word, subsystem, message and the fields, without pino\'s own', () => {
    const time = new Date(2026, 11, 6, 9, 5, 7, 42).getTime();
    const line = prettyLine(
      JSON.stringify({ level: 40, time, pid: 1, hostname: 'vm', name: 'clubwatch', subsystem: 'sources', sourceId: 'f-1', reason: 'network error: connection refused', msg: 'source unreachable' }),
    );
    expect(line).toBe('09:05:07.042 WARN  [sources] source unreachable sourceId=f-1 reason="network error: connection refused"');
  });

  it('shows an error by its message, and its stack only when asked', () => {
    const record = JSON.stringify({ level: 50, time: 0, msg: 'scheduled job failed', job: 'poll-sources', err: { type: 'Error', message: 'disk full', stack: 'Error: disk full\n    at x (y.ts:1:2)' } });
    expect(prettyLine(record)).toMatch(/ERROR scheduled job failed job=poll-sources err="disk full"$/);
    expect(prettyLine(record, { stacks: true })).toMatch(/err="disk full"\nError: disk full\n {4}at x/);
  });

  it('keeps a line that is not JSON as it is', () => {
    expect(prettyLine('plain words\n')).toBe('plain words');
  });

  it('colours the level only when the terminal takes colours', () => {
    const record = JSON.stringify({ level: 30, time: 0, msg: 'hello' });
    expect(prettyLine(record)).not.toMatch(/\u001b\[/);
    expect(prettyLine(record, { colours: true })).toMatch(/\u001b\[32mINFO/);
  });
});

describe('the log format of the command line', { timeout: 240_000 }, () => {
  let env: TestEnvironment;
  afterEach(() => env.remove());

  async function firstLogLines(vars: Record<string, string>): Promise<string> {
    const bot = startCli(['start'], { ...env.vars, ...vars });
    await bot.waitForOutput(/preview mode/, 120_000);
    await new Promise<void>((resolve, reject) => {
      const check = setInterval(() => bot.stderr().includes('clubwatch started') && (clearInterval(check), resolve()), 50);
      setTimeout(() => reject(new Error(`no start-up line: ${bot.stderr()}`)), 120_000).unref();
    });
    expect(await bot.stop('SIGTERM')).toBe(0);
    return bot.stderr();
  }

  it('writes JSON lines when standard error is not a terminal', async () => {
    env = testEnvironment({ vars: { CLUBWATCH_LOG_LEVEL: 'info' } });
    const stderr = await firstLogLines({});
    const started = stderr.split('\n').find((line) => line.includes('clubwatch started')) ?? '';
    expect(JSON.parse(started)).toMatchObject({ level: 30, msg: 'clubwatch started' });
  });

  it('writes readable lines when CLUBWATCH_LOG_FORMAT=pretty', async () => {
    env = testEnvironment({ vars: { CLUBWATCH_LOG_LEVEL: 'info' } });
    const stderr = await firstLogLines({ CLUBWATCH_LOG_FORMAT: 'pretty' });
    expect(stderr).toMatch(/^\d\d:\d\d:\d\d\.\d{3} INFO  clubwatch started database=/m);
    expect(stderr).not.toMatch(/"level":/);
  });

  it('writes readable lines on a terminal and JSON there when CLUBWATCH_LOG_FORMAT=json', () => {
    env = testEnvironment({ vars: { CLUBWATCH_LOG_LEVEL: 'debug' } });
    // `script` gives the command a pseudo-terminal; `ingest` logs (at debug) while it works and then exits.
    const onTerminal = (vars: Record<string, string>) => {
      const assignments = Object.entries({ ...env.vars, ...vars }).map(([key, value]) => `${key}='${value}'`);
      const command = `env ${assignments.join(' ')} '${process.execPath}' '${bin}' ingest '${sampleFeed}' >/dev/null`;
      return spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', timeout: 180_000, env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    };
    const pretty = onTerminal({});
    expect(pretty.status).toBe(0);
    expect(pretty.stdout).toMatch(/^(\u001b\[\d+m)?\d\d:\d\d:\d\d\.\d{3}(\u001b\[0m)? (\u001b\[\d+m)?DEBUG(\u001b\[0m)? delivered/m);
    expect(pretty.stdout).not.toMatch(/"level":/);
    const json = onTerminal({ CLUBWATCH_LOG_FORMAT: 'json' });
    expect(json.status).toBe(0);
    expect(json.stdout).toMatch(/^\{"level":20,.*"msg":"delivered"/m);
  });

  it('refuses an unknown log format in one line', () => {
    env = testEnvironment();
    const result = runCli(['status'], { ...env.vars, CLUBWATCH_LOG_FORMAT: 'xml' });
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('clubwatch: CLUBWATCH_LOG_FORMAT must be json or pretty, not "xml"\n');
  });
});

describe('the start-up summary', { timeout: 240_000 }, () => {
  let env: TestEnvironment;
  afterEach(() => env.remove());

  it('says in one line what a restart resumed: sources, servers and held deliveries', async () => {
    env = testEnvironment({ vars: { CLUBWATCH_SAMPLE: 'true' } });
    const first = await startTestApp(env);
    await first.app.prepare();
    expect(first.logs().find((line) => line.restart === false)?.msg).toBe('first start: 3 sources');
    const { store } = first.context;
    await store.setState('heartbeat', new Date().toISOString());
    await store.updateServerSettings('200000000000000001', { language: 'fr' });
    const now = new Date().toISOString();
    for (const id of ['d-1', 'd-2']) {
      await store.enqueueDelivery({ id, destination: 'discord:200000000000000001', content: { kind: 'story', storyIds: [1], language: 'fr' }, idempotencyKey: id, nextAttemptAt: now });
    }
    // One delivery was being sent when the process died.
    expect(await store.claimDeliveries({ now, limit: 1, leaseMs: 60_000, destinationKinds: ['discord'] })).toHaveLength(1);
    await first.close();

    const second = await startTestApp(env);
    try {
      await second.app.prepare();
      const summaries = second.logs().filter((line) => line.restart === true);
      expect(summaries).toHaveLength(1);
      expect(summaries[0]).toMatchObject({
        msg: 'resumed 3 sources, 1 server and 2 held deliveries (1 interrupted by the last stop)',
        sources: 3,
        servers: 1,
        heldDeliveries: 2,
        interruptedDeliveries: 1,
      });
    } finally {
      await second.close();
    }
  });
});
