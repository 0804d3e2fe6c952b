import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { testEnvironment, type TestEnvironment } from '../helpers/test-app.ts';

const bin = fileURLToPath(new URL('../../bin/clubwatch.js', import.meta.url));
const sample = (name: string) => fileURLToPath(new URL(`../../config/sample/${name}`, import.meta.url));

function run(args: string[], options: { input?: string; env?: Record<string, string> } = {}) {
  return spawnSync(process.execPath, [bin, ...args], {
    input: options.input ?? '',
    env: { PATH: process.env.PATH, HOME: process.env.HOME, ...options.env },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

describe('the command line', () => {
  let env: TestEnvironment | undefined;
  afterEach(() => env?.remove());

  it('starts in preview mode, prints real summaries from the sample, and stops cleanly on SIGTERM', async () => {
    env = testEnvironment({ vars: { CLUBWATCH_SAMPLE: 'true', CLUBWATCH_LOG_LEVEL: 'info' } });
    const child = spawn(process.execPath, [bin, 'start'], { env: { PATH: process.env.PATH, ...env.vars } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      const check = setInterval(() => {
        if (/Red Star.*X/.test(stdout)) {
          clearInterval(check);
          resolve();
        }
      }, 100);
      child.once('exit', (code) => {
        clearInterval(check);
        reject(new Error(`exited early with ${code}: ${stderr}`));
      });
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toMatch(/preview mode/);
    expect(stdout).toMatch(/St\. Pauli/);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it('follows the extract contract: one line per readable input line, in order, and names the bad line', () => {
    const input = [
      JSON.stringify({ id: 'a', text: 'Red Star FC quitte X, une première pour un club français.', lang: 'fr' }),
      '{not json',
      '',
      JSON.stringify({ id: 'b', text: 'Flamengo x Corinthians: three things we learned' }),
    ].join('\n');
    const result = run(['extract'], { input });
    expect(result.status).toBe(0);
    const lines = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as { id: string; announcements: Array<Record<string, unknown>> });
    expect(lines.map((line) => line.id)).toEqual(['a', 'b']);
    expect(lines[0]?.announcements).toContainEqual(expect.objectContaining({ club: { id: 'red-star-fc', name: expect.any(String) }, platform: 'x', action: 'leave' }));
    expect(lines[1]?.announcements).toEqual([]);
    expect(result.stderr).toMatch(/line 2/);
  });

  it('prints the catalog as JSON with ids, names, aliases, country, league and accounts', () => {
    const result = run(['clubs', '--json']);
    expect(result.status).toBe(0);
    const clubs = JSON.parse(result.stdout) as Array<Record<string, unknown>>;
    expect(clubs.find((club) => club.id === 'olympique-de-marseille')).toMatchObject({
      name: expect.any(String),
      aliases: expect.arrayContaining([expect.any(String)]),
      country: 'FR',
      accounts: expect.any(Object),
    });
  });

  it('reads one feed and prints its items with key, title, link and date', () => {
    const result = run(['read', sample('le-fil-sport.xml'), '--json']);
    expect(result.status).toBe(0);
    const items = result.stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, string>);
    expect(items[0]).toEqual({
      key: 'lfs-2024-11-20-red-star',
      title: 'Le Red Star quitte X, une première pour un club français',
      link: 'https://exemple.clubwatch.invalid/le-fil-sport/red-star-quitte-x?utm_source=rss',
      published: '2024-11-20T08:30:00.000Z',
    });
  });

  it('runs one feed through the whole pipeline and prints what would be posted', () => {
    const result = run(['ingest', sample('kurve-nord.atom')], { env: { CLUBWATCH_LOG_LEVEL: 'silent' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/St\. Pauli.*X/);
    expect(result.stdout).toMatch(/Werder/);
  });

  it('answers a missing file with a plain message, not a stack trace', () => {
    const result = run(['read', '/nonexistent/feed.xml']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^clubwatch: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
