import { createExtractor } from '../../src/announcements/extractor.ts';
import { loadCatalog } from '../../src/catalog/load-catalog.ts';

/** The extractor over the shipped catalog, as the bot runs it. */
export const extractor = createExtractor(loadCatalog());

/** What the extractor reads in a text, as sorted "club platform action" lines. */
export function triples(text: string, lang?: string, authorClubId?: string): string[] {
  return extractor
    .extract({ text, lang: lang ?? null, authorClubId: authorClubId ?? null })
    .map((a) => `${a.club.id ?? `?${a.club.name}`} ${a.platform} ${a.action}`)
    .sort();
}
