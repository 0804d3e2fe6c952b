import type { CueMatch, SentenceInfo } from './sentence.ts';

/** The years a text gives, as written: 1900 to 2099. */
const yearPattern = /^(19|20)\d\d$/;

export function yearWithin(info: SentenceInfo, from: number, to: number): boolean {
  return yearIn(info, from, to) !== null;
}

function yearIn(info: SentenceInfo, from: number, to: number): number | null {
  const end = Math.min(to, info.tokens.length);
  for (let i = Math.max(0, from); i < end; i++) {
    const surface = (info.tokens[i] as SentenceInfo['tokens'][number]).surface;
    if (yearPattern.test(surface)) return Number(surface);
  }
  return null;
}

/**
 * "joined in May 2008", "launched its official Twitter account in Arabic in 2012", "Im Frühjahr 2010
 * startete der FC", "seit 2013 auf Instagram": the year a join is given, if any, within its clause
 * ("joins Bluesky, the platform founded in 2021" gives none).
 */
export function statedYear(info: SentenceInfo, cue: CueMatch, argEnd: number, dated: boolean): number | null {
  const tokens = info.tokens;
  const last = Math.min(tokens.length, Math.max(cue.end + 5, argEnd + 8));
  for (let i = cue.end; i < last; i++) {
    if (i > cue.end && (info.comma[i] || info.hard[i])) break;
    if (yearPattern.test((tokens[i] as SentenceInfo['tokens'][number]).surface)) return Number((tokens[i] as SentenceInfo['tokens'][number]).surface);
  }
  // Before the cue, a comma may follow the year itself: "In 2012, FC Barcelona launched…".
  for (let i = cue.start - 1; i >= Math.max(0, cue.start - 5); i--) {
    const surface = (tokens[i] as SentenceInfo['tokens'][number]).surface;
    if (yearPattern.test(surface)) return Number(surface);
    if (info.comma[i] || info.hard[i]) {
      const before = tokens[i - 1]?.surface ?? '';
      return info.comma[i] && yearPattern.test(before) ? Number(before) : dated ? yearIn(info, cue.start - 2, argEnd + 9) : null;
    }
  }
  return dated ? yearIn(info, cue.start - 2, argEnd + 9) : null;
}
