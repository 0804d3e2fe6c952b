import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/announcements/extractor.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';

// The published article clubwatch was started from, read in place beside the project.
const seed = fileURLToPath(new URL('../../../shared/seed/om-red-star-2024-12.txt', import.meta.url));
const bin = fileURLToPath(new URL('../../bin/clubwatch.js', import.meta.url));

const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

describe('the article clubwatch was started from', () => {
  if (!existsSync(seed)) {
    it.skip(`is not checked: the article was not found at ${seed}`, () => {});
    return;
  }
  const text = readFileSync(seed, 'utf8');

  it('gives exactly Red Star leaving X and OM staying, not OM leaving through Red Star’s embedded post', () => {
    const found = createExtractor(loadCatalog()).extract({ text, lang: 'fr' });
    expect(found.map((a) => `${a.club.id} ${a.platform} ${a.action}`).sort()).toEqual(['olympique-de-marseille x stay', 'red-star-fc x leave']);
  });

  it('is one summary headed "OM stays on X, Red Star leaves" when it goes through the whole pipeline', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clubwatch-seed-'));
    try {
      const feed = join(dir, 'feed.xml');
      writeFileSync(
        feed,
        `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Foot</title><link>https://news.example/</link><description>d</description><language>fr</language>` +
          `<item><title>Le Red Star quitte X, l'OM reste</title><link>https://news.example/om-red-star</link><guid>om-red-star</guid>` +
          `<pubDate>Wed, 04 Dec 2024 12:00:00 GMT</pubDate><description>${escapeXml(text)}</description></item></channel></rss>`,
      );
      const run = spawnSync(process.execPath, [bin, 'ingest', feed], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', CLUBWATCH_DATA_DIR: dir }, timeout: 120_000 });
      expect(run.status, run.stderr).toBe(0);
      expect(run.stdout.split('\n')).toContain('OM stays on X, Red Star leaves');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
