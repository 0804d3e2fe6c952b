import type { CueMatch, SentenceInfo } from './sentence.ts';
import { isArticle, isCoordinated, isCovered, isUnknownName, verbSecond } from './sentence.ts';
import type { ClubMention } from './mentions.ts';

type SubjectVia = 'named' | 'anaphor' | 'pronoun' | 'first' | 'forward' | 'implicit' | 'noun';

export type Subject =
  | { kind: 'club'; clubs: ClubMention[]; via: SubjectVia; cue?: string }
  /** Resolved later to the author club or the club the item is about. */
  | { kind: 'context'; via: SubjectVia; cue?: string }
  | { kind: 'person'; text: string }
  | { kind: 'generic'; text: string };

const possessives = new Set(['su', 'sus', 'son', 'sa', 'ses', 'its', 'their', 'seinen', 'seine', 'seinem', 'ihren', 'ihre', 'suo', 'sua', 'seu', 'l', 'il', 'la', 'a', 'o']);

function possessiveBefore(info: SentenceInfo, i: number): boolean {
  const t = info.tokens[i - 1];
  return t !== undefined && possessives.has(t.folded) && info.clubs.length > 0;
}

function separated(info: SentenceInfo, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (info.comma[i] || info.hard[i]) return true;
  return false;
}

/** Nothing between the two positions could be a subject of its own. */
function noSubjectBetween(info: SentenceInfo, from: number, to: number): boolean {
  if (info.clubs.some((c) => c.start >= from && c.end <= to)) return false;
  return !info.cues.some((c) => c.start >= from && c.end <= to && ['person', 'generic', 'anaphor', 'first', 'pronoun'].includes(c.payload.kind));
}

const concessions = new Set([
  'despite', 'in spite of', 'although', 'though', 'malgre', 'bien que', 'trotz', 'obwohl', 'pese a', 'pese al', 'a pesar de', 'aunque',
  'nonostante', 'malgrado', 'anche se', 'apesar de', 'apesar do', 'apesar da', 'embora',
]);
const amongWords = new Set(['among', 'amongst', 'entre', 'parmi', 'unter', 'tra', 'fra', 'zu']);
const othersWords = new Set(['others', 'andere', 'autres', 'd autres', 'otros', 'altri', 'outros']);
const prepositionKinds = new Set(['loc', 'from', 'to', 'against']);
const withWords = new Set(['avec', 'with', 'mit', 'con', 'com', 'fur', 'pour', 'for', 'para', 'per', 'bei', 'chez', 'aux', 'among', 'unter', 'entre', 'tra', 'fra']);

/** A plain club mention and the clubs listed with it ("St. Pauli, Werder und Freiburg verlassen X"). */
function group(info: SentenceInfo, club: ClubMention, cueStart?: number): ClubMention[] {
  const clubs = info.clubs;
  const idx = clubs.findIndex((c) => c.start === club.start);
  // A comma alone does not make a list; the list needs an "and" somewhere.
  const linked = (k: number): 'conj' | 'comma' | null => {
    const left = clubs[k];
    const right = clubs[k + 1];
    if (!left || !right || left.role !== 'plain' || right.role !== 'plain') return null;
    if (isCoordinated(info, left.end, right.start)) return 'conj';
    if (isCoordinated(info, left.end, right.start, right.start)) return 'comma';
    return null;
  };
  // "A, B and C" is a list; in "A and B, the club ..." the comma after "and" opens an apposition.
  let lo = idx;
  let hi = idx;
  while (lo > 0 && linked(lo - 1)) lo--;
  while (hi < clubs.length - 1 && linked(hi)) hi++;
  const links = Array.from({ length: hi - lo }, (_, k) => linked(lo + k));
  const firstConj = links.indexOf('conj');
  if (firstConj >= 0) {
    // Links after the first "and" end the list; a member after that belongs to something else.
    const cut = lo + firstConj + 1;
    if (idx <= cut) hi = Math.min(hi, cut);
    else lo = cut + 1 <= idx ? idx : lo;
  }
  if (lo > idx) lo = idx;
  const hasConj = links.slice(0, hi - lo).includes('conj') && hi > lo;
  // A bare comma list right before the verb ("Barcelona, Real Madrid stay on X") is a list too.
  if (!hasConj && !(cueStart !== undefined && lo < idx && (clubs[idx]?.end ?? 0) >= cueStart - 2)) return [club];
  return clubs.slice(lo, hi + 1);
}

const companionWords = new Set(['with', 'mit', 'avec', 'con', 'com', 'insieme']);

function afterWith(info: SentenceInfo, start: number): boolean {
  let k = start - 1;
  if (k >= 0 && isArticle(info, k)) k--;
  return k >= 0 && companionWords.has(info.tokens[k]?.folded ?? '');
}

function personIsSubject(info: SentenceInfo, person: CueMatch): boolean {
  const prev = info.tokens[person.start - 1];
  const prev2 = info.tokens[person.start - 2];
  if (prev && /^\d/.test(prev.folded)) return false;
  if (prev && withWords.has(prev.folded)) return false;
  if (prev2 && withWords.has(prev2.folded) && isArticle(info, person.start - 1)) return false;
  if (prev2 && /^\d/.test(prev2.folded)) return false;
  const prevCue = info.cuesEndingAt.get(person.start)?.find((c) => prepositionKinds.has(c.payload.kind) || c.payload.kind === 'report');
  if (prevCue && !isArticle(info, person.start - 1)) return false;
  // "las peticiones de varios socios", "told supporters": the people are not the ones acting.
  const twoBack = info.cuesEndingAt.get(person.start - 1)?.find((c) => c.payload.kind === 'from' || c.payload.kind === 'report');
  if (twoBack) return false;
  return true;
}

/** Words that may stand between a subject and its verb: "has", "also", "ha", "a", "hat"… */
const auxiliaries = new Set(['has', 'have', 'had', 'also', 'now', 'will', 'a', 'ha', 'hat', 'aussi', 'auch', 'tambien', 'anche', 'tambem', 'e', 'est', 'ist', 'wird', 'va', 'vai']);

/**
 * "Twitch launches sports channel with backing from Real Madrid", "Facebook cancella la pagina della
 * Carrarese": a platform named just before the verb is the one acting, unless a club follows the
 * verb as its subject ("X verlässt der FC St. Pauli").
 */
function platformActing(info: SentenceInfo, cue: CueMatch): string | null {
  // German and Dutch put the object first as readily as the subject ("Bei X ist der Verein…").
  if (verbSecond(info.lang)) return null;
  let j = cue.start - 1;
  while (j >= 0 && auxiliaries.has(info.tokens[j]?.folded ?? '') && !info.comma[j + 1]) j--;
  const platform = info.platforms.find((p) => p.end === j + 1);
  if (!platform || info.comma[j + 1] || info.hard[j + 1]) return null;
  // "sur X, le club…", "auf X": the platform taken by a preposition is where, not who.
  if (!isArticle(info, platform.start - 1) && info.cues.some((c) => c.end === platform.start && prepositionKinds.has(c.payload.kind))) return null;
  if (info.cues.some((c) => c.payload.kind === 'account' && c.start === platform.end)) return null;
  if (info.clubs.some((c) => c.start >= cue.end && c.start <= cue.end + 2)) return null;
  return info.tokens.slice(platform.start, platform.end).map((t) => t.surface).join(' ');
}

/**
 * Who does what the cue says: scanning back through the clause for a club, a person, a
 * generic group ("several clubs"), "the club", "we"; then forward (verb-first sentences);
 * else the club the item is about.
 */
export function findSubject(info: SentenceInfo, cue: CueMatch, argEnd: number): Subject {
  let sawPronoun = false;
  // "dejamos", "quittons", "lasciamo": the verb itself says "we".
  const own = info.cues.find((c) => c.payload.kind === 'first' && c.start >= cue.start && c.end <= cue.end);
  if (own) return { kind: 'context', via: 'first', cue: own.payload.phrase };
  const platform = platformActing(info, cue);
  if (platform) return { kind: 'person', text: `the platform ${platform}` };
  for (let j = cue.start - 1; j >= 0; j--) {
    // A headline's colon ("El Sevilla responde a su afición: seguirá en X") keeps the club before it.
    if (info.hard[j + 1] && !(info.index === 0 && info.tokens[j + 1]?.before.trim() === ':')) break;
    const club = info.clubs.find((c) => c.end === j + 1);
    if (club && club.ids.length === 1 && info.leagueIds.has(club.ids[0] as string) && separated(info, club.end, cue.start)) {
      j = club.start;
      continue;
    }
    // "The NBA has broken ranks with the NFL and established…": a club taken by "with" is not who acts.
    if (club && club.role === 'plain' && afterWith(info, club.start)) {
      j = club.start;
      continue;
    }
    if (club) {
      if (club.role === 'precedent' && cue.payload.kind === 'follow' && j === cue.start - 1) return { kind: 'club', clubs: [club], via: 'named' };
      if (club.role === 'plain') return { kind: 'club', clubs: group(info, club, cue.start), via: 'named' };
      j = club.start;
      continue;
    }
    const ending = info.cuesEndingAt.get(j + 1) ?? [];
    const joiner = ending.find((c) => c.payload.kind === 'contrast' && c.end - c.start <= 2 && !/contrair|unlike|anders|gegensatz|diferencia|differenza|contrario/.test(c.payload.phrase));
    // "... said they were monitoring the situation but had no plans to leave": same subject.
    if (joiner && !(j === cue.start - 1 || (j >= cue.start - 8 && noSubjectBetween(info, joiner.end, cue.start)))) {
      if (concessions.has(joiner.payload.phrase)) return { kind: 'generic', text: `inside a concession ("${joiner.payload.phrase}")` };
      break;
    }
    const person = ending.find((c) => c.payload.kind === 'person');
    if (person && personIsSubject(info, person)) {
      return { kind: 'person', text: info.tokens.slice(person.start, person.end).map((t) => t.surface).join(' ') };
    }
    const longerAnaphor = ending.find((c) => c.payload.kind === 'anaphor' && ending.every((o) => o.payload.kind !== 'generic' || o.start > c.start));
    const generic = longerAnaphor ? undefined : ending.find((c) => c.payload.kind === 'generic');
    if (generic) {
      // "Dortmund, Bayern and others are staying": the named ones are the subject.
      if (othersWords.has(generic.payload.phrase)) {
        const listed = info.clubs.filter((c) => c.role === 'plain' && c.end <= generic.start && c.end >= generic.start - 2);
        const last = listed[listed.length - 1];
        if (last) return { kind: 'club', clubs: group(info, last, generic.start), via: 'named' };
      }
      // "St. Pauli, Werder e Benfica estão entre os clubes que deixaram...": the clubs named before "among".
      const among = info.tokens.slice(Math.max(0, generic.start - 3), generic.start).some((t) => amongWords.has(t.folded));
      if (among) {
        const named = info.clubs.filter((c) => c.role === 'plain' && c.end <= generic.start - 1);
        const last = named[named.length - 1];
        if (last) return { kind: 'club', clubs: group(info, last, last.end + 2), via: 'named' };
      }
      return { kind: 'generic', text: generic.payload.phrase };
    }
    if (cue.payload.noun && j < cue.start - 4 && !possessiveBefore(info, cue.start)) break;
    const first = ending.find((c) => c.payload.kind === 'first');
    if (first) return { kind: 'context', via: 'first', cue: first.payload.phrase };
    const anaphor = ending.find((c) => c.payload.kind === 'anaphor');
    if (anaphor) {
      // "Red Star, le club audonien, ..." or "le club de Saint-Ouen" named just before.
      for (let k = anaphor.start - 1; k >= Math.max(0, anaphor.start - 8); k--) {
        if (info.hard[k + 1]) break;
        const near = info.clubs.find((c) => c.end === k + 1 && c.role === 'plain');
        if (near) return { kind: 'club', clubs: group(info, near), via: 'named' };
      }
      const after = info.clubs.find((c) => c.role === 'plain' && c.start >= anaphor.end && c.start <= anaphor.end + 2 && c.end <= cue.start);
      if (after) return { kind: 'club', clubs: group(info, after), via: 'named' };
      return { kind: 'context', via: 'anaphor', cue: anaphor.payload.phrase };
    }
    if (ending.some((c) => c.payload.kind === 'pronoun')) sawPronoun = true;
    if (j >= cue.start - 2 && isUnknownName(info, j) && !(j === 0 && sawPronoun)) {
      const t = info.tokens[j];
      // A capitalised first word is only a name when nothing else explains it.
      if (j > 0 || (t && !isCovered(info, j))) return { kind: 'person', text: t?.surface ?? '' };
    }
  }
  for (const c of info.clubs) {
    if (c.start < cue.end || c.start > argEnd + (cue.payload.noun ? 2 : 6) || c.role !== 'plain') continue;
    return { kind: 'club', clubs: group(info, c), via: 'forward' };
  }
  const laterAnaphor = info.cues.find((c) => c.payload.kind === 'anaphor' && c.start >= argEnd && c.start <= argEnd + 4);
  if (laterAnaphor) return { kind: 'context', via: 'anaphor', cue: laterAnaphor.payload.phrase };
  if (cue.payload.noun) {
    // "su salida de X y su llegada a Bluesky": a noun joined to the action before shares its club.
    let k = cue.start - 1;
    while (k >= 0 && (isArticle(info, k) || possessives.has(info.tokens[k]?.folded ?? ''))) k--;
    const joined = info.cues.some((c) => c.payload.kind === 'conj' && c.end === k + 1);
    return joined ? { kind: 'context', via: 'noun' } : { kind: 'generic', text: 'a noun with no club of its own' };
  }
  return { kind: 'context', via: sawPronoun ? 'pronoun' : 'implicit' };
}
