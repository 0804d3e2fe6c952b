import type { ReadLanguage } from './announcement.ts';
import { isStopword } from './stopwords.ts';
import type { Cue } from './lexicon/index.ts';
import type { CueKind } from './lexicon/kinds.ts';
import type { ClubMention, PlatformMention } from './mentions.ts';
import type { PhraseMatch } from './phrase-index.ts';
import type { Sentence, Token } from './tokenize.ts';

export type CueMatch = PhraseMatch<Cue>;

/**
 * German and Dutch put the verb second in a main clause and last in a subordinate one, with the
 * platform, the negation or the club far from it ("Op X is de club niet meer actief").
 */
export function verbSecond(lang: ReadLanguage): boolean {
  return lang === 'de' || lang === 'nl';
}

/** What a club mention is doing in its sentence, beyond being a possible subject. */
type ClubRole = 'plain' | 'against' | 'match' | 'unlike' | 'precedent' | 'including' | 'possessor' | 'modifier';

export interface SentenceInfo {
  index: number;
  /** The sentence as written: its text for evidence, whether it asks a question. */
  sentence: Sentence;
  tokens: Token[];
  lang: ReadLanguage;
  cues: CueMatch[];
  clubs: Array<ClubMention & { role: ClubRole }>;
  platforms: PlatformMention[];
  /** A clause boundary just before token i (";", ":", brackets, quotes, dashes). */
  hard: boolean[];
  /** A comma just before token i. */
  comma: boolean[];
  /** Cues ending at token i (exclusive end), by end index. */
  cuesEndingAt: Map<number, CueMatch[]>;
  /** Token i is an article or possessive ("le", "the", "seinen"). */
  article: boolean[];
  /** Catalog ids of leagues and federations. */
  leagueIds: ReadonlySet<string>;
  /** Where the first word for a person ("le défenseur", "the striker") stands, if any. */
  personAt: number | null;
  /** Its action cues, longest where several overlap, once asked for (see actionCues). */
  actionCues: CueMatch[] | null;
}

/**
 * A club mention with its role, its fields written out. Not `{ ...club, role }`: V8 gives each
 * object made by a spread followed by another property a hidden class of its own, and every
 * function reading the sentence's clubs then met thousands of classes (deoptimized, compiled
 * again, and slow lookups in between).
 */
function withRole(club: ClubMention, role: ClubRole): ClubMention & { role: ClubRole } {
  return { type: club.type, start: club.start, end: club.end, ids: club.ids, ambiguous: club.ambiguous, name: club.name, role };
}

const hardPunct = /[;:[\]—–]|\s-\s/;
const unlikePattern = /contrair|unlike|anders als|gegensatz|unterschied|diferencia|contrario|differenza|diversamente|diferentemente|inverse/;
const weekdaysMonths = new Set(
  ('monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december today tomorrow yesterday on now finally officially ' +
    'hoy ayer manana ahora finalmente oficialmente heute gestern morgen jetzt nun endlich offiziell aujourd hier demain maintenant enfin officiellement ' +
    'oggi ieri domani ora finalmente ufficialmente hoje ontem amanha agora oficialmente breaking update statement').split(' '),
);

export function analyseSentence(
  index: number,
  sentence: Sentence,
  tokens: Token[],
  lang: ReadLanguage,
  cues: CueMatch[],
  clubs: ClubMention[],
  platforms: PlatformMention[],
  leagueIds: ReadonlySet<string>,
): SentenceInfo {
  const hard = tokens.map((t, i) => i > 0 && t.before !== ' ' && hardPunct.test(t.before));
  const comma = tokens.map((t, i) => i > 0 && t.before !== ' ' && t.before.includes(','));
  const cuesEndingAt = new Map<number, CueMatch[]>();
  const article: boolean[] = [];
  for (const c of cues) {
    if (c.payload.kind === 'article' && c.end === c.start + 1) article[c.start] = true;
    const list = cuesEndingAt.get(c.end) ?? [];
    list.push(c);
    cuesEndingAt.set(c.end, list);
  }
  const person = cues.find((c) => c.payload.kind === 'person');
  const info: SentenceInfo = {
    index,
    sentence,
    tokens,
    lang,
    cues,
    clubs: [],
    platforms,
    hard,
    comma,
    cuesEndingAt,
    article,
    leagueIds,
    personAt: person ? person.start : null,
    actionCues: null,
  };
  info.clubs = clubs.map((c) => withRole(c, 'plain'));
  assignRoles(info);
  return info;
}

/** A sentence that says no action: only its clubs and platforms matter, for what comes after. */
export function contextOnly(
  index: number,
  sentence: Sentence,
  tokens: Token[],
  lang: ReadLanguage,
  clubs: ClubMention[],
  platforms: PlatformMention[],
  leagueIds: ReadonlySet<string>,
  personAt: number | null,
): SentenceInfo {
  return {
    index,
    sentence,
    tokens,
    lang,
    cues: [],
    clubs: clubs.map((c) => withRole(c, c.ids.length > 0 && leagueIds.has(c.ids[0] as string) ? 'modifier' : 'plain')),
    platforms,
    hard: [],
    comma: [],
    cuesEndingAt: new Map(),
    article: [],
    leagueIds,
    personAt,
    actionCues: null,
  };
}

function cueBefore(info: SentenceInfo, pos: number, kinds: ReadonlySet<CueKind>, reach = 2): CueMatch | undefined {
  for (let end = pos; end >= Math.max(0, pos - reach); end--) {
    const found = info.cuesEndingAt.get(end)?.find((c) => kinds.has(c.payload.kind));
    if (found) return found;
    const t = info.tokens[end - 1];
    if (t && !isArticle(info, end - 1)) return undefined;
  }
  return undefined;
}

function isPreposition(info: SentenceInfo, i: number): boolean {
  return (info.cuesEndingAt.get(i + 1) ?? []).some((c) => c.start === i && (c.payload.kind === 'loc' || c.payload.kind === 'from' || c.payload.kind === 'to'));
}

export function isArticle(info: SentenceInfo, i: number): boolean {
  return info.article[i] === true;
}

const K = (...k: CueKind[]): ReadonlySet<CueKind> => new Set(k);
const againstK = K('against');
const contrastK = K('contrast');
const precedentK = K('precedent');
const includingK = K('including');
const personK = K('person');
const fromK = K('from');

function assignRoles(info: SentenceInfo): void {
  const { clubs, tokens } = info;
  clubs.forEach((club, n) => {
    const prevClub = clubs[n - 1];
    // Lists ("St. Pauli, Werder et Fribourg") share the role of their first member.
    if (prevClub && isCoordinated(info, prevClub.end, club.start, clubs[n + 1]?.start) && prevClub.role !== 'plain' && (prevClub.role !== 'possessor' || info.comma[club.start] || info.comma[prevClub.start])) {
      // "l'ex centravanti di Monaco, Arsenal, Juventus e Barcellona": a list after "of" goes on describing the person.
      club.role = prevClub.role;
      return;
    }
    if (cueBefore(info, club.start, againstK, 3)) club.role = 'against';
    else if (cueBefore(info, club.start, contrastK, 3)?.payload.phrase.match(unlikePattern)) club.role = 'unlike';
    else if (cueBefore(info, club.start, precedentK, 3)) club.role = 'precedent';
    else if (cueBefore(info, club.start, includingK, 3)) club.role = 'including';
    else {
      const from = cueBefore(info, club.start, fromK, 2);
      if (from && cueBefore(info, from.start, personK, 1)) club.role = 'possessor';
      const after = info.cues.find((c) => c.payload.kind === 'person' && c.start >= club.end && c.start <= club.end + 1);
      if (after && !info.comma[after.start]) club.role = 'possessor';
      // "Carles Aleñá, futbolista del Barça cedido al Betis, ha tenido que…": an apposition about a person.
      let segment = club.start;
      while (segment > 0 && !info.comma[segment] && !info.hard[segment]) segment--;
      if (info.comma[segment] && info.cues.some((c) => c.payload.kind === 'person' && c.start >= segment && c.start <= segment + 1 && c.end <= club.start)) club.role = 'possessor';
    }
    // "le club de Ligue 2", "the National League club", "der Bundesliga-Klub": a league that describes a club.
    if (club.ids.length > 0 && info.leagueIds.has(club.ids[0] as string)) {
      const nearNoun = info.cues.some((c) => c.payload.kind === 'anaphor' && ((c.end <= club.start && c.end >= club.start - 2) || (c.start >= club.end && c.start <= club.end + 1)));
      const inPrep = cueBefore(info, club.start, K('from', 'loc'), 1) !== undefined;
      // "Bundesliga side St Pauli", "Premier League champions Manchester City": the club after it is the one meant.
      const beforeClub = clubs.some((other) => other !== club && other.start >= club.end && other.start <= club.end + 2 && !info.comma[other.start]);
      if (nearNoun || inPrep || beforeClub || oneOfALeague(tokens, club.start, info.lang)) club.role = 'modifier';
    }
    // A score next to it ("OM 2-1 Lyon") makes it a match report, not a subject.
    const next = tokens[club.end];
    if (next && /^\d+$/.test(next.folded) && tokens[club.end + 1] && /^\d+$/.test(tokens[club.end + 1]?.folded ?? '')) club.role = 'match';
    // "Athletic Bilbao-Real Sociedad", "OM - PSG": two clubs joined by a dash are a match.
    const other = clubs[n + 1];
    if (other && other.start === club.end && /^\s*[-–—]\s*$/.test(tokens[other.start]?.before ?? '')) {
      club.role = 'match';
      other.role = 'match';
    }
  });
}

/** Joined by "and", "et", "und", a comma, "&" or a slash, with at most an article between. */
export function isCoordinated(info: SentenceInfo, leftEnd: number, rightStart: number, nextStart?: number): boolean {
  if (rightStart < leftEnd) return false;
  const gap = rightStart - leftEnd;
  if (gap === 0) {
    const sep = info.tokens[rightStart]?.before ?? '';
    if (/^\s*[&/+]\s*$/.test(sep)) return true;
    // A comma lists only when the list goes on ("St. Pauli, Werder und Freiburg").
    return /^\s*,\s*$/.test(sep) && nextStart !== undefined && nextStart >= rightStart;
  }
  if (gap > 3) return false;
  const conj = info.cues.find((c) => c.payload.kind === 'conj' && c.start === leftEnd);
  if (conj === undefined) {
    if (!info.comma[leftEnd] || nextStart === undefined) return false;
    for (let i = leftEnd; i < rightStart; i++) if (!isArticle(info, i) && !isPreposition(info, i)) return false;
    return true;
  }
  for (let i = conj.end; i < rightStart; i++) if (!isArticle(info, i) && !isPreposition(info, i)) return false;
  return true;
}

/** The platforms an action cue talks about, nearest first, with those listed alongside. */
export function platformArguments(
  info: SentenceInfo,
  cue: CueMatch,
  opts: { medium: boolean },
): PlatformMention[] {
  const { platforms } = info;
  const listed = cueStartingIn(info, 'including', cue.end, cue.end + 6) !== undefined;
  const carriesClub = cue.payload.noun && clubStartingIn(info, cue.end, cue.end + 1);
  // "a lancé son compte officiel sur le réseau social Weibo": the platform comes after the account it names.
  const account = cue.payload.noun ? undefined : cueStartingIn(info, 'account', cue.end, cue.end + 3);
  const maxAfter = cue.payload.noun ? (carriesClub ? 6 : 3) : Math.max(listed ? 9 : 6, account ? account.end - cue.end + 7 : 0);
  let best: PlatformMention | undefined;
  let bestGap = Infinity;
  for (const p of platforms) {
    let gap: number;
    let lo: number;
    let hi: number;
    if (p.start >= cue.end) {
      gap = p.start - cue.end;
      if (gap > maxAfter) continue;
      lo = cue.end;
      hi = p.start;
    } else if (p.end <= cue.start) {
      gap = cue.start - p.end;
      // "Auf X will der FC Bayern aktiv bleiben": German and Dutch put the platform first and the verb last.
      const fronted = verbSecond(info.lang) && p.start <= 1 && !cue.payload.noun;
      // A noun takes its platform after it ("départ de X") or glued before it ("X-Rückzug").
      if (gap > (cue.payload.noun ? 0 : fronted ? 9 : 3)) continue;
      gap += 1.5;
      lo = p.end;
      hi = cue.start;
    } else if (p.start >= cue.start && p.end <= cue.end) {
      gap = 0;
      lo = p.start;
      hi = p.start;
    } else continue;
    const frontedClub = verbSecond(info.lang) && p.end <= cue.start && p.start <= 1;
    if (!gapIsClean(info, lo, hi, p.end <= cue.start, cue.payload.noun, frontedClub)) continue;
    if (!opts.medium && p.start >= cue.end && isMedium(info, cue.end, p.start)) continue;
    if (gap < bestGap) {
      best = p;
      bestGap = gap;
    }
  }
  if (!best) return [];
  const out = [best];
  let last = best;
  for (const p of platforms) {
    if (p.start <= last.start) continue;
    if (!isCoordinated(info, last.end, p.start, p.start)) break;
    out.push(p);
    last = p;
  }
  return out;
}

/** Contrast words that start a new clause; "toutefois", "however" do not. */
const clauseJoiners = new Set([
  'but', 'while', 'whereas', 'mais', 'alors que', 'tandis que', 'aber', 'wahrend', 'sondern', 'pero', 'mientras', 'mientras que',
  'ma', 'mentre', 'mas', 'enquanto', 'yet', 'despite', 'in spite of', 'although', 'though', 'malgre', 'bien que', 'trotz', 'obwohl',
  'pese a', 'pese al', 'a pesar de', 'aunque', 'nonostante', 'malgrado', 'anche se', 'apesar de', 'apesar do', 'apesar da', 'embora',
  'au profit de', 'au profit d', 'au profit du', 'in favour of', 'in favor of', 'zugunsten', 'en favor de', 'a favor de', 'a favore di',
  'in favore di', 'em favor de', 'em favor do',
]);

/** Between tokens lo (first after the left item) and hi (first of the right item). */
function gapIsClean(info: SentenceInfo, lo: number, hi: number, before: boolean, noun = false, fronted = false): boolean {
  for (let i = lo; i <= hi && i < info.tokens.length; i++) if (info.hard[i]) return false;
  // "verließ der FC St. Pauli die Plattform X", "abandona el Sevilla X": the subject after the verb.
  const inverted = !before && (noun || (info.lang !== 'en' && info.lang !== 'fr'));
  if (before) for (let i = lo; i <= hi && i < info.tokens.length; i++) if (info.comma[i]) return false;
  for (const c of info.clubs) if (c.start >= lo && c.end <= hi && !(inverted && c.start <= lo + 1 && c.role === 'plain') && !(fronted && c.role === 'plain')) return false;
  for (const c of info.cues) {
    if (c.start >= lo && c.end <= hi && (isActionish(c.payload.kind) || (c.payload.kind === 'contrast' && clauseJoiners.has(c.payload.phrase)) || (before && c.payload.kind === 'conj'))) return false;
  }
  return true;
}

/** The first cue of a kind starting between lo and hi (inclusive). */
function cueStartingIn(info: SentenceInfo, kind: CueKind, lo: number, hi: number): CueMatch | undefined {
  for (const c of info.cues) if (c.payload.kind === kind && c.start >= lo && c.start <= hi) return c;
  return undefined;
}

function clubStartingIn(info: SentenceInfo, lo: number, hi: number): boolean {
  for (const c of info.clubs) if (c.start >= lo && c.start <= hi) return true;
  return false;
}

function isActionish(kind: CueKind): boolean {
  return kind === 'leave' || kind === 'join' || kind === 'return' || kind === 'delete' || kind === 'migrate' || kind === 'stay';
}

/** "announced on X", "sur X", "auf X": the platform is where it was said, not what is left. */
function isMedium(info: SentenceInfo, from: number, platformStart: number): boolean {
  // "ne sera plus présent sur X": the preposition belongs to the cue.
  if (platformStart === from) return false;
  let prevLoc = false;
  for (const c of info.cues) if (c.payload.kind === 'loc' && (c.end === platformStart || (c.end === platformStart - 1 && isArticle(info, platformStart - 1)))) prevLoc = true;
  if (!prevLoc) return false;
  for (const c of info.cues) if (c.payload.kind === 'account' && c.start >= from && c.end <= platformStart) return false;
  return true;
}

/** Names written with a capital that no list knows: a person or a team out of the catalog. */
export function isUnknownName(info: SentenceInfo, i: number): boolean {
  const t = info.tokens[i];
  if (!t || !t.cap || isCovered(info, i) || isStopword(t.folded) || weekdaysMonths.has(t.folded)) return false;
  if (info.lang === 'de') return false;
  if (info.cues.some((c) => c.end === i && (c.payload.kind === 'from' || c.payload.kind === 'loc'))) return false;
  return t.folded.length > 1;
}


/** Token i is part of a cue, a platform or a club the sentence names. */
export function isCovered(info: SentenceInfo, i: number): boolean {
  for (const c of info.cues) if (c.start <= i && i < c.end) return true;
  for (const p of info.platforms) if (p.start <= i && i < p.end) return true;
  for (const c of info.clubs) if (c.start <= i && i < c.end) return true;
  return false;
}

/** Words of suspending, barring or blocking: what a platform does to an account as often as a club does to itself. */
const suspensionStem = /^(?:suspen|sospe|sperr|gesperr|bloq|bloc|block|bann|banni)/;

/**
 * "son compte Twitter suspendu", "the official Twitter account was suspended", "la cuenta fue
 * suspendida": an account word just before a word of suspending is what was done to the account,
 * most often by the platform, not a pause the club chose.
 */
export function accountSuspended(info: SentenceInfo, cue: CueMatch): boolean {
  if (!suspensionStem.test(cue.payload.phrase)) return false;
  for (const c of info.cues) if (c.payload.kind === 'account' && c.end <= cue.start && c.end >= cue.start - 3) return true;
  return false;
}

/** "Another Bundesliga have quit X", "un autre club de Ligue 1": a league after "another" or "a" stands for one of its clubs. */
const oneOfWords: Record<ReadLanguage, ReadonlySet<string>> = {
  en: new Set(['another', 'a', 'an', 'one']),
  fr: new Set(['un', 'une', 'autre']),
  de: new Set(['ein', 'eine', 'einer', 'weiterer', 'weitere', 'andere', 'anderer']),
  es: new Set(['un', 'una', 'otro', 'otra']),
  it: new Set(['un', 'una', 'altro', 'altra']),
  pt: new Set(['um', 'uma', 'outro', 'outra']),
  nl: new Set(['een', 'nog', 'andere']),
};

function oneOfALeague(tokens: readonly Token[], start: number, lang: ReadLanguage): boolean {
  const before = tokens[start - 1];
  return before !== undefined && oneOfWords[lang].has(before.folded) && !/[.,;:!?]/.test(tokens[start]?.before ?? '');
}
