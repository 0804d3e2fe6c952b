import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { actions, platforms, type Announcement } from '../../src/announcements/announcement.ts';
import { createExtractor, type Extractor } from '../../src/announcements/extractor.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import type { Catalog } from '../../src/catalog/types.ts';
import {
  announcementSentences,
  deepNesting,
  hostileItem,
  longRuns,
  randomUnicode,
  stitched,
  withInvisibles,
  zalgo,
} from './helpers/hostile-text.ts';
import { faultSeed, seededRandom } from './helpers/random.ts';

const catalogDir = fileURLToPath(new URL('../../config/catalog', import.meta.url));
const declaredLanguages = [null, undefined, 'fr', 'en', 'de', 'es', 'it', 'pt', 'xx', '', 'fr-FR', 'EN', 'zh-Hant-TW', 'x'.repeat(10_000), '\u0000'];

let catalog: Catalog;
let extractor: Extractor;

beforeAll(() => {
  catalog = loadCatalog(catalogDir);
  extractor = createExtractor(catalog);
});

/**
 * Extracts, and checks that what came back is well-formed. The extractor turns an exception of its
 * own into an empty result with a "could not read the item" reason, so that reason counts as one.
 */
function extractChecked(text: string, lang?: string | null): Announcement[] {
  const explanation = extractor.explain({ text, lang: lang ?? null });
  const failures = explanation.rejected.filter((entry) => entry.reason.startsWith('could not read the item'));
  expect(failures, `${failures[0]?.reason ?? ''} on: ${JSON.stringify(text.slice(0, 300))}`).toEqual([]);
  const result = extractor.extract({ text, lang: lang ?? null });
  expect(result).toEqual(explanation.announcements.map(({ cues: _cues, ...announcement }) => announcement));
  for (const announcement of result) {
    expect(typeof announcement.club.name).toBe('string');
    expect(announcement.club.name.trim()).not.toBe('');
    if (announcement.club.id !== null) expect(catalog.byId(announcement.club.id), announcement.club.id).toBeDefined();
    expect(platforms).toContain(announcement.platform);
    expect(actions).toContain(announcement.action);
    expect(Number.isFinite(announcement.confidence)).toBe(true);
    expect(announcement.confidence).toBeGreaterThanOrEqual(0);
    expect(announcement.confidence).toBeLessThanOrEqual(1);
    expect(typeof announcement.evidence).toBe('string');
  }
  // What goes to the store and to the `extract` command line must survive JSON.
  expect(() => JSON.parse(JSON.stringify(result))).not.toThrow();
  return result;
}

describe('the extractor under fuzzing', () => {
  const seed = faultSeed('extractor fuzzing');

  it('still understands the plain sentences the fuzzing starts from', () => {
    const found = announcementSentences.map((sentence) => extractChecked(sentence).length);
    expect(found.filter((count) => count > 0).length).toBeGreaterThanOrEqual(announcementSentences.length / 2);
  });

  it('returns well-formed announcements, the same each time, for 3,000 random hostile items', () => {
    const random = seededRandom(seed);
    for (let i = 0; i < 3_000; i++) {
      const text = hostileItem(random);
      const lang = random.pick(declaredLanguages);
      const first = extractChecked(text, lang);
      if (i % 10 === 0) expect(extractChecked(text, lang), `item ${i} of seed ${seed}`).toEqual(first);
    }
  }, 120_000);

  it('reads text from every Unicode plane, lone surrogates included', () => {
    const random = seededRandom(seed ^ 0x1);
    for (let plane = 0; plane <= 16; plane++) {
      let text = '';
      for (let i = 0; i < 500; i++) text += String.fromCodePoint(plane * 0x10000 + random.int(0, 0xfffd));
      extractChecked(`${text} Red Star FC quitte X. ${text}`);
    }
    extractChecked('\ud800Red Star FC quitte X\udfff \udc00\ud800');
    extractChecked(randomUnicode(random, 50_000));
  }, 60_000);

  it('reads right-to-left text, bidi overrides and zero-width characters without failing', () => {
    const random = seededRandom(seed ^ 0x2);
    for (const sentence of announcementSentences) {
      extractChecked(withInvisibles(random, sentence));
      extractChecked(`\u202e${sentence}\u202c`);
      extractChecked(`\u2067${sentence}\u2069 نادي يغادر`);
      extractChecked(zalgo(random, sentence, 60));
    }
    extractChecked('Red\u200dStar\u200d FC\u200d quitte\u200d X\u200d'.repeat(2_000));
  }, 60_000);

  it('finishes on long runs of one character and on items of several megabytes', () => {
    for (const run of longRuns(2_000_000)) extractChecked(run);
    extractChecked(`${'a'.repeat(5_000_000)} Red Star FC quitte X.`);
    extractChecked(`Red Star FC quitte X. ${'Werder Bremen verlässt X. '.repeat(200_000)}`);
  }, 120_000);

  it('finishes on deep nesting of brackets, quotes, markup and clauses', () => {
    for (const text of deepNesting(100_000)) extractChecked(text);
  }, 120_000);

  it('finishes on stitched fragments of real announcements in every declared language', () => {
    const random = seededRandom(seed ^ 0x3);
    for (let i = 0; i < 1_000; i++) extractChecked(stitched(random), random.pick(declaredLanguages));
  }, 120_000);
});
