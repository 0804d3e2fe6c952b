import type { ReadLanguage } from '../announcement.ts';
import { PhraseIndex } from '../phrase-index.ts';
import { de } from './de.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { it } from './it.ts';
import { nl } from './nl.ts';
import { actionKinds, type CueKind, type Lexicon } from './kinds.ts';
import { pt } from './pt.ts';
import { published } from './published.ts';
import type { EntityPayload } from '../mentions.ts';

/**
 * A language's phrases: its cues, action cues marked to find quickly where actions are said, and
 * the club and platform names, one index that every language shares (names are the same words in
 * each; a copy per language cost ~7 MB of heap).
 */
export interface LanguageIndex {
  cues: PhraseIndex<Cue>;
  names: PhraseIndex<EntityPayload>;
}

const lexicons: Record<ReadLanguage, Lexicon> = { fr, en, de, es, it, pt, nl };
/**
 * Kinds whose separable verbs may close a long clause ("stellt … seine Aktivitäten auf der
 * Plattform X ein", "zieht sich … von X zurück"); joining and following are not stretched: "schließt
 * sich einem Social-Media-Boykott … an" would swallow the boycott inside it.
 */
const stretchedKinds: ReadonlySet<CueKind> = new Set<CueKind>(['leave', 'cease', 'stay', 'return', 'delete']);

export interface Cue {
  type: 'cue';
  kind: CueKind;
  lang: ReadLanguage;
  /** The phrase as listed, for explanations. */
  phrase: string;
  /** A noun ("départ de X"): the platform must follow closely. */
  noun: boolean;
  /** Needs an account word near it ("ouvre un compte", "deletes its account"). */
  needsAccount: boolean;
}

/**
 * A preposition fused with the article after it ("sbarca sulla piattaforma", "chegou ao TikTok",
 * "wechselt zur Plattform"): each phrase is also listed with these forms in place of its preposition.
 */
const contractions: Record<ReadLanguage, Record<string, string[]>> = {
  fr: { a: ['au', 'aux'], de: ['du', 'des'] },
  en: {},
  de: { zu: ['zum', 'zur'], in: ['im', 'ins'], an: ['am', 'ans'], auf: ['aufs'], von: ['vom'], bei: ['beim'] },
  es: { a: ['al'], de: ['del'] },
  it: {
    su: ['sul', 'sullo', 'sulla', 'sui', 'sugli', 'sulle', 'sull'],
    in: ['nel', 'nello', 'nella', 'nei', 'negli', 'nelle', 'nell'],
    a: ['al', 'allo', 'alla', 'ai', 'agli', 'alle', 'all'],
    da: ['dal', 'dallo', 'dalla', 'dai', 'dagli', 'dalle', 'dall'],
    di: ['del', 'dello', 'della', 'dei', 'degli', 'delle', 'dell'],
  },
  pt: { em: ['no', 'na', 'nos', 'nas', 'num', 'numa'], a: ['ao', 'aos', 'as'], de: ['do', 'da', 'dos', 'das'], por: ['pelo', 'pela'] },
  nl: {},
};

function withContractions(phrase: string, lang: ReadLanguage): string[] {
  const words = phrase.split(' ');
  const out = [phrase];
  words.forEach((word, i) => {
    for (const fused of contractions[lang][word] ?? []) out.push([...words.slice(0, i), fused, ...words.slice(i + 1)].join(' '));
  });
  return out;
}

/**
 * One cue index per language, so an item is read with its own language's cues only; `addNames`
 * puts the club and platform names in the one name index.
 */
export function buildIndexes(addNames: (index: PhraseIndex<EntityPayload>) => void): Record<ReadLanguage, LanguageIndex> {
  const out = {} as Record<ReadLanguage, LanguageIndex>;
  const names = new PhraseIndex<EntityPayload>(() => false, 'nameStarts');
  addNames(names);
  for (const [lang, lexicon] of Object.entries(lexicons) as Array<[ReadLanguage, Lexicon]>) {
    const index = new PhraseIndex<Cue>((p) => actionKinds.has(p.kind));
    out[lang] = { cues: index, names };
    const extra = published[lang] ?? {};
    const lists = [...(Object.entries(lexicon) as Array<[CueKind, string]>), ...(Object.entries(extra) as Array<[CueKind, string]>)];
    // A phrase listed twice (in both lists, or once fused and once written out) is one cue, not two.
    const added = new Set<string>();
    for (const [kind, list] of lists) {
      for (const raw of list.split('|')) {
        let phrase = raw.trim();
        let noun = false;
        let needsAccount = false;
        if (phrase.startsWith('n:')) {
          noun = true;
          phrase = phrase.slice(2);
        } else if (phrase.startsWith('a:')) {
          needsAccount = true;
          phrase = phrase.slice(2);
        }
        if (phrase === '') continue;
        const cue: Cue = { type: 'cue', kind, lang, phrase, noun, needsAccount };
        for (const form of withContractions(phrase, lang)) {
          const key = `${kind}|${noun}|${needsAccount}|${form}`;
          if (added.has(key)) continue;
          added.add(key);
          index.add(form, cue, stretchedKinds.has(kind));
        }
      }
    }
  }
  return out;
}
