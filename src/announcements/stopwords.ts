import { readLanguages, type ReadLanguage } from './announcement.ts';

/** Frequent words that tell the languages apart; the scores are only compared. */
const stopwords: Record<ReadLanguage, string> = {
  fr: 'le la les des du est et une dans pour qui que sur au aux avec son sa ses ne pas par plus ce cette il elle a l d qu n s apres depuis ont sont leur ou mais comme lui aussi',
  en: 'the and of to is in for with on that its it has have was are by from at as be this their which will not after an or but they been club also would',
  de: 'der die das und ist nicht mit von den dem des ein eine zu auf im sich auch wird hat fur bei nach wie sie er es aus vom zum dass noch nur am einen mehr seine seit',
  es: 'el los las de que y en por con del se una un es su al como mas para pero sus lo este tras ha sin desde sobre tambien ya esta ser muy',
  it: 'il lo gli di che e per con del della una un non si sono dei alla al dal nel le ha anche piu come dopo sul sulla gia ma questo questa degli',
  pt: 'o os as de que e do da em no na um uma com para por nao se mais seu sua dos das ao pelo pela tambem ja foi sao esta ser apos',
  nl: 'de het een van en in is op met voor niet zijn dat die te naar ook als bij aan om uit heeft wordt worden deze nog maar tot zich haar hun werd door over dan er wel geen kan zal wil meer na al hij ze',
};

export const languageOf = new Map<string, ReadLanguage[]>();
for (const lang of readLanguages) {
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
