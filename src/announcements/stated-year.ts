import type { CueMatch, SentenceInfo } from './sentence.ts';

/** The years a text gives, as written: 1900 to 2099. */
const yearPattern = /^(19|20)\d\d$/;

export function yearWithin(info: SentenceInfo, from: number, to: number): boolean {
  return yearIn(info, from, to) !== null;
}

/** The year token i is, or null. */
function yearAt(info: SentenceInfo, i: number): number | null {
  const surface = info.tokens[i]?.surface ?? '';
  return yearPattern.test(surface) ? Number(surface) : null;
}

function yearIn(info: SentenceInfo, from: number, to: number): number | null {
  const end = Math.min(to, info.tokens.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const year = yearAt(info, i);
    if (year !== null) return year;
  }
  return null;
}

/**
 * "joined in May 2008", "launched its official Twitter account in Arabic in 2012", "Im Frühjahr 2010
 * startete der FC", "seit 2013 auf Instagram": the year a join is given, if any, within its clause
 * ("joins Bluesky, the platform founded in 2021" gives none).
 */
export function statedYear(info: SentenceInfo, cue: CueMatch, argEnd: number, dated: boolean): number | null {
  return yearInClause(info, cue, argEnd) ?? (dated ? yearIn(info, cue.start - 2, argEnd + 9) : null);
}

function yearInClause(info: SentenceInfo, cue: CueMatch, argEnd: number): number | null {
  const last = Math.min(info.tokens.length, Math.max(cue.end + 5, argEnd + 8));
  for (let i = cue.end; i < last; i++) {
    if (i > cue.end && (info.comma[i] || info.hard[i])) break;
    const year = yearAt(info, i);
    if (year !== null) return year;
  }
  // Before the cue, a comma may follow the year itself: "In 2012, FC Barcelona launched…".
  for (let i = cue.start - 1; i >= Math.max(0, cue.start - 5); i--) {
    const year = yearAt(info, i);
    if (year !== null) return year;
    if (info.comma[i] || info.hard[i]) return info.comma[i] ? yearAt(info, i - 1) : null;
  }
  return null;
}
