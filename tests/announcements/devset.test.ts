import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { actions, languages, platforms } from '../../src/announcements/announcement.ts';
import { evaluate, loadDevset } from '../../src/announcements/eval.ts';
import { createExtractor } from '../../src/announcements/extractor.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';

const catalog = loadCatalog();
const items = loadDevset();
const baseline = JSON.parse(readFileSync(new URL('../fixtures/devset/baseline.json', import.meta.url), 'utf8')) as {
  f1: number;
  precision: number;
};
const epsilon = 0.002;

// The team's own texts test the rules alone; the scorer is measured on published texts (realset.test.ts).
describe('the development set written by the team', () => {
  it('has at least 300 items in six languages, a third of them without any announcement', () => {
    expect(items.length).toBeGreaterThanOrEqual(300);
    for (const l of languages) expect(items.filter((i) => i.lang === l).length, l).toBeGreaterThanOrEqual(40);
    expect(items.filter((i) => i.labels.length === 0).length).toBeGreaterThanOrEqual(items.length / 3);
  });

  it('has unique ids and labels that name catalog clubs, platforms and actions', () => {
    expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
    for (const item of items) {
      if (item.authorClubId) expect(catalog.byId(item.authorClubId), item.id).toBeDefined();
      for (const l of item.labels) {
        if (l.club === null) expect(l.name, item.id).toBeTruthy();
        else expect(catalog.byId(l.club), `${item.id}: ${l.club}`).toBeDefined();
        expect(platforms, item.id).toContain(l.platform);
        expect(actions, item.id).toContain(l.action);
      }
    }
  });

  it('keeps the rules’ F1 and precision at or above the recorded baseline', () => {
    const { overall } = evaluate(createExtractor(catalog, { model: null }), items, catalog);
    expect(overall.f1).toBeGreaterThanOrEqual(baseline.f1 - epsilon);
    expect(overall.precision).toBeGreaterThanOrEqual(baseline.precision - epsilon);
  });
});
