import { afterEach, beforeEach, describe } from 'vitest';
import type { Store } from '../../../src/store/store.ts';
import type { CurrentStore } from './fixtures.ts';
import { itemContract } from './items-contract.ts';
import { outboxContract } from './outbox-contract.ts';
import { serverContract } from './servers-contract.ts';
import { sourceContract } from './sources-contract.ts';
import { stateContract } from './state-contract.ts';
import { storyContract } from './stories-contract.ts';

/**
 * What every store adapter must do, whatever its engine: one suite per concern, run against a fresh,
 * empty store for each test. `open` gives a new store; closing it removes what it held.
 */
export function describeStoreContract(name: string, open: () => Promise<Store>, options: { skip?: boolean } = {}): void {
  describe.skipIf(options.skip === true)(`the ${name} store`, () => {
    let store: Store | undefined;
    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store?.close();
      store = undefined;
    });
    const current: CurrentStore = () => {
      if (!store) throw new Error('no store open');
      return store;
    };
    sourceContract(current);
    itemContract(current);
    storyContract(current);
    serverContract(current);
    outboxContract(current);
    stateContract(current);
  });
}
