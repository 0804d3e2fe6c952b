import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FeedServer } from '../helpers/feed-server.ts';
import { startFakeDiscord, type FakeDiscord } from '../helpers/fake-discord/index.ts';
import { testEnvironment, type TestEnvironment } from '../helpers/test-app.ts';
import { runCli, runCliAsync, startCli } from './run-cli.ts';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const sample = (name: string) => join(repoRoot, 'config', 'sample', name);

/** What every command-line error must look like: one line on standard error, exit code 1, no stack. */
function expectOneLineError(result: { status: number | null; stderr: string; stdout: string }, pattern: RegExp): void {
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/^clubwatch: [^\n]+\n$/);
  expect(result.stderr).toMatch(pattern);
  expect(result.stderr).not.toMatch(/\bat .*:\d+:\d+/);
}

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('command-line errors', { timeout: 240_000 }, () => {
  let env: TestEnvironment;
  afterEach(() => env.remove());

  it('names an unknown option in one line', () => {
    env = testEnvironment();
    expectOneLineError(runCli(['status', '--frob'], env.vars), /unknown option --frob/);
  });

  it('says which option is missing its value', () => {
    env = testEnvironment();
    expectOneLineError(runCli(['deploy-commands', '--guild'], env.vars), /--guild needs a value/);
  });

  it('says the database file is not a SQLite database', () => {
    env = testEnvironment();
    const database = join(env.dir, 'notes.db');
    writeFileSync(database, 'these are my notes, not a database, and they are long enough to have a header\n'.repeat(20));
    expectOneLineError(runCli(['status'], { ...env.vars, CLUBWATCH_DATABASE: database }), /notes\.db is not a SQLite database/);
  });

  it('says the data folder is a file', () => {
    env = testEnvironment();
    const file = join(env.dir, 'data-file');
    writeFileSync(file, 'x');
    expectOneLineError(runCli(['sources', 'list'], { ...env.vars, CLUBWATCH_DATA_DIR: file }), /data folder .*data-file is a file, not a folder/);
  });

  it('refuses a URL with another scheme instead of reading it as a local path', () => {
    env = testEnvironment();
    expectOneLineError(runCli(['read', 'ftp://example.com/feed.xml'], env.vars), /reads http and https addresses and local files, not ftp:/);
  });

  it('asks for the scheme of a web address written without one', () => {
    env = testEnvironment();
    expectOneLineError(runCli(['read', 'example.com/feed.xml'], env.vars), /write its scheme: https:\/\/example\.com\/feed\.xml/);
  });

  it('says in words that a file is missing or is a folder, not with an error code', () => {
    env = testEnvironment();
    const missing = runCli(['read', join(env.dir, 'nowhere.xml')], env.vars);
    expectOneLineError(missing, /no such file: .*nowhere\.xml/);
    expect(missing.stderr).not.toMatch(/ENOENT/);
    const folder = runCli(['ingest', env.dir], env.vars);
    expectOneLineError(folder, /is a folder, not a feed file/);
    expect(folder.stderr).not.toMatch(/EISDIR/);
  });

  it('reports a malformed feed as not a feed rather than as unreadable', () => {
    env = testEnvironment();
    const broken = join(env.dir, 'broken.xml');
    writeFileSync(broken, '<?xml version="1.0"?><rss version="2.0"><channel><title>Broken</title><item><title>cut');
    const result = runCli(['read', broken], env.vars);
    expectOneLineError(result, /not a feed clubwatch can read: malformed/);
    expect(result.stderr).not.toMatch(/could not read/);
  });

  it('says in one line that Discord cannot be reached when registering commands', async () => {
    env = testEnvironment();
    const port = await closedPort();
    const result = runCli(['deploy-commands'], {
      ...env.vars,
      DISCORD_TOKEN: 'token',
      DISCORD_APPLICATION_ID: '123456789012345678',
      DISCORD_API_BASE: `http://127.0.0.1:${port}/api`,
    });
    expectOneLineError(result, new RegExp(`could not reach Discord at http://127\\.0\\.0\\.1:${port}/api: connection refused`));
  });
});

describe('sources add', { timeout: 240_000 }, () => {
  let env: TestEnvironment;
  let feeds: FeedServer;
  let base: string;
  beforeAll(async () => {
    feeds = new FeedServer({ '/page.html': { body: '<!doctype html><html><head><title>Home</title></head><body>Hello</body></html>', headers: { 'content-type': 'text/html' } } });
    base = await feeds.start();
  });
  afterAll(() => feeds.close());
  afterEach(() => env.remove());

  it('refuses a missing file, a web page and an address without a scheme, each with its reason, and adds none of them', async () => {
    env = testEnvironment();
    expectOneLineError(runCli(['sources', 'add', join(env.dir, 'missing.xml')], env.vars), /no such file: .*missing\.xml/);
    expectOneLineError(await runCliAsync(['sources', 'add', `${base}/page.html`], env.vars), /page\.html was not added: not a feed clubwatch can read: not a feed \(an HTML page/);
    expectOneLineError(await runCliAsync(['sources', 'add', `${base}/gone.xml`], env.vars), /gone\.xml was not added: could not read the feed: .*404/);
    const text = join(env.dir, 'notes.txt');
    writeFileSync(text, 'just some notes');
    expectOneLineError(runCli(['sources', 'add', text], env.vars), /notes\.txt was not added: not a feed clubwatch can read/);
    expectOneLineError(runCli(['sources', 'add', 'example.com/feed.xml'], env.vars), /https:\/\/example\.com\/feed\.xml/);
    const list = runCli(['sources', 'list'], env.vars);
    expect(list.status).toBe(0);
    expect(list.stdout).not.toMatch(/operator/);
  });

  it('adds a file that is a feed, naming it and counting its items', () => {
    env = testEnvironment();
    const result = runCli(['sources', 'add', sample('kurve-nord.atom')], env.vars);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Added Kurve Nord.*\(file:\/\/.*kurve-nord\.atom, \d+ items\) as f-[0-9a-f]+\./);
    expect(runCli(['sources', 'list'], env.vars).stdout).toMatch(/operator .*kurve-nord\.atom/);
  });
});

describe('start when Discord is out of reach', { timeout: 240_000 }, () => {
  let env: TestEnvironment;
  let discord: FakeDiscord | undefined;
  afterEach(async () => {
    await discord?.close();
    discord = undefined;
    env.remove();
  });

  function discordVars(apiBase: string, token: string) {
    return { DISCORD_TOKEN: token, DISCORD_APPLICATION_ID: discord?.applicationId ?? '123456789012345678', DISCORD_API_BASE: apiBase, CLUBWATCH_LOG_FORMAT: 'json' };
  }

  it('keeps trying with backoff, saying so, and connects once Discord answers', async () => {
    discord = await startFakeDiscord({ guilds: [{ id: '200000000000000001', name: 'Club', channels: [{ id: '300000000000000001', name: 'news' }] }] });
    // Three connections cut: discord.js retries once itself, so the bot's first two logins fail.
    discord.failNext({ method: 'GET', pathPattern: /\/gateway\/bot/, network: 'reset', times: 4 });
    env = testEnvironment({ vars: { CLUBWATCH_LOG_LEVEL: 'info' } });
    const bot = startCli(['start'], { ...env.vars, ...discordVars(discord.restBase, discord.token) });
    try {
      const connected = await bot.waitForLog((line) => line.msg === 'connected to Discord', 120_000);
      expect(connected).toMatchObject({ servers: 1 });
      const retries = bot.logs().filter((line) => line.msg === 'Discord unreachable; trying again');
      expect(retries.length).toBeGreaterThanOrEqual(1);
      expect(retries[0]).toMatchObject({ attempt: 1, retryInSeconds: 1, reason: expect.stringMatching(/could not reach Discord/) });
      if (retries[1]) expect(retries[1]).toMatchObject({ attempt: 2, retryInSeconds: 2 });
    } finally {
      expect(await bot.stop('SIGTERM')).toBe(0);
    }
    expect(bot.stderr()).not.toMatch(/\bat .*:\d+:\d+/);
  });

  it('stops at once on SIGTERM while it is still waiting for Discord', async () => {
    env = testEnvironment({ vars: { CLUBWATCH_LOG_LEVEL: 'info' } });
    const port = await closedPort();
    const bot = startCli(['start'], { ...env.vars, ...discordVars(`http://127.0.0.1:${port}/api`, 'token') });
    await bot.waitForLog((line) => line.msg === 'Discord unreachable; trying again', 120_000);
    const asked = Date.now();
    expect(await bot.stop('SIGTERM')).toBe(0);
    // Under Docker's 10 s before SIGKILL, give or take a loaded machine: the backoff's wait is cut short.
    expect(Date.now() - asked).toBeLessThan(15_000);
  });

  it('ends with one line when Discord refuses the token', async () => {
    discord = await startFakeDiscord({ token: 'the-right-token' });
    env = testEnvironment({ vars: { CLUBWATCH_LOG_LEVEL: 'warn' } });
    const bot = startCli(['start'], { ...env.vars, ...discordVars(discord.restBase, 'a-wrong-token') });
    expect(await bot.exited()).toBe(1);
    expect(bot.stderr()).toMatch(/^clubwatch: Discord refused the bot token: check DISCORD_TOKEN$/m);
    expect(bot.stderr()).not.toMatch(/\bat .*:\d+:\d+/);
  });
});

describe('the compiled build', { timeout: 240_000 }, () => {
  let outDir: string;
  beforeAll(() => {
    // tsc's own per-file emit (what `npm run build` writes), inside the repository so packages resolve.
    outDir = mkdtempSync(join(repoRoot, '.test-dist-'));
    const config = ts.getParsedCommandLineOfConfigFile(join(repoRoot, 'tsconfig.build.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (!config) throw new Error('tsconfig.build.json could not be read');
    for (const file of config.fileNames) {
      const { outputText } = ts.transpileModule(ts.sys.readFile(file) ?? '', { compilerOptions: { ...config.options, module: ts.ModuleKind.ESNext }, fileName: file });
      const target = join(outDir, relative(repoRoot, file)).replace(/\.ts$/, '.js');
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, outputText);
    }
    writeFileSync(join(outDir, 'package.json'), JSON.stringify({ type: 'module' }));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('answers eval with one line saying where the development set is', () => {
    expect(readdirSync(join(outDir, 'src'))).toContain('cli.js');
    const result = runCli(['eval'], {}, join(outDir, 'src', 'cli.js'));
    expectOneLineError(result, /eval needs the labelled sets \(tests\/fixtures\/\).*npm run eval/);
  });
});

describe('npm start', { timeout: 240_000 }, () => {
  let env: TestEnvironment;
  afterEach(() => env.remove());

  it('passes SIGTERM on to the bot, which stops and leaves no process behind', async () => {
    env = testEnvironment({ vars: { CLUBWATCH_SAMPLE: 'true', CLUBWATCH_LOG_LEVEL: 'info', CLUBWATCH_LOG_FORMAT: 'json' } });
    const npm = spawn('npm', ['start', '--silent'], { cwd: repoRoot, env: { PATH: process.env.PATH, HOME: process.env.HOME, ...env.vars } });
    let stderr = '';
    npm.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    npm.stdout.resume();
    const botPid = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start-up log: ${stderr}`)), 180_000);
      const check = setInterval(() => {
        const started = /\{[^\n]*"msg":"clubwatch started"[^\n]*\}/.exec(stderr);
        if (started) {
          clearInterval(check);
          clearTimeout(timer);
          resolve((JSON.parse(started[0]) as { pid: number }).pid);
        }
      }, 100);
    });
    expect(botPid).not.toBe(npm.pid);
    const exited = new Promise<number | null>((resolve) => npm.once('exit', (code) => resolve(code)));
    npm.kill('SIGTERM');
    await exited;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const alive = (() => {
      try {
        process.kill(botPid, 0);
        return true;
      } catch {
        return false;
      }
    })();
    if (alive) process.kill(botPid, 'SIGKILL');
    expect(alive).toBe(false);
    expect(stderr).toMatch(/"signal":"SIGTERM"/);
  });
});
