import { accountFor, accountsOfPersons } from './account-words.ts';
import type { Action, ClubRef, Explanation, Platform } from './announcement.ts';
import { clubRef, type ItemContext } from './item-context.ts';
import { actionCueKinds, actionCues, finalAction, type Modifiers, modifiers, quote } from './modality.ts';
import type { CueKind } from './lexicon/kinds.ts';
import { anaphorPlatform, lastPlatformBefore, platformAnaphorAfter, platformAnaphorBefore } from './occurrence-platforms.ts';
import type { PlatformMention } from './mentions.ts';
import { accountSuspended, type CueMatch, platformArguments, type SentenceInfo, verbSecond } from './sentence.ts';
import { findSubject, type Subject } from './subject.ts';
import { discount, subjectWeight } from './weights.ts';

export interface Decision {
  club: ClubRef;
  platform: Platform;
  action: Action;
  confidence: number;
  cues: string[];
}

const closeVerb = /^(?:ferm|clos|cierr|cerr|chiud|fech|encerr|schliess|geschlossen)/;
const forGood = new Set(['definitivement', 'definitivamente', 'permanently', 'endgultig', 'definitiv', 'definitively', 'for good']);
const swapWords = /^(?:swap|swaps|swapped|swapping|trade|trades|traded|troque|troca|trocou|trocar|cambia|cambio|tauscht|ersetzt|sustituye|reemplaza|sostituisce|substitui)$/;


const ownWords = new Set(['seinen', 'seine', 'seinem', 'ihren', 'ihre', 'son', 'sa', 'its', 'their', 'su', 'suo', 'sua', 'seu']);

function possessiveBefore(info: SentenceInfo, i: number): boolean {
  return ownWords.has(info.tokens[i - 1]?.folded ?? '');
}

/** The platform a bare "leave" or "stay" refers to: the last one acted on, else the last one named. */
function bareTarget(ctx: ItemContext, info: SentenceInfo, cue: CueMatch): Platform[] | null {
  if (ctx.lastAction?.action === 'leave' || ctx.lastAction?.action === 'stay') return ctx.lastAction.platforms;
  const named = info.platforms.filter((p) => p.end <= cue.start).pop()?.platform ?? ctx.lastPlatform;
  return named ? [named] : null;
}

function endsClause(info: SentenceInfo, end: number): boolean {
  const next = info.tokens[end];
  if (!next) return true;
  return info.comma[end] || info.hard[end] || info.cues.some((c) => c.start === end && (c.payload.kind === 'temp' || c.payload.kind === 'continue'));
}



function accountNear(info: SentenceInfo, lo: number, hi: number): boolean {
  return info.cues.some((c) => c.payload.kind === 'account' && c.start >= lo && c.end <= hi);
}

function postNear(info: SentenceInfo, lo: number, hi: number): boolean {
  return info.cues.some((c) => c.payload.kind === 'post' && c.start >= lo && c.end <= hi);
}

/** The announcements one sentence makes, given what the item said before. */
export function decideSentence(ctx: ItemContext, info: SentenceInfo, rejected: Explanation['rejected'] | null): Decision[] {
  const out: Decision[] = [];
  const cues = actionCues(info);
  if (cues.length === 0) return out;
  if (info.sentence.question) {
    rejected?.push({ text: info.sentence.text, reason: 'a question, not an announcement' });
    return out;
  }
  const blocker = info.cues.find((c) => c.payload.kind === 'hack' || c.payload.kind === 'fake' || c.payload.kind === 'nocomment');
  if (blocker) {
    const why = { hack: 'hacked account', fake: 'fake or unofficial account', nocomment: 'no comment given' }[blocker.payload.kind as 'hack' | 'fake' | 'nocomment'];
    rejected?.push({ text: info.sentence.text, reason: `${why} ("${quote(info, blocker)}")` });
    return out;
  }
  // Each action word is read by small functions: V8 compiles a large one in time that grows faster
  // than its size, and again whole when a rare branch is first taken.
  for (const cue of cues) decideCue({ ctx, info, out, rejected }, cue);
  return out;
}

/** What every action word of one sentence is decided with. */
interface SentenceDecisions {
  ctx: ItemContext;
  info: SentenceInfo;
  /** The decisions so far, this word's added to them. */
  out: Decision[];
  rejected: Explanation['rejected'] | null;
}

interface CuePlatforms {
  platforms: PlatformMention[];
  migrateLeave: PlatformMention[];
}

/** What the word takes: the platforms it acts on, and for a move the one it leaves; null when a move names none. */
function cuePlatforms(info: SentenceInfo, cue: CueMatch, kind: CueKind): CuePlatforms | null {
  if (kind !== 'migrate') return { platforms: platformArguments(info, cue, { medium: kind !== 'leave' && kind !== 'delete' }), migrateLeave: [] };
  const after = info.platforms.filter((p) => p.start >= cue.end && p.start <= cue.end + 8);
  const first = after[0];
  if (!first) return null;
  const fromFirst = info.cues.some((c) => c.payload.kind === 'from' && c.end === first.start) || swapWords.test(info.tokens[cue.start]?.folded ?? '');
  if (fromFirst && after.length > 1) return { platforms: after.slice(1, 2), migrateLeave: [first] };
  if (fromFirst) return { platforms: [], migrateLeave: [first] };
  return { platforms: [first], migrateLeave: [] };
}

/** Why the word, with what it takes, is no announcement of the club's (said after the word); null when nothing says so. */
function setAside(info: SentenceInfo, cue: CueMatch, kind: CueKind, argEnd: number): string | null {
  if (cue.payload.needsAccount && !accountFor(info, cue, cue.start - 3, argEnd + 4)) return ' without an account word';
  // "Stoke City's X account suspended": done to the account, most often by the platform.
  if (kind === 'pause' && (accountSuspended(info, cue) || info.cues.some((c) => c.payload.kind === 'account' && c.end === cue.start))) return ': the account was suspended, not paused by the club';
  if ((kind === 'delete' || kind === 'pause') && postNear(info, cue.start - 1, argEnd + 1) && !accountNear(info, cue.end, argEnd + 2)) return ' is about a post, not the account';
  if ((kind === 'delete' || kind === 'leave') && accountsOfPersons(info, cue)) return ': the accounts are persons\', not the club\'s';
  return null;
}

interface Derived {
  derived: { action: Action; platforms: Platform[] } | null;
  bareEnd: boolean;
  platforms: PlatformMention[];
}

/** A word that names no platform: the one it refers to, from the sentence or what the item said before; null when none. */
function derivedTarget(d: SentenceDecisions, cue: CueMatch, kind: CueKind): Derived | null {
  const { ctx, info, out } = d;
  const anaphor = platformAnaphorAfter(info, cue) ?? (kind === 'use' || verbSecond(info.lang) ? platformAnaphorBefore(info, cue) : undefined);
  const before = lastPlatformBefore(info, cue.start) ?? ctx.lastPlatform;
  const earlier = anaphor ? anaphorPlatform(ctx, kind, before) : before;
  if (anaphor && earlier) {
    return { derived: null, bareEnd: false, platforms: [{ type: 'platform', start: anaphor.start, end: anaphor.end, platform: earlier, name: quote(info, anaphor) }] };
  }
  if ((kind === 'delete' || kind === 'leave' || kind === 'stay') && accountNear(info, cue.end, cue.end + 3) && (lastPlatformBefore(info, cue.start) ?? (info.platforms.length === 0 ? ctx.lastPlatform : null))) {
    // "Le club breton a supprimé son compte": the account on the platform named before.
    return { derived: { action: kind, platforms: [(lastPlatformBefore(info, cue.start) ?? ctx.lastPlatform) as Platform] }, bareEnd: false, platforms: [] };
  }
  if (kind === 'leave' && ctx.lastAction?.action === 'leave' && info.platforms.length === 0 && possessiveBefore(info, cue.start)) {
    return { derived: { action: 'leave', platforms: ctx.lastAction.platforms }, bareEnd: false, platforms: [] };
  }
  if (kind === 'use' && info.cues.some((c) => c.payload.kind === 'cease' && c.end <= cue.start && c.end >= cue.start - 3) && bareTarget(ctx, info, cue)) {
    return { derived: { action: 'leave', platforms: bareTarget(ctx, info, cue) ?? [] }, bareEnd: false, platforms: [] };
  }
  if ((kind === 'leave' || kind === 'stay') && !cue.payload.noun && endsClause(info, cue.end) && bareTarget(ctx, info, cue)) {
    // "... had no immediate plans to leave." after an item about leaving X.
    return { derived: { action: kind, platforms: bareTarget(ctx, info, cue) ?? [] }, bareEnd: true, platforms: [] };
  }
  if (kind === 'follow' && ctx.lastAction) return { derived: ctx.lastAction, bareEnd: false, platforms: [] };
  if (kind === 'stay' && out.some((x) => x.action === 'leave')) {
    return { derived: { action: 'stay', platforms: [...new Set(out.filter((x) => x.action === 'leave').map((x) => x.platform))] }, bareEnd: false, platforms: [] };
  }
  return null;
}

type Decided = { action: Action; weight: number } | { reason: string };

/** What the modifiers make of the word, and the platforms it is said of; null when a "follow" follows nothing. */
function decideAction(ctx: ItemContext, kind: CueKind, mods: Modifiers, derived: Derived['derived'], platforms: readonly PlatformMention[]): { decided: Decided; platformList: Platform[] } | null {
  if (kind === 'follow') {
    const base = derived?.action ?? ctx.lastAction?.action;
    if (!base) return null;
    const decided = finalAction(base, mods.kinds);
    if ('action' in decided) decided.weight *= discount.followed;
    return { decided, platformList: derived?.platforms ?? platforms.map((p) => p.platform) };
  }
  if (kind === 'migrate') return { decided: finalAction('join', mods.kinds), platformList: platforms.map((p) => p.platform) };
  return { decided: finalAction(kind, mods.kinds), platformList: derived?.platforms ?? platforms.map((p) => p.platform) };
}

function decideCue(d: SentenceDecisions, cue: CueMatch): void {
  const { ctx, info, out, rejected } = d;
  const kind = cue.payload.kind;
  const cueText = `${kind} "${quote(info, cue)}"`;
  const taken = cuePlatforms(info, cue, kind);
  if (!taken) {
    rejected?.push({ text: info.sentence.text, reason: `${cueText} names no platform` });
    return;
  }
  let platforms = taken.platforms;
  const migrateLeave = taken.migrateLeave;
  let argEnd = cue.end;
  for (const p of platforms) if (p.end > argEnd) argEnd = p.end;
  for (const p of migrateLeave) if (p.end > argEnd) argEnd = p.end;
  const aside = setAside(info, cue, kind, argEnd);
  if (aside !== null) {
    rejected?.push({ text: info.sentence.text, reason: `${cueText}${aside}` });
    return;
  }
  let derived: Derived['derived'] = null;
  let bareEnd = false;
  if (platforms.length === 0 && migrateLeave.length === 0) {
    const target = derivedTarget(d, cue, kind);
    if (!target) {
      rejected?.push({ text: info.sentence.text, reason: `${cueText} names no platform it applies to` });
      return;
    }
    if (target.platforms.length > 0) platforms = target.platforms;
    derived = target.derived;
    bareEnd = target.bareEnd;
  }
  const mods = modifiers(info, cue, argEnd);
  const read = decideAction(ctx, kind, mods, derived, platforms);
  if (!read) {
    rejected?.push({ text: info.sentence.text, reason: `${cueText} follows nothing said before` });
    return;
  }
  let decided = read.decided;
  const platformList = read.platformList;
  // "ferme définitivement son compte": an account closed for good is deleted.
  if ('action' in decided && decided.action === 'leave' && cue.payload.needsAccount && closeVerb.test(cue.payload.phrase) &&
    info.tokens.slice(cue.start, argEnd + 2).some((t) => forGood.has(t.folded))) decided = { action: 'delete', weight: decided.weight };
  if (bareEnd && 'action' in decided && decided.action === 'leave') decided = { reason: 'names no platform; only a refusal to leave is read from the item' };
  if ('reason' in decided) {
    rejected?.push({ text: info.sentence.text, reason: `${cueText}: ${decided.reason}${mods.quoted.length ? ` (${mods.quoted.join(', ')})` : ''}` });
    return;
  }
  const subject = findSubject(info, cue, argEnd);
  if (derived && kind === 'stay' && (subject.kind !== 'club' || subject.clubs.some((m) => out.some((x) => x.club.id !== null && m.ids.includes(x.club.id))))) {
    rejected?.push({ text: info.sentence.text, reason: `${cueText} names no platform it applies to` });
    return;
  }
  const clubs = resolveSubject(ctx, info, subject);
  if ('reason' in clubs && subject.kind === 'generic' && namedInGeneric(d, cue, cueText, decided, platformList)) return;
  if ('reason' in clubs) {
    rejected?.push({ text: info.sentence.text, reason: `${cueText}: ${clubs.reason}` });
    return;
  }
  const cuesOut = [cueText];
  for (const p of platforms) cuesOut.push(`platform "${p.name}"`);
  for (const q of mods.quoted) cuesOut.push(q);
  cuesOut.push(clubs.cue);
  let weight = decided.weight * clubs.weight;
  if (platforms[0] && platforms[0].end <= cue.start) weight *= discount.platformFirst;
  announce(d, cue, { kind, action: decided.action, platforms, migrateLeave, platformList, negated: mods.kinds.has('neg'), refs: clubs.refs, weight, cuesOut });
}

/** What one action word was read to say, and of whom. */
interface Reading {
  kind: CueKind;
  action: Action;
  platforms: PlatformMention[];
  migrateLeave: PlatformMention[];
  platformList: Platform[];
  negated: boolean;
  refs: ClubRef[];
  weight: number;
  cuesOut: string[];
}

/** The decisions one action word makes, and what the item remembers of them for the sentences after. */
function announce(d: SentenceDecisions, cue: CueMatch, r: Reading): void {
  const { ctx, info, out } = d;
  const { kind, action, platforms, platformList, refs, weight } = r;
  const said: Said = { ctx, out, cuesOut: r.cuesOut };
  for (const club of refs) {
    emit(said, club, action, platformList, weight);
    if (kind === 'migrate') emit(said, club, 'leave', r.migrateLeave.map((p) => p.platform), weight * discount.migratedFrom);
  }
  // "quitte X pour Bluesky": leaving for a named platform is joining it.
  if (action === 'leave' && kind === 'leave') {
    const last = platforms[platforms.length - 1];
    const to = last ? info.platforms.find((p) => p.start > last.end && p.start <= last.end + 2 && info.cues.some((c) => c.payload.kind === 'to' && c.start >= last.end && c.end <= p.start)) : undefined;
    if (to) for (const club of refs) emit(said, club, 'join', [to.platform], weight * discount.leftFor, [`target "${to.name}"`]);
  }
  if (kind === 'follow' && !r.negated) emitFollowed(said, info, cue, refs, action, platformList, weight);
  // Clubs named as having done the same: "après St. Pauli", "including Werder", "comme le Red Star".
  const positive = (kind === 'leave' || kind === 'join' || kind === 'delete' || kind === 'pause' || kind === 'return') && !r.negated;
  if (positive) emitPrecedents(said, info, refs, action, platformList, weight);
  for (const x of out) {
    if (x.action !== 'leave') continue;
    const key = x.club.id ?? x.club.name.toLowerCase();
    ctx.left.set(key, (ctx.left.get(key) ?? new Set<Platform>()).add(x.platform));
  }
  if (refs.length > 0) {
    ctx.lastSubjects = refs;
    ctx.lastSubjectsSentence = info.index;
    ctx.lastAction = { action: kind === 'migrate' ? 'join' : action, platforms: platformList };
  }
}

/**
 * "Several clubs, including Arsenal and Tottenham, remain on the platform."; a list before a colon
 * ("Desde el St. Pauli hasta el Betis: los equipos que han abandonado X"). True when it named any.
 */
function namedInGeneric(d: SentenceDecisions, cue: CueMatch, cueText: string, decided: { action: Action; weight: number }, platformList: readonly Platform[]): boolean {
  const { ctx, info, out } = d;
  const colon = info.tokens.findIndex((t, i) => i > 0 && i < cue.start && t.before.includes(':'));
  const named = info.clubs.filter((m) => m.role === 'including' || m.role === 'precedent' || (colon > 0 && m.end <= colon && m.role === 'plain'));
  for (const m of named) {
    const ref = clubRef(ctx.catalog, m);
    if (ref) for (const platform of platformList) out.push({ club: ref, platform, action: decided.action, confidence: decided.weight * discount.sameAs, cues: [cueText, `${m.role} "${m.name}"`] });
  }
  return named.length > 0;
}

/** Where one action word's decisions go, with the cues that say them. */
interface Said {
  ctx: ItemContext;
  out: Decision[];
  cuesOut: string[];
}

function emit(s: Said, club: ClubRef, action: Action, list: readonly Platform[], w: number, extra: readonly string[] = []): void {
  for (const platform of list) {
    if (action === 'stay' && platform !== 'x' && leftBefore(s.ctx, s.out, club, platform)) continue;
    s.out.push({ club, platform, action, confidence: Math.min(1, w), cues: [...s.cuesOut, ...extra] });
  }
}

function emitFollowed(s: Said, info: SentenceInfo, cue: CueMatch, refs: readonly ClubRef[], action: Action, platformList: readonly Platform[], weight: number): void {
  const stop = info.cues.find((c) => c.start >= cue.end && (c.payload.kind === 'contrast' || actionCueKinds.has(c.payload.kind) || c.payload.kind === 'report'))?.start ?? info.tokens.length;
  for (const m of info.clubs) {
    if (m.start < cue.end || m.start >= stop || m.role !== 'plain') continue;
    const ref = clubRef(s.ctx.catalog, m);
    if (ref && !refs.some((r) => sameClub(r, ref))) emit(s, ref, action, platformList, weight * discount.sameAs, [`followed "${m.name}"`]);
  }
}

function emitPrecedents(s: Said, info: SentenceInfo, refs: readonly ClubRef[], action: Action, platformList: readonly Platform[], weight: number): void {
  const hasAlso = info.cues.some((c) => c.payload.kind === 'also');
  for (const m of info.clubs) {
    if (m.role !== 'precedent' && m.role !== 'including') continue;
    const marker = info.cues.find((c) => (c.payload.kind === 'precedent' || c.payload.kind === 'including') && c.end <= m.start && c.end >= m.start - 3);
    const weak = marker && /^(?:apres|after|nach|tras|dopo|apos|despues de|depois d[oe])$/.test(marker.payload.phrase);
    if (m.role === 'precedent' && weak && !hasAlso) continue;
    const ref = clubRef(s.ctx.catalog, m);
    if (ref && !refs.some((r) => sameClub(r, ref))) emit(s, ref, action, platformList, weight * discount.sameAs, [`${m.role} "${m.name}"`]);
  }
}

/** The club left a platform earlier in the item (other than this one). */
function leftBefore(ctx: ItemContext, out: readonly Decision[], club: ClubRef, platform: Platform): boolean {
  if (out.some((d) => d.action === 'leave' && d.platform !== platform && sameClub(d.club, club))) return true;
  const left = ctx.left.get(club.id ?? club.name.toLowerCase());
  return left !== undefined && [...left].some((p) => p !== platform);
}

function sameClub(a: ClubRef, b: ClubRef): boolean {
  return a.id !== null ? a.id === b.id : b.id === null && a.name.toLowerCase() === b.name.toLowerCase();
}

function resolveSubject(
  ctx: ItemContext,
  info: SentenceInfo,
  subject: Subject,
): { refs: ClubRef[]; weight: number; cue: string } | { reason: string } {
  if (subject.kind === 'person') return { reason: `the subject is a person or group, not a club ("${subject.text}")` };
  if (subject.kind === 'generic') return { reason: `the subject is clubs in general ("${subject.text}")`, ...{ refs: [] } } as { reason: string };
  if (subject.kind === 'club') {
    const refs = subject.clubs.map((m) => clubRef(ctx.catalog, m)).filter((r): r is ClubRef => r !== null);
    if (refs.length === 0) return { reason: 'the club named is ambiguous' };
    const weight = subject.via === 'forward' || subject.clubs.some((m) => m.ambiguous) ? subjectWeight.namedLoosely : subjectWeight.named;
    return { refs, weight, cue: `subject "${subject.clubs.map((m) => m.name).join(', ')}" (${subject.via})` };
  }
  if (subject.via === 'first' && ctx.authorClubId) {
    const ref = { id: ctx.authorClubId, name: ctx.catalog.byId(ctx.authorClubId)?.name ?? ctx.authorClubId };
    return { refs: [ref], weight: subjectWeight.named, cue: `subject "${subject.cue ?? 'we'}" (the author club)` };
  }
  const sameSentenceSubject = ctx.lastSubjectsSentence === info.index && ctx.lastSubjects.length > 0;
  if (subject.via === 'noun' && !sameSentenceSubject && !ctx.authorClubId) return { reason: 'a noun with no club of its own' };
  if ((subject.via === 'pronoun' || subject.via === 'implicit') && ctx.lastActor === 'person' && !sameSentenceSubject) {
    return { reason: 'the sentence before was about a person; "he" or "she" is not the club' };
  }
  if (ctx.authorClubId && ctx.lastSubjects.length === 0) {
    // In a club's own post, a sentence with no subject of its own is about the club.
    const ref = { id: ctx.authorClubId, name: ctx.catalog.byId(ctx.authorClubId)?.name ?? ctx.authorClubId };
    return { refs: [ref], weight: subjectWeight.authorClub, cue: `subject (${subject.via}: the author club)` };
  }
  const headlineGuess = info.index === 0 && subject.via === 'implicit' && !ctx.authorClubId;
  const chosen = ctx.lastSubjects.length > 0 ? ctx.lastSubjects : ctx.topic && !headlineGuess ? [ctx.topic] : [];
  if (chosen.length === 0) return { reason: 'no club to attribute it to' };
  const sameSentence = ctx.lastSubjectsSentence === info.index && ctx.lastSubjects.length > 0;
  const weight = sameSentence
    ? subjectWeight.sameSentence
    : subject.via === 'anaphor'
      ? subjectWeight.anaphor
      : subject.via === 'first' || subject.via === 'pronoun'
        ? subjectWeight.pronounOrFirst
        : subjectWeight.implied;
  return { refs: chosen, weight, cue: `subject ${subject.cue ? `"${subject.cue}" ` : ''}(${subject.via}: ${chosen.map((r) => r.name).join(', ')})` };
}
