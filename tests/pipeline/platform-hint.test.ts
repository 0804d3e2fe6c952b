import { describe, expect, it } from 'vitest';
import { loadDevset } from '../../src/announcements/eval.ts';
import { createExtractor } from '../../src/announcements/extractor.ts';
import { platformNames } from '../../src/announcements/lexicon/kinds.ts';
import { loadPart } from '../../src/announcements/realset.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';
import { mayNameAPlatform } from '../../src/pipeline/platform-hint.ts';

describe('the quick look for a platform name before an item is tokenized', () => {
  it('finds every platform name of the lexicon inside a sentence, in any case', () => {
    for (const phrase of Object.values(platformNames).flatMap((list) => list.split('|'))) {
      expect(mayNameAPlatform(`Le club a annoncé son départ de ${phrase} mardi.`), phrase).toBe(true);
      expect(mayNameAPlatform(`THE CLUB IS NOW ON ${phrase.toUpperCase()}!`), phrase).toBe(true);
    }
  });

  it('finds names written with accents, wide or styled letters and invisible characters, as the extractor reads them', () => {
    expect(mayNameAPlatform('Der Verein verlässt Twítter.')).toBe(true);
    expect(mayNameAPlatform('Le club quitte ｔｗｉｔｔｅｒ.')).toBe(true);
    expect(mayNameAPlatform('El club deja la plataforma 𝕏.')).toBe(true);
    expect(mayNameAPlatform('Il club lascia Twit\u00adter.')).toBe(true);
    expect(mayNameAPlatform('O clube deixa a rede de Elon Musk.')).toBe(true);
    expect(mayNameAPlatform('Der Klub verlässt Musks Plattform.')).toBe(true);
    expect(mayNameAPlatform('Suivez-nous sur club_bluesky_fr.')).toBe(true);
  });

  it('sets aside ordinary news, in any language', () => {
    expect(mayNameAPlatform('The coach said the squad was ready for the weekend.')).toBe(false);
    expect(mayNameAPlatform('Le club a présenté son nouveau maillot extérieur lors d’une soirée au stade.')).toBe(false);
    expect(mayNameAPlatform('Der Trainer äußerte sich nach dem 3:1 über die Mannschaft.')).toBe(false);
    expect(mayNameAPlatform('Xavi and Alex spoke after the 2-1 win.')).toBe(false);
  });

  it('never sets aside a labelled text in which the extractor finds an announcement', () => {
    const catalog = loadCatalog();
    const extractor = createExtractor(catalog);
    const texts = [...loadDevset(), ...loadPart('tune'), ...loadPart('fresh')].filter((item) => !item.authorClubId);
    let withAnnouncements = 0;
    for (const item of texts) {
      if (extractor.extract({ text: item.text, lang: item.lang }).length === 0) continue;
      withAnnouncements += 1;
      expect(mayNameAPlatform(item.text), item.id).toBe(true);
    }
    expect(withAnnouncements).toBeGreaterThan(300);
  });
});
