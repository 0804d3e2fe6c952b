import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actions, languages, platforms } from '../../src/announcements/announcement.ts';
import { evaluate } from '../../src/announcements/eval.ts';
import { createExtractor } from '../../src/announcements/extractor.ts';
import { loadBatch, loadHistory, loadManifest, loadPart, sharedRunShare, wordRuns } from '../../src/announcements/realset.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';

const catalog = loadCatalog();
const tune = loadPart('tune');
const fresh = loadPart('fresh');
const all = [...tune, ...fresh];
const baseline = JSON.parse(readFileSync(new URL('../fixtures/realset/baseline.json', import.meta.url), 'utf8')) as {
  fresh: { f1: number; precision: number };
};
const epsilon = 0.002;

describe('the real set of published texts', () => {
  it('holds at least 600 published texts, 60 per language, a third of them without any announcement', () => {
    expect(all.length).toBeGreaterThanOrEqual(600);
    for (const l of languages) expect(all.filter((i) => i.lang === l).length, l).toBeGreaterThanOrEqual(60);
    expect(all.filter((i) => i.labels.length === 0).length).toBeGreaterThanOrEqual(all.length / 3);
  });

  it('gives every text its published address, a unique id and labels that name real clubs, platforms and actions', () => {
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    expect(new Set(all.map((i) => i.source)).size).toBe(all.length);
    for (const item of all) {
      expect(item.source, item.id).toMatch(/^https?:\/\/\S+$/);
      if (item.authorClubId) expect(catalog.byId(item.authorClubId), item.id).toBeDefined();
      for (const l of item.labels) {
        if (l.club === null) expect(l.name, item.id).toBeTruthy();
        else expect(catalog.byId(l.club), `${item.id}: ${l.club}`).toBeDefined();
        expect(platforms, item.id).toContain(l.platform);
        expect(actions, item.id).toContain(l.action);
      }
    }
  });

  it('keeps tune and fresh apart and records a first score for every batch', () => {
    const batches = loadManifest();
    const files = batches.flatMap((b) => b.files);
    expect(new Set(files).size).toBe(files.length);
    const history = loadHistory();
    for (const b of batches) expect(history.some((h) => h.batch === b.name && h.first), b.name).toBe(true);
  });

  it('holds no text of a batch (from r5 on) that repeats an earlier batch: at most 30 % of its six-word runs shared', () => {
    const earlier = new Set<string>();
    for (const batch of loadManifest()) {
      const items = loadBatch(batch.name);
      if (Number(batch.name.slice(1)) >= 5) for (const item of items) expect(sharedRunShare(item.text, earlier), item.id).toBeLessThanOrEqual(0.3);
      for (const item of items) for (const run of wordRuns(item.text)) earlier.add(run);
    }
  });

  it('keeps F1 and precision on the fresh part at or above the recorded figures', () => {
    const { overall } = evaluate(createExtractor(catalog), fresh, catalog);
    expect(overall.f1).toBeGreaterThanOrEqual(baseline.fresh.f1 - epsilon);
    expect(overall.precision).toBeGreaterThanOrEqual(baseline.fresh.precision - epsilon);
  });
});
