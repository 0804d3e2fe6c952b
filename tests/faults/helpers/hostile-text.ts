import type { Random } from './random.ts';

/**
 * Text built to hurt a text extractor: every Unicode plane, lone surrogates, right-to-left
 * overrides, zero-width joiners inside names and verbs, long runs of one character, deep nesting,
 * and real announcements cut up and stitched back together.
 */

/** Sentences the extractor should understand, in its six languages, used as raw material. */
export const announcementSentences = [
  'Red Star FC quitte X, une première pour un club français.',
  "L'OM n'envisage pas de quitter X pour le moment.",
  'Werder Bremen verlässt X und ist ab sofort auf Bluesky.',
  'FC St. Pauli hat sein Konto bei X gelöscht.',
  'Real Betis abandona X y se une a Bluesky.',
  'Il Bologna lascia X e sbarca su Bluesky.',
  'O Flamengo deixa o X e entra no Bluesky.',
  'Celtic announce they are leaving X and joining Bluesky.',
  'Corinthians pausa suas publicações no X.',
  'Mainz 05 kehrt zu X zurück.',
];

const rightToLeft = [
  'نادي ريد ستار يغادر منصة إكس',
  'המועדון עוזב את X ומצטרף לבלוסקיי',
  '\u202eX sttiuq rats deR\u202c',
  '\u2067Werder Bremen verlässt X\u2069',
  '\u200fOM\u200f quitte \u200fX\u200f',
];

const invisible = ['\u200b', '\u200c', '\u200d', '\u2060', '\ufeff', '\u00ad', '\u034f', '\u180e', '\u{e0001}', '\u{e0020}'];

/** A code point from any of the 17 planes, surrogates and noncharacters included. */
function anyCodePoint(random: Random): string {
  const plane = random.int(0, 16);
  const point = plane * 0x10000 + random.int(0, 0xffff);
  if (point >= 0xd800 && point <= 0xdfff) return String.fromCharCode(point); // a lone surrogate
  return String.fromCodePoint(point);
}

export function randomUnicode(random: Random, length: number): string {
  let text = '';
  for (let i = 0; i < length; i++) text += anyCodePoint(random);
  return text;
}

/** Puts invisible characters between the letters of a sentence. */
export function withInvisibles(random: Random, sentence: string): string {
  return [...sentence].map((char) => (random.chance(0.4) ? char + random.pick(invisible) : char)).join('');
}

/** Stacks combining marks on every letter ("Zalgo" text). */
export function zalgo(random: Random, sentence: string, marks = 20): string {
  return [...sentence]
    .map((char) => char + Array.from({ length: random.int(0, marks) }, () => String.fromCodePoint(random.int(0x300, 0x36f))).join(''))
    .join('');
}

/** Cuts real announcements into pieces and stitches them back in a random order, with noise between. */
export function stitched(random: Random): string {
  const pieces: string[] = [];
  for (let i = random.int(1, 12); i > 0; i--) {
    const sentence = random.pick(announcementSentences);
    const from = random.int(0, sentence.length);
    const to = random.int(from, sentence.length);
    pieces.push(sentence.slice(from, to));
    if (random.chance(0.3)) pieces.push(random.pick(rightToLeft));
    if (random.chance(0.3)) pieces.push(randomUnicode(random, random.int(1, 20)));
    if (random.chance(0.3)) pieces.push(random.pick(['. ', '! ', '\n', ' « ', ' » ', '"', '…', ' St. ', ' n°1. ']));
  }
  return pieces.join(random.pick(['', ' ', '\n', '\u00a0']));
}

/** Long runs of one character, each well past any limit on how much of an item is read. */
export function longRuns(length: number): string[] {
  return ['a', ' ', '.', '\n', 'X', 'é', '\u200d', '\u0301', '🏳️‍🌈', '»', "'", '-', '0'].map((char) => char.repeat(Math.ceil(length / char.length)));
}

/** Deeply nested brackets, quotes, markup and clauses. */
export function deepNesting(depth: number): string[] {
  return [
    `${'('.repeat(depth)}Red Star FC quitte X${')'.repeat(depth)}`,
    `${'« '.repeat(depth)}Werder Bremen verlässt X${' »'.repeat(depth)}`,
    `${'<b>'.repeat(depth)}Celtic leave X${'</b>'.repeat(depth)}`,
    `${'[{'.repeat(depth)}`,
    `${"L'OM n'envisage pas de ne pas ".repeat(Math.min(depth, 2_000))}quitter X.`,
    `${'Red Star FC, '.repeat(Math.min(depth, 5_000))}quitte X.`,
    `${'quitte X, '.repeat(Math.min(depth, 5_000))}`,
  ];
}

/** A mix of every kind above, for one random item. */
export function hostileItem(random: Random): string {
  switch (random.int(0, 6)) {
    case 0:
      return randomUnicode(random, random.int(0, 2_000));
    case 1:
      return withInvisibles(random, random.pick(announcementSentences));
    case 2:
      return zalgo(random, random.pick(announcementSentences));
    case 3:
      return `${random.pick(rightToLeft)} ${random.pick(announcementSentences)} ${random.pick(rightToLeft)}`;
    case 4:
      return stitched(random);
    case 5:
      return random.pick(announcementSentences).repeat(random.int(1, 500));
    default:
      return Array.from({ length: random.int(1, 50) }, () => random.pick([...announcementSentences, ...rightToLeft])).join(random.pick([' ', '', '\n\n', '\t']));
  }
}
