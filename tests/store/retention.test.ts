import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyRetention } from '../../src/items/retention.ts';
import { itemKeyHash } from '../../src/store/sql/retention.ts';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { SeenItem, Store } from '../../src/store/store.ts';

const dayMs = 86_400_000;
const now = new Date('2026-12-01T12:00:00.000Z');
const daysAgo = (days: number) => new Date(now.getTime() - days * dayMs).toISOString();
const item = (sourceId: string, key: string, text = ''): SeenItem => ({
  sourceId,
  key,
  title: key,
  text,
  link: `https://news.example/${sourceId}/${key}`,
  published: null,
  lang: null,
});
const keep = { days: 30, keepPerSource: 200 };

describe('item retention', () => {
  let dir: string;
  let store: Store;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'clubwatch-retention-'));
    store = await openSqliteStore({ path: join(dir, 'clubwatch.db') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** The source items are recorded for (items are found by link through their source). */
  async function known(sourceId: string) {
    if (!(await store.getSource(sourceId))) {
      await store.addSource({ id: sourceId, url: `https://news.example/${sourceId}.xml`, kind: 'feed', origin: 'config', intervalSeconds: 600, nextFetchAt: now.toISOString() });
    }
  }

  /** `count` items of one source, one a day, the newest seen `newestDaysAgo` days ago. */
  async function history(sourceId: string, count: number, newestDaysAgo = 0) {
    await known(sourceId);
    for (let i = 0; i < count; i++) {
      await store.recordNewItems([item(sourceId, `k${i}`)], daysAgo(newestDaysAgo + count - 1 - i));
    }
  }

  it('keeps the last 30 days and each source’s newest 200 items, whichever keeps more', async () => {
    await history('busy', 260); // one a day: the newest 200 outlast the 30 days
    await history('quiet', 12, 400); // all older than 30 days, but fewer than 200
    await known('flood');
    await store.recordNewItems(Array.from({ length: 250 }, (_, i) => item('flood', `f${i}`)), daysAgo(1)); // 250 in the last 30 days

    expect(await applyRetention(store, keep, now)).toBe(60);
    const present = async (sourceId: string, key: string) => (await store.findItemsByLink(`https://news.example/${sourceId}/${key}`)).length === 1;
    expect(await present('busy', 'k59')).toBe(false);
    expect(await present('busy', 'k60')).toBe(true);
    expect(await present('quiet', 'k0')).toBe(true);
    expect(await present('flood', 'f0')).toBe(true);
  });

  it('never takes a pruned item for new when its feed lists it again', async () => {
    await history('busy', 260);
    await applyRetention(store, keep, now);
    const again = await store.recordNewItems([item('busy', 'k0'), item('busy', 'k59'), item('busy', 'k260')], now.toISOString());
    expect(again.map((seen) => seen.key)).toEqual(['k260']);
  });

  it('forgets a removed source’s items, so its keys no longer count', async () => {
    await store.addSource({ id: 'gone', url: 'https://news.example/gone.xml', kind: 'feed', origin: 'config', intervalSeconds: 600, nextFetchAt: now.toISOString() });
    await history('gone', 260);
    await applyRetention(store, keep, now);
    expect(await store.removeSource('gone')).toBe(true);
    expect(await store.findItemsByLink('https://news.example/gone/k259')).toEqual([]);
    expect(await store.recordNewItems([item('gone', 'k0'), item('gone', 'k259')], now.toISOString())).toHaveLength(2);
  });

  it('forgets a server’s feed items when its last server removes the feed', async () => {
    await store.addSource({ id: 'own', url: 'https://news.example/own.xml', kind: 'feed', origin: 'server', intervalSeconds: 600, nextFetchAt: now.toISOString() });
    await store.subscribeServerSource('s1', 'own');
    await history('own', 3);
    await store.unsubscribeServerSource('s1', 'own');
    expect(await store.findItemsByLink('https://news.example/own/k2')).toEqual([]);
    expect(await store.recordNewItems([item('own', 'k2')], now.toISOString())).toHaveLength(1);
  });

  it('gives the pruned space back to the file system', async () => {
    const text = 'x'.repeat(3_000);
    for (let day = 0; day < 60; day++) {
      await store.recordNewItems(Array.from({ length: 100 }, (_, i) => item('rotating', `d${day}-${i}`, text)), daysAgo(60 - day));
    }
    const path = join(dir, 'clubwatch.db');
    const pages = () => {
      const db = new BetterSqlite3(path);
      db.pragma('wal_checkpoint(TRUNCATE)');
      const result = { autoVacuum: db.pragma('auto_vacuum', { simple: true }), free: db.pragma('freelist_count', { simple: true }) as number };
      db.close();
      return result;
    };
    const before = statSync(path).size + statSync(`${path}-wal`).size;
    expect(await applyRetention(store, keep, now)).toBe(3_000);
    const after = pages();
    expect(after.autoVacuum).toBe(2);
    expect(after.free).toBeLessThan(10);
    expect(statSync(path).size).toBeLessThan(before * 0.6);
  });

  it('turns an existing database to incremental vacuum when it opens it', async () => {
    const path = join(dir, 'old.db');
    const old = new BetterSqlite3(path);
    old.exec('create table leftover (x integer)');
    expect(old.pragma('auto_vacuum', { simple: true })).toBe(0);
    old.close();
    const reopened = await openSqliteStore({ path });
    await reopened.close();
    const check = new BetterSqlite3(path);
    expect(check.pragma('auto_vacuum', { simple: true })).toBe(2);
    check.close();
  });
});

describe('itemKeyHash', () => {
  it('is the first 48 bits of the key\'s SHA-256, as the keys and links stored already were hashed', () => {
    expect(itemKeyHash('outlet-0-0-28-1jvqe6')).toBe(192_896_136_926_553);
    expect(itemKeyHash('https://news.example/7')).toBe(14_675_249_008_372);
    expect(itemKeyHash('été ⚽ 𝕏')).toBe(50_767_812_325_120);
    for (let n = 0; n < 1_000; n++) {
      const key = `https://news.example/${n.toString(36)}/${'é'.repeat(n % 5)}`;
      expect(itemKeyHash(key)).toBe(createHash('sha256').update(key).digest().readUIntBE(0, 6));
    }
  });
});
