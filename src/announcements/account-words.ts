import type { CueMatch, SentenceInfo } from './sentence.ts';
import type { Token } from './tokenize.ts';

/** "shut down Facebook and Twitter accounts for all of its players", "les comptes de ses joueurs": persons' accounts. */
export function accountsOfPersons(info: SentenceInfo, cue: CueMatch): boolean {
  for (const a of info.cues) {
    if (a.payload.kind !== 'account' || a.start < cue.end || a.start > cue.end + 5) continue;
    for (const c of info.cues) if (c.payload.kind === 'person' && c.start >= a.end && c.start <= a.end + 4 && !info.comma[a.end]) return true;
  }
  return false;
}

/** Words by which something is done through an account ("via its official TikTok account"), not to it. */
const meansWords = new Set(['via', 'through', 'tramite', 'attraverso', 'mediante', 'mittels', 'biais', 'grace', 'traves', 'atraves', 'meio', 'medio']);

/**
 * The account a word like "launched", "opened", "created" needs: an account word near it ("a ouvert
 * son compte", "its new Facebook page"), not one after "via" or "through" ("has created the
 * #HolaLaLiga challenge via its official TikTok account" opens nothing).
 */
export function accountFor(info: SentenceInfo, cue: CueMatch, lo: number, hi: number): boolean {
  for (const c of info.cues) {
    if (c.payload.kind !== 'account' || c.start < lo || c.end > hi) continue;
    let through = false;
    for (let i = cue.end; i < c.start; i++) if (meansWords.has((info.tokens[i] as Token).folded)) through = true;
    if (!through) return true;
  }
  return false;
}
