import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/sqlite/sqlite-store.ts';
import { describeStoreContract } from './contract/contract.ts';

describeStoreContract('SQLite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'clubwatch-contract-'));
  const store = await openSqliteStore({ path: join(dir, 'clubwatch.db') });
  return {
    ...store,
    async close() {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
