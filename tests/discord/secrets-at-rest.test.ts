import { chmodSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Harness } from './harness.ts';

const modeOf = (path: string) => statSync(path).mode & 0o777;

/** The store keeps the Bluesky session's tokens: nobody but the bot's own user may read it. */
describe('the data the bot keeps', () => {
  let harness: Harness | null = null;
  let root = '';
  afterEach(async () => {
    await harness?.close();
    harness = null;
    rmSync(root, { recursive: true, force: true });
  });

  it('lives in a folder only its owner may enter, in files only its owner may read, and an older wider store is narrowed at start', async () => {
    root = mkdtempSync(join(tmpdir(), 'clubwatch-private-'));
    chmodSync(root, 0o755);
    const dataDir = join(root, 'data');
    const database = join(dataDir, 'clubwatch.db');
    const bot = (harness = await Harness.start({ env: { dataDir, databasePath: database } }));
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(database)).toBe(0o600);
    expect(modeOf(`${database}-wal`)).toBe(0o600);
    expect(modeOf(`${database}-shm`)).toBe(0o600);
    // Only clubwatch's own folder is narrowed, never the one above it.
    expect(modeOf(root)).toBe(0o755);
    await bot.stop();

    // As an earlier version left it: a world-readable store in an open folder.
    chmodSync(dataDir, 0o755);
    chmodSync(database, 0o644);
    await bot.restart();
    expect(modeOf(dataDir)).toBe(0o700);
    expect(modeOf(database)).toBe(0o600);
    expect(modeOf(`${database}-wal`)).toBe(0o600);
    expect(modeOf(`${database}-shm`)).toBe(0o600);
  });
});
