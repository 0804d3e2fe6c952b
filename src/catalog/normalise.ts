/**
 * Folds text for matching: lower case, no accents, letters and digits only, single spaces.
 * Shared by the catalog search and the announcement extractor so both see the same words.
 */

const specialFolds: Record<string, string> = {
  ß: 'ss',
  ẞ: 'ss',
  œ: 'oe',
  Œ: 'oe',
  æ: 'ae',
  Æ: 'ae',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

const specialPattern = /[ßẞœŒæÆøØłŁđĐðþı]/g;
const marks = /\p{M}+/gu;
const nonWord = /[^\p{L}\p{N}]+/gu;

/** Lower case, accents removed, every run of non-letters turned into one space, trimmed. */
export function normalise(text: string): string {
  return text
    .replace(specialPattern, (c) => specialFolds[c] ?? c)
    .normalize('NFKD')
    .replace(marks, '')
    .toLowerCase()
    .replace(nonWord, ' ')
    .trim();
}
