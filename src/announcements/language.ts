import { readLanguages, type ReadLanguage } from './announcement.ts';
import { languageOf } from './stopwords.ts';
import type { Token } from './tokenize.ts';

function declared(lang: string | null | undefined): ReadLanguage | null {
  if (!lang) return null;
  const base = lang.trim().toLowerCase().slice(0, 2);
  return (readLanguages as readonly string[]).includes(base) ? (base as ReadLanguage) : null;
}

/** Each function word's languages, as indexes into readLanguages. */
const languageIndexes = new Map<string, number[]>();
for (const [word, langs] of languageOf) languageIndexes.set(word, langs.map((l) => readLanguages.indexOf(l)));

/**
 * The declared language when the text does not clearly say otherwise; else the language whose
 * function words are most frequent among the first words of the sentences; null when nothing is known.
 * Scores are kept by language index: read by name, each language was another property to look up.
 */
export function detectLanguage(sentences: ReadonlyArray<{ readonly tokens: readonly Token[] }>, declaredLang?: string | null): ReadLanguage | null {
  const given = declared(declaredLang);
  const scores = readLanguages.map(() => 0);
  const limit = given ? 60 : 150;
  let seen = 0;
  for (const s of sentences) {
    for (const t of s.tokens) {
      if (seen >= limit) break;
      seen++;
      const hit = languageIndexes.get(t.folded);
      if (hit) for (const l of hit) scores[l] = (scores[l] as number) + 1 / hit.length;
    }
    if (seen >= limit) break;
  }
  let best = -1;
  for (let l = 0; l < readLanguages.length; l++) if (best < 0 || (scores[l] as number) > (scores[best] as number)) best = l;
  const bestScore = best < 0 ? 0 : (scores[best] as number);
  // A feed that declares French may still carry a German headline: the item's own words win when
  // they clearly say so (three times the declared language's score, and enough words to tell).
  if (given !== null) {
    const givenScore = scores[readLanguages.indexOf(given)] as number;
    return best >= 0 && readLanguages[best] !== given && bestScore >= 6 && bestScore >= 3 * givenScore ? (readLanguages[best] as ReadLanguage) : given;
  }
  return best >= 0 && bestScore > 0 ? (readLanguages[best] as ReadLanguage) : null;
}
