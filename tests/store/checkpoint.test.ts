import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('write-ahead log checkpoints', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clubwatch-checkpoint-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the log back into the database off the main thread once it reaches SQLite\'s own mark, no commit doing it', async () => {
    const path = join(dir, 'clubwatch.db');
    const store = await openSqliteStore({ path });
    try {
      await store.addSource({ id: 'f-1', url: 'https://news.example/feed.xml', kind: 'feed', origin: 'config', intervalSeconds: 600, nextFetchAt: '2026-12-01T10:00:00.000Z' });
      const before = statSync(path).size;
      // About 1,200 pages of the log, past the 1,000 at which SQLite would checkpoint inside a commit.
      const items = Array.from({ length: 8_000 }, (_, n) => ({
        sourceId: 'f-1',
        key: `k${n}`,
        title: `Report ${n} ${'of the day '.repeat(20)}`,
        text: '',
        link: `https://news.example/${n}`,
        published: null,
        lang: null,
      }));
      await store.recordNewItems(items, '2026-12-01T10:00:00.000Z');
      let grown = false;
      for (let wait = 0; wait < 50 && !grown; wait++) {
        await sleep(200);
        grown = statSync(path).size > before + 2_000_000;
      }
      expect(grown).toBe(true);
    } finally {
      await store.close();
    }
    const reopened = await openSqliteStore({ path });
    try {
      expect(await reopened.findItemsByLink('https://news.example/7999')).toHaveLength(1);
    } finally {
      await reopened.close();
    }
  });

  it('finishes closing the store in a process that has nothing else to do', () => {
    const store = fileURLToPath(new URL('../../src/store/sqlite/sqlite-store.ts', import.meta.url));
    const code = `import { openSqliteStore } from ${JSON.stringify(store)};
      const store = await openSqliteStore({ path: ${JSON.stringify(join(dir, 'clubwatch.db'))} });
      await store.close();
      console.log('closed');`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stdout.trim()).toBe('closed');
    expect(run.status).toBe(0);
  });
});
