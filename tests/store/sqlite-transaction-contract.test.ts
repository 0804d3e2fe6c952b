import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import type { Store } from '../../src/store/store.ts';
import { describe, expect, it } from 'vitest';
import { describeStoreContract } from './contract/contract.ts';

/** Methods that are not run inside a transaction of their own: they are the transaction, or refuse one. */
const kept = new Set<PropertyKey>(['transaction', 'close', 'pruneItems']);

/**
 * The same contract with every call made inside a transaction, where SQLite runs the statements of a
 * read on its connection directly instead of through Kysely: both ways must do the same.
 */
describeStoreContract('SQLite, each call in a transaction', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clubwatch-contract-'));
  const store = await openSqliteStore({ path: join(dir, 'clubwatch.db') });
  const inTransaction = new Proxy(store, {
    get(target, name, receiver) {
      const value: unknown = Reflect.get(target, name, receiver);
      if (kept.has(name) || typeof value !== 'function') return value;
      return (...args: unknown[]) => target.transaction((tx) => (tx[name as keyof Store] as (...a: unknown[]) => Promise<unknown>)(...args));
    },
  });
  return {
    ...store,
    ...Object.fromEntries(Object.keys(store).filter((name) => !kept.has(name)).map((name) => [name, Reflect.get(inTransaction, name)])),
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  } as Store;
});

describe('a SQLite transaction\'s store', () => {
  it('refuses to write once its transaction has ended, rather than write outside it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clubwatch-ended-'));
    const store = await openSqliteStore({ path: join(dir, 'clubwatch.db') });
    try {
      const kept = await store.transaction(async (tx) => tx);
      const delivery = { id: 'd1', destination: 'discord:1', content: { kind: 'story' as const, storyIds: [1], language: 'en' }, idempotencyKey: 'd1', nextAttemptAt: '2026-12-01T10:00:00.000Z' };
      await expect(kept.enqueueDelivery(delivery)).rejects.toThrow(/transaction has ended/);
      expect(await store.getDelivery('d1')).toBeUndefined();
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
