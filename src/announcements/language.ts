import { languages, type Language } from './announcement.ts';
import type { Token } from './tokenize.ts';

/** Frequent words that tell the six languages apart; the scores are only compared. */
const stopwords: Record<Language, string> = {
  fr: 'le la les des du est et une dans pour qui que sur au aux avec son sa ses ne pas par plus ce cette il elle a l d qu n s apres depuis ont sont leur ou mais comme lui aussi',
  en: 'the and of to is in for with on that its it has have was are by from at as be this their which will not after an or but they been club also would',
  de: 'der die das und ist nicht mit von den dem des ein eine zu auf im sich auch wird hat fur bei nach wie sie er es aus vom zum dass noch nur am einen mehr seine seit',
  es: 'el los las de que y en por con del se una un es su al como mas para pero sus lo este tras ha sin desde sobre tambien ya esta ser muy',
  it: 'il lo gli di che e per con del della una un non si sono dei alla al dal nel le ha anche piu come dopo sul sulla gia ma questo questa degli',
  pt: 'o os as de que e do da em no na um uma com para por nao se mais seu sua dos das ao pelo pela tambem ja foi sao esta ser apos',
};

const languageOf = new Map<string, Language[]>();
for (const lang of languages) {
  for (const w of stopwords[lang].split(' ')) {
    const list = languageOf.get(w) ?? [];
    list.push(lang);
    languageOf.set(w, list);
  }
}

/** Function words of every language, for telling names from ordinary capitalised words. */
export function isStopword(folded: string): boolean {
  return languageOf.has(folded);
}

/** A language tag the extractor has cues for ("fr", "de-DE"). */
export function knownLanguage(lang: string | null | undefined): boolean {
  return declared(lang) !== null;
}

function declared(lang: string | null | undefined): Language | null {
  if (!lang) return null;
  const base = lang.trim().toLowerCase().slice(0, 2);
  return (languages as readonly string[]).includes(base) ? (base as Language) : null;
}

/**
 * The declared language when the text does not clearly say otherwise; else the language whose
 * function words are most frequent; null when nothing is known.
 */
export function detectLanguage(tokens: readonly Token[], declaredLang?: string | null): Language | null {
  const given = declared(declaredLang);
  const scores: Record<Language, number> = { fr: 0, en: 0, de: 0, es: 0, it: 0, pt: 0 };
  const limit = Math.min(tokens.length, given ? 60 : 150);
  for (let i = 0; i < limit; i++) {
    const hit = languageOf.get((tokens[i] as Token).folded);
    if (hit) for (const l of hit) scores[l] += 1 / hit.length;
  }
  let best: Language | null = null;
  for (const l of languages) if (best === null || scores[l] > scores[best]) best = l;
  // A feed that declares French may still carry a German headline: the item's own words win when
  // they clearly say so (three times the declared language's score, and enough words to tell).
  if (given !== null) return best !== null && best !== given && scores[best] >= 6 && scores[best] >= 3 * scores[given] ? best : given;
  return best !== null && scores[best] > 0 ? best : null;
}
