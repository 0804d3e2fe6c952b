import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('write-ahead log checkpoints', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clubwatch-checkpoint-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('copies the log back into the database off the main thread, well before SQLite would on a commit', async () => {
    const path = join(dir, 'clubwatch.db');
    const store = await openSqliteStore({ path });
    try {
      const before = statSync(path).size;
      // About 300 pages of the log: SQLite's own checkpoint on a commit waits for 1,000.
      const items = Array.from({ length: 2_000 }, (_, n) => ({
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
        grown = statSync(path).size > before + 500_000;
      }
      expect(grown).toBe(true);
    } finally {
      await store.close();
    }
    const reopened = await openSqliteStore({ path });
    try {
      expect(await reopened.findItemsByLink('https://news.example/1999')).toHaveLength(1);
    } finally {
      await reopened.close();
    }
  });
});
