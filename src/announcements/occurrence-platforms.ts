import type { Action, Platform } from './announcement.ts';
import type { Features, ItemFacts } from './features.ts';
import type { ItemContext } from './item-context.ts';
import type { CueKind } from './lexicon/kinds.ts';
import type { PlatformMention } from './mentions.ts';
import { type CueMatch, type SentenceInfo, verbSecond } from './sentence.ts';

/**
 * The platforms one action word of the candidate stage may be about, each with the facts that tie
 * it to the word. Apart from the rest of the stage, and in small functions, because V8 compiles a
 * function in time that grows faster than its size, and compiles it again whole when one of its
 * guesses fails.
 */
export interface PlatformChoice {
  platform: Platform;
  f: Partial<Features>;
  /** Where a club that leaves goes ("quitte X pour Bluesky"): joined, not left. */
  target: boolean;
}

/** What the platforms of one action word are chosen from. */
export interface PlatformQuery {
  ctx: ItemContext;
  info: SentenceInfo;
  cue: CueMatch;
  kind: CueKind;
  action: Action;
  strict: readonly PlatformMention[];
  neighbours: readonly SentenceInfo[];
  facts: ItemFacts;
  lastPlatforms: readonly Platform[];
}

export function hasPlatform(set: readonly PlatformChoice[], platform: Platform): boolean {
  for (const x of set) if (x.platform === platform) return true;
  return false;
}

/** The platforms: those the words take, else any named in the sentence, else the one just before. */
export function platformChoices(q: PlatformQuery): PlatformChoice[] {
  const { info, cue, kind, action, strict } = q;
  const set: PlatformChoice[] = [];
  for (const p of strict) set.push({ platform: p.platform, f: { p_strict: 1, p_sentence: 1, p_near: 1 }, target: false });
  addListed(set, info, strict);
  // "quitte X pour Bluesky", "leaves X for Bluesky": the second platform is where the club goes.
  if (action === 'leave' && kind === 'leave') addTargets(set, info, cue, strict);
  addNamed(set, info, cue, kind);
  // "joined the platform in 2013", "seit 2013 auf der Plattform aktiv": the platform named last, taken by the verb.
  if (strict.length === 0) addAnaphor(set, q.ctx, info, cue, kind);
  // A sentence that names no platform may mean those of the sentence before or after it.
  if (set.length === 0) {
    for (const n of q.neighbours) {
      for (const p of n.platforms) if (!hasPlatform(set, p.platform)) set.push({ platform: p.platform, f: { p_neighbour: 1 }, target: false });
    }
  }
  if (action === 'pause') {
    for (const platform of q.facts.listedPlatforms) if (!hasPlatform(set, platform)) set.push({ platform, f: { p_item_list: 1 }, target: false });
  }
  if (set.length === 0 && info.platforms.length === 0) {
    const fallback = q.lastPlatforms.length > 0 ? q.lastPlatforms : q.facts.platformsByCount.slice(0, 1);
    for (const platform of fallback) set.push({ platform, f: { p_context: 1 }, target: false });
  }
  return set;
}

/** "Facebook, Twitter, Instagram et YouTube": a list shares what is said of one of its members. */
function addListed(set: PlatformChoice[], info: SentenceInfo, strict: readonly PlatformMention[]): void {
  if (info.platforms.length < 2) return;
  for (const list of platformLists(info)) {
    if (!listHasStrict(list, strict)) continue;
    for (const p of list) if (!hasPlatform(set, p.platform)) set.push({ platform: p.platform, f: { p_strict: 1, p_list: 1, p_sentence: 1, p_near: 1 }, target: false });
  }
}

function listHasStrict(list: readonly PlatformMention[], strict: readonly PlatformMention[]): boolean {
  for (const p of list) for (const x of strict) if (x.start === p.start) return true;
  return false;
}

function addTargets(set: PlatformChoice[], info: SentenceInfo, cue: CueMatch, strict: readonly PlatformMention[]): void {
  for (const p of info.platforms) {
    if (p.start < cue.end || strict[0]?.start === p.start) continue;
    if (!toBefore(info, p.start, cue.end)) continue;
    if (!platformBetween(info, cue.end, p.start)) continue;
    set.push({ platform: p.platform, f: { p_sentence: 1, p_near: 1, p_target: 1 }, target: true });
  }
}

/** A "to", "pour", "auf" ending right before `start` (or one word before it) and starting after `after`. */
function toBefore(info: SentenceInfo, start: number, after: number): boolean {
  for (const c of info.cues) if (c.payload.kind === 'to' && c.end >= start - 1 && c.end <= start && c.start > after) return true;
  return false;
}

function platformBetween(info: SentenceInfo, from: number, to: number): boolean {
  for (const q of info.platforms) if (q.start >= from && q.end <= to) return true;
  return false;
}

/** Any platform the sentence names in the same clause, the nearer the stronger. */
function addNamed(set: PlatformChoice[], info: SentenceInfo, cue: CueMatch, kind: CueKind): void {
  for (const p of info.platforms) {
    if (hasPlatform(set, p.platform)) continue;
    // "deja escapar dos puntos; la afición estalla en X": another clause, another matter.
    if (crossesHard(info, Math.min(p.end, cue.end), Math.max(p.start, cue.start))) continue;
    const d = p.end <= cue.start ? cue.start - p.end : p.start >= cue.end ? p.start - cue.end : 0;
    const medium = kind !== 'use' && locBefore(info, p.start);
    set.push({ platform: p.platform, f: { p_sentence: 1, p_near: 1 / (1 + d / 4), p_medium: medium ? 1 : 0 }, target: false });
  }
}

/** "on X", "sur le X": a place word right before the platform, or before its article. */
function locBefore(info: SentenceInfo, start: number): boolean {
  for (const c of info.cues) if (c.payload.kind === 'loc' && (c.end === start || (c.end === start - 1 && info.article[start - 1] === true))) return true;
  return false;
}

function addAnaphor(set: PlatformChoice[], ctx: ItemContext, info: SentenceInfo, cue: CueMatch, kind: CueKind): void {
  const anaphor = platformAnaphorAfter(info, cue) ?? (kind === 'use' || verbSecond(info.lang) ? platformAnaphorBefore(info, cue) : undefined);
  const earlier = anaphor ? anaphorPlatform(ctx, kind, lastPlatformBefore(info, anaphor.start) ?? ctx.lastPlatform) : null;
  if (earlier && !hasPlatform(set, earlier)) set.push({ platform: earlier, f: { p_anaphor: 1, p_near: 1 }, target: false });
}

/**
 * "the platform" after a word of leaving: the one clubs were said to leave earlier in the item, not
 * the one named last ("… künftig auf der Plattform Bluesky posten. Zuvor hatten auch Werder und St.
 * Pauli ihren Ausstieg bei der Plattform verkündet").
 */
export function anaphorPlatform(ctx: ItemContext, kind: CueKind, earlier: Platform | null): Platform | null {
  if (kind !== 'leave' || earlier === null) return earlier;
  let left: Platform | null = null;
  for (const platforms of ctx.left.values()) {
    if (platforms.has(earlier)) return earlier;
    left ??= platforms.values().next().value ?? null;
  }
  // None read as left yet: the platform the item names most is the one it is about.
  return left ?? ctx.mostNamed ?? earlier;
}

export function platformAnaphorAfter(info: SentenceInfo, cue: CueMatch): CueMatch | undefined {
  const reach = cue.end + (cue.payload.noun ? 6 : 3);
  for (const c of info.cues) if (c.payload.kind === 'platformAnaphor' && c.start >= cue.end && c.start <= reach) return c;
  return undefined;
}

export function platformAnaphorBefore(info: SentenceInfo, cue: CueMatch): CueMatch | undefined {
  for (const c of info.cues) if (c.payload.kind === 'platformAnaphor' && c.end <= cue.start && c.end >= cue.start - 3) return c;
  return undefined;
}

/** The platform of the last mention ending at or before `pos`. */
export function lastPlatformBefore(info: SentenceInfo, pos: number): Platform | undefined {
  let found: Platform | undefined;
  for (const p of info.platforms) if (p.end <= pos) found = p.platform;
  return found;
}

/** A ";", ":", dash or bracket between the item ending at `from` and the one starting at `to`. */
export function crossesHard(info: SentenceInfo, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (info.hard[i]) return true;
  return false;
}

/** Platforms named one after another, joined by commas, "and", "or" or slashes. */
export function platformLists(info: SentenceInfo): Array<SentenceInfo['platforms']> {
  const lists: Array<SentenceInfo['platforms']> = [];
  let current: SentenceInfo['platforms'] = [];
  for (const p of info.platforms) {
    const prev = current[current.length - 1];
    const gap = prev ? p.start - prev.end : -1;
    const joined =
      prev !== undefined &&
      !info.hard[p.start] &&
      (gap === 0 ? /^\s*[,/&+]\s*$|^\s*,?\s*$/.test(info.tokens[p.start]?.before ?? '') : gap <= 2 && conjBetween(info, prev.end, p.start));
    if (joined) current.push(p);
    else {
      if (current.length > 1) lists.push(current);
      current = [p];
    }
  }
  if (current.length > 1) lists.push(current);
  return lists;
}

function conjBetween(info: SentenceInfo, end: number, start: number): boolean {
  for (const c of info.cues) if (c.payload.kind === 'conj' && c.start === end && c.end >= start - 1) return true;
  return false;
}
