import { accountFor, accountsOfPersons } from './account-words.ts';
import type { Action, ClubRef, Platform } from './announcement.ts';
import { clubKey, type Features, type ItemFacts, occurrenceFeatures } from './features.ts';
import { emptySummary, noteAction, type SentenceSummary, switchCueNear } from './cooccurrence.ts';
import { clubRef, type ItemContext } from './item-context.ts';
import type { CueKind } from './lexicon/kinds.ts';
import type { ClubMention, PlatformMention } from './mentions.ts';
import { actionCues, finalAction, type Modifiers, modifiers, quote } from './modality.ts';
import { crossesHard, hasPlatform, type PlatformChoice, platformChoices } from './occurrence-platforms.ts';
import { actionWeight } from './weights.ts';
import { accountSuspended, type CueMatch, platformArguments, type SentenceInfo, verbSecond } from './sentence.ts';
import { findSubject, type Subject } from './subject.ts';
import { statedYear, yearWithin } from './stated-year.ts';

/**
 * The generous stage: every (club, platform, action) that an action word could be about, within
 * its sentence or the one before, each with the facts a scorer weighs. Nothing is decided here.
 */
const actionOf: Partial<Record<CueKind, Action>> = { leave: 'leave', stay: 'stay', join: 'join', pause: 'pause', return: 'return', delete: 'delete' };

export interface Occurrence {
  club: ClubRef;
  platform: Platform;
  action: Action;
  f: Partial<Features>;
  info: SentenceInfo;
  cue: string;
  /** For a join, the year the sentence gives it, else null. */
  year: number | null;
}

/** "instead", "stattdessen": a club that goes somewhere instead leaves where it was. */
const insteadWords: Record<string, string> = { en: 'instead', de: 'stattdessen', it: 'invece', es: 'lugar', fr: 'place', pt: 'vez' };

/**
 * A club right after a leaving word ("saída do Flamengo", "quitte le PSG") is what someone leaves; German and
 * Dutch verbs put the subject after them ("verlässt der HSV X"), so there only a noun ("Abschied vom") says so.
 */
function leavesClub(info: SentenceInfo, cue: CueMatch): boolean {
  if (verbSecond(info.lang) && !cue.payload.noun) return false;
  const at = info.article[cue.end] === true ? cue.end + 1 : cue.end;
  if (/[:(]/.test(info.tokens[at]?.before ?? '')) return false;
  return info.clubs.some((m) => m.start === at && m.role === 'plain' && !info.platforms.some((p) => p.start >= cue.end && p.end <= m.start));
}

interface ClubChoice {
  ref: ClubRef;
  f: Partial<Features>;
}

function addClub(out: ClubChoice[], seen: Set<string>, ref: ClubRef | null, f: Partial<Features>): void {
  if (!ref) return;
  const k = clubKey(ref);
  if (seen.has(k)) return;
  seen.add(k);
  out.push({ ref, f });
}

function nearness(m: ClubMention, cue: CueMatch): number {
  const d = m.end <= cue.start ? cue.start - m.end : m.start >= cue.end ? m.start - cue.end : 0;
  return 1 / (1 + d / 4);
}

/** The clubs a sentence names that could act, with the subject the rules found. */
function clubChoices(ctx: ItemContext, info: SentenceInfo, cue: CueMatch, subject: Subject): ClubChoice[] {
  const out: ClubChoice[] = [];
  const seen = new Set<string>();
  if (subject.kind === 'club') {
    for (const m of subject.clubs) addClub(out, seen, clubRef(ctx.catalog, m), { c_subject: 1, c_sentence: 1, c_before_cue: m.end <= cue.start ? 1 : 0, c_near: nearness(m, cue) });
  }
  const personSubject = subject.kind === 'person' ? 1 : 0;
  const genericSubject = subject.kind === 'generic' ? 1 : 0;
  for (const m of info.clubs) {
    // "Red Star quitte X ; l'OM ne suivra pas": a club in another clause is not this verb's, unless a
    // colon or bracket after the verb opens the list of those who did ("hanno aderito: Ascoli, Ternana").
    const listed = m.start >= cue.end && opensList(info, cue.end, m.start);
    if (!listed && crossesHard(info, Math.min(m.end, cue.end), Math.max(m.start, cue.start))) continue;
    const role = m.role;
    // "Flamengo x Corinthians", "OM 2-1 Lyon", "Athletic Bilbao-Real Sociedad": a match, no club acting.
    if (role === 'match') continue;
    addClub(out, seen, clubRef(ctx.catalog, m), {
      c_sentence: 1,
      c_before_cue: m.end <= cue.start ? 1 : 0,
      c_near: nearness(m, cue),
      c_precedent: role === 'precedent' ? 1 : 0,
      c_including: role === 'including' ? 1 : 0,
      c_against: role === 'against' || role === 'unlike' ? 1 : 0,
      c_possessor: role === 'possessor' || role === 'modifier' ? 1 : 0,
      c_person_subject: personSubject,
      c_generic_subject: genericSubject,
      c_listed: listed ? 1 : 0,
    });
  }
  if (subject.kind === 'context' || out.length === 0) {
    const context = ctx.authorClubId
      ? [{ id: ctx.authorClubId, name: ctx.catalog.byId(ctx.authorClubId)?.name ?? ctx.authorClubId }]
      : ctx.lastSubjects.length > 0
        ? ctx.lastSubjects
        : ctx.topic
          ? [ctx.topic]
          : [];
    for (const ref of context) addClub(out, seen, ref, { c_context: 1, c_person_subject: personSubject, c_generic_subject: genericSubject });
  }
  return out;
}

/** What every action word of one sentence is read against, worked out once for the sentence. */
interface SentenceScope {
  ctx: ItemContext;
  info: SentenceInfo;
  neighbours: SentenceInfo[];
  facts: ItemFacts;
  lastPlatforms: Platform[];
  blocked: number;
  embed: string | null | undefined;
  insteadSaid: boolean;
  out: Occurrence[];
  summary: SentenceSummary;
}

/**
 * Every occurrence of an action word in one sentence, as candidate triples, and what the sentence
 * names and says for the item-wide candidates. Each action word is read by small functions: V8
 * compiles a large one in time that grows faster than its size, and again whole after each failed guess.
 */
export function sentenceOccurrences(ctx: ItemContext, infos: readonly SentenceInfo[], at: number, facts: ItemFacts, lastPlatforms: Platform[]): { occurrences: Occurrence[]; summary: SentenceSummary } {
  const info = infos[at] as SentenceInfo;
  const neighbours: SentenceInfo[] = [];
  if (infos[at - 1] !== undefined) neighbours.push(infos[at - 1] as SentenceInfo);
  if (infos[at + 1] !== undefined) neighbours.push(infos[at + 1] as SentenceInfo);
  const scope: SentenceScope = {
    ctx,
    info,
    neighbours,
    facts,
    lastPlatforms,
    blocked: hasBlocker(info) ? 1 : 0,
    embed: facts.embedAuthor.get(info.index),
    insteadSaid: hasWord(info.tokens, 0, info.tokens.length, insteadWords[info.lang]),
    out: [],
    summary: emptySummary(ctx, info),
  };
  for (const cue of actionCues(info)) cueOccurrences(scope, cue);
  return { occurrences: scope.out, summary: scope.summary };
}

function hasBlocker(info: SentenceInfo): boolean {
  for (const c of info.cues) if (c.payload.kind === 'hack' || c.payload.kind === 'fake' || c.payload.kind === 'nocomment') return true;
  return false;
}

function hasWord(tokens: SentenceInfo['tokens'], from: number, to: number, word: string | undefined): boolean {
  const end = Math.min(to, tokens.length);
  for (let i = from; i < end; i++) if ((tokens[i] as SentenceInfo['tokens'][number]).folded === word) return true;
  return false;
}

/**
 * "comme la plupart de ceux qui ont choisi de passer sur l'autre plate-forme", "like those who moved
 * to Bluesky": a group named by what it did is others doing it, not a move the item tells of a club.
 */
const doersOfIt = new Set([
  'ceux qui', 'celles qui', 'tous ceux qui', 'la plupart de ceux qui', 'those who', 'those that', 'all those who', 'most of those who',
  'quienes', 'aquellos que', 'aquellas que', 'todos los que', 'coloro che', 'quelli che', 'aqueles que', 'aquelas que', 'todos os que',
  'diejenigen', 'all jene', 'degenen die', 'zij die',
]);

function cueOccurrences(s: SentenceScope, cue: CueMatch): void {
  const { ctx, info } = s;
  const kind = cue.payload.kind;
  let base: Action | undefined = actionOf[kind];
  if (kind === 'migrate') base = 'join';
  if (kind === 'follow') base = ctx.lastAction?.action;
  const strict = kind === 'migrate' ? firstPlatformAfter(info, cue.end, 8) : platformArguments(info, cue, { medium: kind !== 'leave' && kind !== 'delete' });
  let argEnd = cue.end;
  for (const p of strict) if (p.end > argEnd) argEnd = p.end;
  const mods = modifiers(info, cue, argEnd);
  let decided = finalAction(kind === 'follow' || kind === 'migrate' ? (base ?? 'leave') : kind, mods.kinds);
  // "kommuniziert stattdessen über Bluesky", "posts instead on Bluesky": using one platform instead of another is moving to it.
  const instead = s.insteadSaid && hasWord(info.tokens, Math.max(0, cue.start - 3), argEnd + 3, insteadWords[info.lang]);
  if (kind === 'use' && instead && !('action' in decided) && !mods.kinds.has('modal') && !mods.kinds.has('neg') && !mods.kinds.has('undecided')) decided = { action: 'join', weight: actionWeight.startedUse };
  const f = cueFeatures(info, cue, kind, mods, s.blocked);
  // "le départ de son attaquant", "joins Real Madrid": the one moving is a person, not the club.
  if (f.cue_object_person && (base === 'leave' || base === 'join' || base === 'return' || base === 'delete')) return;
  // "son compte Twitter suspendu": done to the account, not chosen by the club.
  if (kind === 'pause' && accountSuspended(info, cue)) return;
  // "ha sospeso la stagione", "suspends the season": a competition paused, not an account.
  if (kind === 'pause' && pausesACompetition(info, cue)) return;
  // "está de saída do Flamengo", "sa sortie du PSG", "ha lasciato la Roma": someone leaves the club.
  if (kind === 'leave' && leavesClub(info, cue)) return;
  // Considered, asked for, denied or undecided: the rules' reading of modality stands.
  if (!('action' in decided)) {
    // "L'OM ouvrirait un compte sur Weibo", "n'a pas ouvert de compte": the club and the platform are not named together bare.
    if (mods.kinds.has('modal') || mods.kinds.has('neg') || mods.kinds.has('undecided')) s.summary.undecided = true;
    return;
  }
  const action = decided.action;
  if (base && action !== base) f.neg_flipped = 1;
  // "a new series", "opens the season": these words mean joining only next to "account" or "page".
  if (cue.payload.needsAccount && !accountFor(info, cue, cue.start - 3, argEnd + 4)) return;
  const platformSet = platformChoices({ ctx, info, cue, kind, action, strict, neighbours: s.neighbours, facts: s.facts, lastPlatforms: s.lastPlatforms });
  const subject = findSubject(info, cue, argEnd);
  // What the item-wide candidates count as said: a club's own decision, asked and answered.
  if (!s.blocked && !info.sentence.question && !f.cue_object_person && subject.kind !== 'person' && !(subject.kind === 'generic' && doersOfIt.has(subject.text))) noteAction(s.summary, ctx, info, cue.start, action);
  const clubs = clubChoices(ctx, info, cue, subject);
  // Clubs named next door, when this sentence names none: only from sentences that say no action of their own.
  if (info.clubs.length === 0) addNeighbourClubs(clubs, ctx, s.neighbours);
  const cueText = `${kind} "${quote(info, cue)}"`;
  // "bleibt auf Platz sieben": staying says nothing of a platform the sentence does not name.
  const named = action === 'stay' ? platformSet.filter((p) => p.f.p_sentence) : platformSet;
  const from = kind === 'migrate' ? migratedFrom(info, cue) : undefined;
  // "optó por cambiar de plataforma, eligiendo Bluesky", "to post instead on Bluesky": the club
  // leaves the platform the item is about.
  const switched = kind === 'migrate' || (action === 'join' && s.insteadSaid);
  const left = switched && !from ? firstUnnamed(s.facts.platformsByCount, named) : undefined;
  const switching = action === 'leave' && hasStrictOrigin(platformSet);
  // The year a join is given: looked for only where a join is read.
  const year = action === 'join' || named.some((p) => p.target) ? statedYear(info, cue, argEnd, mods.dated) : null;
  for (const c of clubs) {
    const embedOther = s.embed !== undefined && (s.embed === null || c.ref.id !== s.embed) ? 1 : 0;
    for (const p of named) {
      const joined = p.target ? 'join' : action;
      s.out.push({ club: c.ref, platform: p.platform, action: joined, f: occurrenceFeatures(f, c.f, p.f, { embed_other: embedOther }), info, cue: cueText, year: joined === 'join' ? year : null });
    }
    // "verlässt X ... setzt die Posts auf Bluesky fort", "leaves X, now on Bluesky": where the club goes.
    if (switching) {
      const key = clubKey(c.ref);
      addSwitches(s, cue, c, f, platformSet, info, 1, embedOther, key, cueText);
      for (const n of s.neighbours) addSwitches(s, cue, c, f, platformSet, n, 0.5, embedOther, key, cueText);
    }
    if (from) s.out.push({ club: c.ref, platform: from.platform, action: 'leave', f: occurrenceFeatures(f, c.f, { p_sentence: 1, p_near: 1, embed_other: embedOther }), info, cue: cueText, year: null });
    if (left) s.out.push({ club: c.ref, platform: left, action: 'leave', f: occurrenceFeatures(f, c.f, { p_context: 1, switch_from: 1, embed_other: embedOther }), info, cue: cueText, year: null });
  }
}

/** The facts of one action word, the same for every club and platform it may be about. */
function cueFeatures(info: SentenceInfo, cue: CueMatch, kind: CueKind, mods: Modifiers, blocked: number): Partial<Features> {
  return {
    cue_use: kind === 'use' ? 1 : 0,
    cue_follow: kind === 'follow' ? 1 : 0,
    cue_migrate: kind === 'migrate' ? 1 : 0,
    cue_noun: cue.payload.noun ? 1 : 0,
    report: mods.kinds.has('report') ? 1 : 0,
    question: info.sentence.question ? 1 : 0,
    // "Arsenal top the table with 2.5m followers, followed by Chelsea", "suivi par 105 000 personnes": a ranking, not a club following suit.
    blocked: blocked || (kind === 'follow' && statesCounts(info)) ? 1 : 0,
    headline: info.index === 0 ? 1 : 0,
    early: info.index <= 2 ? 1 : 0,
    cue_account: cue.payload.needsAccount ? 1 : 0,
    // "le départ de son attaquant", "leaves the club": the one leaving is a person, not the club.
    cue_object_person: objectPersonAfter(info, cue) ? 1 : 0,
    // "joined in May 2008", "seit 2013 aktiv": a move of long ago.
    cue_year: yearWithin(info, Math.max(0, cue.start - 4), cue.end + 5) ? 1 : 0,
    also: hasAlso(info) ? 1 : 0,
    cue_dated: mods.dated ? 1 : 0,
    neg_flipped: 0,
  };
}

/** Seasons and competitions, which a league suspends as a matter of sport. */
const competitionWords = new Set(['season', 'saison', 'stagione', 'temporada', 'championship', 'championnat', 'campionato', 'campeonato', 'meisterschaft', 'spielbetrieb', 'seizoen', 'competitie']);

function pausesACompetition(info: SentenceInfo, cue: CueMatch): boolean {
  for (let i = cue.end; i < Math.min(info.tokens.length, cue.end + 3); i++) if (competitionWords.has((info.tokens[i] as SentenceInfo['tokens'][number]).folded)) return true;
  return false;
}

function objectPersonAfter(info: SentenceInfo, cue: CueMatch): boolean {
  for (const c of info.cues) if ((c.payload.kind === 'person' || c.payload.kind === 'post') && c.start >= cue.end && c.start <= cue.end + 3) return true;
  return accountsOfPersons(info, cue);
}

function hasAlso(info: SentenceInfo): boolean {
  for (const c of info.cues) if (c.payload.kind === 'also') return true;
  return false;
}

/** The first platform starting within `reach` words after `end`, as a list of at most one. */
function firstPlatformAfter(info: SentenceInfo, end: number, reach: number): PlatformMention[] {
  for (const p of info.platforms) if (p.start >= end && p.start <= end + reach) return [p];
  return [];
}

/** "wechselt von X zu Bluesky": the platform named just before a moving word, left. */
function migratedFrom(info: SentenceInfo, cue: CueMatch): PlatformMention | undefined {
  let found: PlatformMention | undefined;
  for (const p of info.platforms) if (p.end <= cue.start && p.end >= cue.start - 6) found = p;
  return found;
}

function firstUnnamed(platforms: readonly Platform[], named: readonly PlatformChoice[]): Platform | undefined {
  for (const p of platforms) if (!hasPlatform(named, p)) return p;
  return undefined;
}

function hasStrictOrigin(set: readonly PlatformChoice[]): boolean {
  for (const x of set) if (!x.target && x.f.p_strict) return true;
  return false;
}

function addNeighbourClubs(clubs: ClubChoice[], ctx: ItemContext, neighbours: readonly SentenceInfo[]): void {
  for (const n of neighbours) {
    if (actionCues(n).length > 0) continue;
    for (const m of n.clubs) {
      const ref = clubRef(ctx.catalog, m);
      if (ref && !clubs.some((c) => clubKey(c.ref) === clubKey(ref))) clubs.push({ ref, f: { c_neighbour: 1 } });
    }
  }
}

/** The platforms of sentence `n` that a club leaving one platform goes to, by the words around them. */
function addSwitches(s: SentenceScope, cue: CueMatch, c: ClubChoice, f: Partial<Features>, platformSet: readonly PlatformChoice[], n: SentenceInfo, where: number, embedOther: number, key: string, cueText: string): void {
  const { info } = s;
  for (const p of n.platforms) {
    if (isOrigin(platformSet, p.platform) || joinedAlready(s.out, info, p.platform, key)) continue;
    if (!switchCueNear(n, p.start, p.end) || (n === info && crossesHard(info, Math.min(p.end, cue.end), Math.max(p.start, cue.start)))) continue;
    s.out.push({ club: c.ref, platform: p.platform, action: 'join', f: occurrenceFeatures(f, c.f, { p_sentence: where === 1 ? 1 : 0, p_neighbour: where === 1 ? 0 : 1, switch_to: where, embed_other: embedOther }), info, cue: cueText, year: null });
  }
}

function isOrigin(set: readonly PlatformChoice[], platform: Platform): boolean {
  for (const x of set) if (x.platform === platform && !x.target) return true;
  return false;
}

function joinedAlready(out: readonly Occurrence[], info: SentenceInfo, platform: Platform, key: string): boolean {
  for (const o of out) if (o.info === info && o.platform === platform && o.action === 'join' && clubKey(o.club) === key) return true;
  return false;
}

const countWords = new Set(
  'm k million millions mio millionen milioni millones milhoes milhao followers follower abonnes abonnenten iscritti seguidores seguaci personnes persone pessoas personas fans likes subscribers'.split(' '),
);

/** Follower counts: a number with "millions", "followers", "abonnés" after it, or a figure of five digits or more. */
function statesCounts(info: SentenceInfo): boolean {
  return info.tokens.some((t, i) => {
    if (!/^\d/.test(t.folded)) return false;
    if (/^\d{5,}$/.test(t.folded) || /^\d+(?:[.,]\d+)?[mk]$/.test(t.folded)) return true;
    return [1, 2, 3].some((d) => countWords.has(info.tokens[i + d]?.folded ?? ''));
  });
}

/**
 * A colon or an opening bracket between `from` and `to`, and no other break: brackets opened and
 * closed inside, as handles after names ("Inter (@inter), AS Roma (@asroma)"), do not end the list.
 */
function opensList(info: SentenceInfo, from: number, to: number): boolean {
  let opened = false;
  let depth = 0;
  for (let i = from + 1; i <= to; i++) {
    const before = info.tokens[i]?.before ?? '';
    if (before.includes(')')) {
      if (depth === 0) return false;
      depth--;
    }
    if (before.includes('(')) {
      if (opened) depth++;
      opened = true;
    } else if (before.includes(':')) opened = true;
    else if (/[;[\]—–]|\s-\s/.test(before)) return false;
  }
  return opened;
}
