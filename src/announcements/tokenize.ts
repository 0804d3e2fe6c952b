import { normalise } from '../catalog/normalise.ts';
import { isStopword } from './stopwords.ts';

/** One word of the examined text, with its place in the original. */
export interface Token {
  /** As written. */
  surface: string;
  /** Lower case, accents removed. */
  folded: string;
  start: number;
  end: number;
  /** Punctuation and spaces between the previous token and this one. */
  before: string;
  /** First letter is an upper-case letter. */
  cap: boolean;
  /** Where the item's cue index may start a phrase at this word; filled by the index. */
  starts: unknown;
  /** The same for the name index. */
  nameStarts: unknown;
}

/** A sentence of tokens; its text, for evidence, is cut from the item only when asked for. */
export class Sentence {
  /**
   * A sentence kept for the life of the process, for its shape: V8 keeps an object shape only while
   * some object has it, and throws away the compiled code built on it when it goes. No sentence
   * outlives its item, so every full collection cost the extractor its compiled code, compiled
   * again on the next items (about 0.3 s of CPU for its largest function).
   */
  static readonly shapeKeeper: Sentence = new Sentence([], '', 0, 0);
  #text: string | undefined;
  #question: boolean | undefined;
  constructor(
    readonly tokens: Token[],
    private readonly source: string,
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** Ends with a question mark: "Faut-il quitter X ?" Asked for each action word: worked out once. */
  get question(): boolean {
    if (this.#question === undefined) {
      let i = this.to;
      while (i > this.from && ' »"”)'.includes(this.source[i - 1] ?? '')) i--;
      this.#question = this.source[i - 1] === '?' || this.source[this.to] === '?' || /^\s*[»"”)]*\s*\?/.test(this.source.slice(this.to, this.to + 4));
    }
    return this.#question;
  }

  get text(): string {
    if (this.#text === undefined) {
      let evidence = this.source.slice(this.from, this.to).replace(/\s+/g, ' ').trim();
      if (evidence.length > maxEvidenceChars) evidence = `${evidence.slice(0, maxEvidenceChars - 1)}…`;
      this.#text = evidence;
    }
    return this.#text;
  }
}

export interface Tokenized {
  /** The text the offsets refer to: cut to `maxExaminedChars`, invisible format characters removed. */
  text: string;
  sentences: Sentence[];
}

/** How much of an item the extractor reads: headline and lead are always at the start. */
const maxExaminedChars = 5000;

const wordChar = /[\p{L}\p{N}\p{M}]/u;
const asciiWord = new Uint8Array(128);
for (let c = 48; c <= 57; c++) asciiWord[c] = 1;
for (let c = 65; c <= 90; c++) asciiWord[c] = 1;
for (let c = 97; c <= 122; c++) asciiWord[c] = 1;

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) return wordChar.test(text.slice(i, i + 2));
  return wordChar.test(text[i] as string);
}
const formatChars = /[\p{Cf}]/gu;
/** The usual invisible characters; the full class is checked only when one of these, or an astral character, is present. */
const likelyFormat = /[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufeff\ud800-\udfff]/;
const asciiOnly = /^[\x20-\x7e]*$/;
const upperFirst = /^\p{Lu}/u;
const sentenceEnd = /[.!?…]|\n|\r/;
const hardBreak = /\n|\r|[!?…]/;
/** Words after which a full stop does not end a sentence ("St. Pauli", "Nr. 1", "z. B."). */
const abbreviations = new Set([
  'st', 'sv', 'dr', 'mr', 'mrs', 'ms', 'vs', 'nr', 'bzw', 'ca', 'inkl', 'jr', 'sr', 'prof', 'mme', 'mlle',
  'z', 'b', 'u', 'a', 'vgl', 'sta', 'sto', 'sra', 'dott', 'ing', 'ggf', 'etc', 'bzgl', 'evtl', 'm', 'mm',
]);
const maxEvidenceChars = 400;
const closers = '.!?»"”)';
const space = ' ';

const foldCache = new Map<string, string>();
const foldCacheLimit = 50_000;

function fold(surface: string): string {
  if (asciiOnly.test(surface)) return surface.toLowerCase();
  let f = foldCache.get(surface);
  if (f === undefined) {
    f = normalise(surface).replace(/ /g, '');
    if (foldCache.size >= foldCacheLimit) foldCache.clear();
    foldCache.set(surface, f);
  }
  return f;
}

/** Ends a sentence with its tokens, with the closing marks after its last word. */
function flush(sentences: Sentence[], current: Token[], text: string): void {
  const first = current[0];
  const lastTok = current[current.length - 1];
  if (first && lastTok) {
    let end = lastTok.end;
    while (end < text.length && end - lastTok.end < 3 && closers.includes(text[end] ?? ' ')) end++;
    sentences.push(new Sentence(current, text, first.start, end));
  }
}

/** `letter` ends "F.C." or "F. C.": a single capital letter right after another one and a full stop. */
function isInitial(before: Token | undefined, letter: Token): boolean {
  return before !== undefined && before.cap && before.surface.length === 1 && (letter.before === '.' || letter.before === '. ');
}

/** Words a single capital letter follows as a name of its own ("Serie A.", "Groupe B."), where a full stop ends a sentence. */
const letterNamers = new Set([
  'serie', 'group', 'groupe', 'gruppe', 'girone', 'grupo', 'liga', 'division', 'plan', 'type', 'typ', 'tipo', 'classe', 'klasse',
  'kategorie', 'category', 'categorie', 'league', 'pool', 'section', 'seccion', 'level', 'tier', 'vitamin', 'vitamine', 'note', 'nota',
]);

/**
 * "Thomas E. Herrich", "F. C. Inter": a capital letter after a name or another initial, followed by a
 * full stop and a capital, is an initial, not a sentence's end. "X." is the platform, and "Serie A."
 * a name, which end sentences.
 */
function isMiddleInitial(current: readonly Token[], letter: Token, next: Token, before: string, nextDotted: boolean): boolean {
  if (before !== '. ' || !next.cap || letter.surface === 'X' || letter.surface === 'I') return false;
  // "F. C. Inter": another capital letter with its own full stop follows.
  if (next.surface.length === 1 && nextDotted) return true;
  const word = current[current.length - 2];
  if (!word || !word.cap || /[.,;:!?]/.test(letter.before)) return false;
  if (word.surface.length === 1) return true;
  return !letterNamers.has(word.folded) && !isStopword(word.folded);
}

/** Splits text into sentences of tokens; the text is cut at `maxExaminedChars` first. */
export function tokenize(raw: string): Tokenized {
  const cut = raw.length > maxExaminedChars ? raw.slice(0, maxExaminedChars) : raw;
  const text = likelyFormat.test(cut) ? cut.replace(formatChars, '') : cut;
  const sentences: Sentence[] = [];
  let current: Token[] = [];
  let last = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    // Find the next word: letters, digits and combining marks.
    let c = text.charCodeAt(i);
    if (!(c < 128 ? asciiWord[c] === 1 : isWordChar(text, i))) {
      i++;
      continue;
    }
    const wordStart = i;
    let ascii = true;
    while (i < n) {
      c = text.charCodeAt(i);
      if (c < 128) {
        if (asciiWord[c] !== 1) break;
        i++;
      } else if (isWordChar(text, i)) {
        ascii = false;
        i += c >= 0xd800 && c <= 0xdbff ? 2 : 1;
      } else break;
    }
    const surface = text.slice(wordStart, i);
    const before = wordStart === last + 1 && text.charCodeAt(last) === 32 ? space : text.slice(last, wordStart);
    last = i;
    const folded = ascii ? surface.toLowerCase() : fold(surface);
    if (folded === '') continue;
    const c0 = surface.charCodeAt(0);
    const cap = c0 < 128 ? c0 >= 65 && c0 <= 90 : upperFirst.test(surface);
    const tok: Token = { surface, folded, start: wordStart, end: i, before, cap, starts: undefined, nameStarts: undefined };
    const prev = current[current.length - 1];
    if (prev && before !== space && sentenceEnd.test(before)) {
      // "am 15. November" goes on; "Mainz 05. Der Verein" ends.
      const ordinal = /^\d{1,2}$/.test(prev.folded) && !/\s\s/.test(before) && !(cap && isStopword(folded));
      // "F.C. Hansa Rostock", "U.S. Lecce": capital letters joined by full stops are an initialism.
      const initialism = prev.cap && prev.surface.length === 1 && (before === '.' || isInitial(current[current.length - 2], prev) || isMiddleInitial(current, prev, tok, before, text.charCodeAt(i) === 46));
      // "147.000 Follower", "1.234.567": a full stop between digits groups them.
      const grouped = before === '.' && /^\d+$/.test(prev.folded) && /^\d+$/.test(surface);
      // "z. B.", "u. a.", "M. Zhai": a capital single letter is an abbreviation only after another
      // letter, or as "M." (Monsieur); "Serie A. Il club" ends.
      const abbreviation = abbreviations.has(prev.folded) && (prev.surface.length > 1 || !prev.cap || prev.surface === 'M' || current[current.length - 2]?.surface.length === 1);
      const isBreak = hardBreak.test(before) || !(abbreviation || ordinal || initialism || grouped) || before.includes('\n');
      if (isBreak && (tok.cap || /^\d/.test(surface) || /["«“'‘]/.test(before) || hardBreak.test(before))) {
        flush(sentences, current, text);
        current = [];
      }
    }
    current.push(tok);
  }
  flush(sentences, current, text);
  return { text, sentences };
}
