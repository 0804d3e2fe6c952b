import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, Migrator, SqliteDialect } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrationProvider } from '../../src/store/sql/migrations.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';

describe('items stored compactly', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'clubwatch-compact-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('moves the items of an older database over, still found by their link and never taken for new again', async () => {
    const path = join(dir, 'clubwatch.db');
    const database = new BetterSqlite3(path);
    const older = new Kysely<unknown>({ dialect: new SqliteDialect({ database }) });
    const { error } = await new Migrator({ db: older, provider: migrationProvider('sqlite') }).migrateTo('0006-cluster');
    expect(error).toBeUndefined();
    const insert = database.prepare('insert into items (source_id, key, title, text, link, link_key, published, seen_at) values (?, ?, ?, ?, ?, ?, ?, ?)');
    database.transaction(() => {
      for (let n = 0; n < 5_000; n++) {
        const published = n === 7 ? '2026-11-30T08:15:00.000Z' : null;
        insert.run('f-1', `k${n}`, `Report ${n}`, 'x'.repeat(n === 7 ? 5_000 : 10), `https://news.example/${n}?utm_source=rss`, `https://news.example/${n}`, published, '2026-12-01T10:00:00.000Z');
      }
    })();
    await older.destroy();

    const store = await openSqliteStore({ path });
    try {
      await store.addSource({ id: 'f-1', url: 'https://news.example/feed.xml', kind: 'feed', origin: 'config', intervalSeconds: 600, nextFetchAt: '2026-12-01T10:00:00.000Z' });
      const [found] = await store.findItemsByLink('https://news.example/7?utm_medium=feed');
      expect(found).toMatchObject({ sourceId: 'f-1', key: 'k7', title: 'Report 7', published: '2026-11-30T08:15:00.000Z', link: 'https://news.example/7' });
      expect(found?.text.length).toBe(2_000);
      const item = (key: string) => ({ sourceId: 'f-1', key, title: key, text: '', link: null, published: null, lang: null });
      const fresh = await store.recordNewItems([item('k0'), item('k4999'), item('k5000')], '2026-12-01T11:00:00.000Z');
      expect(fresh.map((seen) => seen.key)).toEqual(['k5000']);
    } finally {
      await store.close();
    }
  });
});
