import { openTestPostgresStore, testDatabaseUrl } from '../helpers/postgres.ts';
import { describeStoreContract } from './contract/contract.ts';

describeStoreContract('PostgreSQL', () => openTestPostgresStore(), { skip: testDatabaseUrl === null });
