import { normalise } from '../catalog/normalise.ts';
import { platformNames } from '../announcements/lexicon/kinds.ts';

/**
 * A quick look at an item's text, before any tokenizing: can it name a platform at all? Every
 * announcement names one (X, Bluesky, "le réseau d'Elon Musk"…), and most news items name none, so
 * those are set aside here for the cost of one regular-expression scan. The test only ever says
 * "maybe" too often: each platform name of the extractor's lexicon contains one of the words looked
 * for, compared as the extractor compares words (letters and digits, any case, accents folded).
 */

/** For each platform name, one word it cannot be said without. */
function requiredWords(): string[] {
  const phrases = Object.values(platformNames).flatMap((list) => list.split('|'));
  const singles = new Set(phrases.filter((phrase) => !phrase.includes(' ')));
  // X named after its owner ("le réseau d'Elon Musk", "Musks Plattform") always says his name.
  const words = new Set(['musk', 'musks']);
  for (const phrase of phrases) {
    const tokens = phrase.split(' ');
    const longest = tokens.reduce((a, b) => (b.length > a.length ? b : a));
    words.add(tokens.find((token) => singles.has(token)) ?? (tokens.includes('x') ? 'x' : longest));
  }
  return [...words].sort((a, b) => b.length - a.length);
}

const required = requiredWords();
/** The words in any case, between characters that are not ASCII letters or digits ("_" is not one for the extractor). */
const asciiHint = new RegExp(`(?:\\b|_)(?:${required.join('|')})(?![A-Za-z0-9])`, 'i');
const formatChars = /\p{Cf}/gu;
const requiredSet = new Set(required);
/** Words beyond ASCII, folded: most repeat from item to item ("été", "über"). */
const folded = new Map<string, boolean>();

/** False only when the text cannot name a platform; true when it may. */
export function mayNameAPlatform(text: string): boolean {
  if (asciiHint.test(text)) return true;
  // Words with a character beyond ASCII are folded as the extractor folds them: "Twítter", "𝕏",
  // "ｔｗｉｔｔｅｒ", "Twit\u00adter" (invisible characters are dropped before words are cut).
  const n = text.length;
  for (let i = 0; i < n; i++) {
    if (text.charCodeAt(i) < 128 || charLength(text, i) === 0) continue;
    let start = i;
    while (start > 0) {
      const before = start >= 2 && isLowSurrogate(text.charCodeAt(start - 1)) ? 2 : 1;
      if (charLength(text, start - before) === 0) break;
      start -= before;
    }
    let end = i;
    for (let length = charLength(text, end); length > 0; length = charLength(text, end)) end += length;
    if (namesAPlatform(text.slice(start, end))) return true;
    i = end;
  }
  return false;
}

function namesAPlatform(word: string): boolean {
  let names = folded.get(word);
  if (names === undefined) {
    names = requiredSet.has(normalise(word.replace(formatChars, '')).replace(/ /g, ''));
    if (folded.size >= 50_000) folded.clear();
    folded.set(word, names);
  }
  return names;
}

const wordChar = /^[\p{L}\p{N}\p{M}\p{Cf}]$/u;

/** The length (1 or 2) of the word character at `i`, or 0 when it is not one. */
function charLength(text: string, i: number): number {
  if (i >= text.length) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 0;
  // Latin letters with accents (all of Latin-1 and Latin Extended-A/B but its signs), then the usual punctuation.
  if (c >= 0xc0 && c <= 0x24f) return c === 0xd7 || c === 0xf7 ? 0 : 1;
  if (c === 0xa0 || c === 0xab || c === 0xbb || (c >= 0x2010 && c <= 0x2026)) return 0;
  const length = c >= 0xd800 && c <= 0xdbff ? 2 : 1;
  return wordChar.test(text.slice(i, i + length)) ? length : 0;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}
