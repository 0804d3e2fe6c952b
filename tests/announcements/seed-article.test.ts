import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createExtractor } from '../../src/announcements/extractor.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';

// The published article clubwatch was started from, read in place beside the project.
const seed = fileURLToPath(new URL('../../../shared/seed/om-red-star-2024-12.txt', import.meta.url));

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
});
