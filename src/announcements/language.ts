import { readLanguages, type ReadLanguage } from './announcement.ts';
import { languageOf } from './stopwords.ts';
import type { Token } from './tokenize.ts';

/** A language tag the extractor has cues for ("fr", "de-DE"). */
export function knownLanguage(lang: string | null | undefined): boolean {
  return declared(lang) !== null;
}

function declared(lang: string | null | undefined): ReadLanguage | null {
  if (!lang) return null;
  const base = lang.trim().toLowerCase().slice(0, 2);
  return (readLanguages as readonly string[]).includes(base) ? (base as ReadLanguage) : null;
}

/**
 * The declared language when the text does not clearly say otherwise; else the language whose
 * function words are most frequent; null when nothing is known.
 */
export function detectLanguage(tokens: readonly Token[], declaredLang?: string | null): ReadLanguage | null {
  const given = declared(declaredLang);
  const scores: Record<ReadLanguage, number> = { fr: 0, en: 0, de: 0, es: 0, it: 0, pt: 0, nl: 0 };
  const limit = Math.min(tokens.length, given ? 60 : 150);
  for (let i = 0; i < limit; i++) {
    const hit = languageOf.get((tokens[i] as Token).folded);
    if (hit) for (const l of hit) scores[l] += 1 / hit.length;
  }
  let best: ReadLanguage | null = null;
  for (const l of readLanguages) if (best === null || scores[l] > scores[best]) best = l;
  // A feed that declares French may still carry a German headline: the item's own words win when
  // they clearly say so (three times the declared language's score, and enough words to tell).
  if (given !== null) return best !== null && best !== given && scores[best] >= 6 && scores[best] >= 3 * scores[given] ? best : given;
  return best !== null && scores[best] > 0 ? best : null;
}
