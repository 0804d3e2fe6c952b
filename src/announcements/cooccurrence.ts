import type { Action, ClubRef, Platform } from './announcement.ts';
import { type Candidate, clubKey, emptyFeatures, type Features, type RuleDecision } from './features.ts';
import { clubRef, type ItemContext } from './item-context.ts';
import type { CueKind } from './lexicon/kinds.ts';
import type { SentenceInfo } from './sentence.ts';

/**
 * The widest net: any club, platform and action that the same item names, however far apart.
 * Each candidate says how close the three come; the scorer decides what that is worth.
 */
export interface SentenceSummary {
  clubs: Map<string, ClubRef>;
  platforms: Set<Platform>;
  actions: Set<Action>;
  /** Club, platform and action said within one clause (no ";", ":" or dash between them). */
  clauseTriples: Set<string>;
  /** Club or platform said in the same sentence as the action, but after a semicolon: another statement. */
  splitTriples: Set<string>;
  /** An action word the sentence says only as considered, asked for, denied or rumoured. */
  undecided: boolean;
}

/** What a sentence names, before any action is noted. */
export function emptySummary(ctx: ItemContext, info: SentenceInfo): SentenceSummary {
  const clubs = new Map<string, ClubRef>();
  for (const m of info.clubs) {
    const ref = clubRef(ctx.catalog, m);
    if (ref) clubs.set(clubKey(ref), ref);
  }
  return { clubs, platforms: new Set(info.platforms.map((p) => p.platform)), actions: new Set(), clauseTriples: new Set(), splitTriples: new Set(), undecided: false };
}

/** An action the sentence says (read through negation and modality), with what its clause names. */
export function noteAction(summary: SentenceSummary, ctx: ItemContext, info: SentenceInfo, at: number, action: Action): void {
  summary.actions.add(action);
  const [lo, hi] = clause(info, at);
  const split = (start: number, end: number): boolean => {
    const [from, to] = end <= at ? [end, at] : [at, start];
    for (let i = from; i <= to; i++) if (info.hard[i] && info.tokens[i]?.before.includes(';')) return true;
    return false;
  };
  for (const m of info.clubs) {
    const ref = clubRef(ctx.catalog, m);
    if (!ref) continue;
    const clubInside = m.start >= lo && m.end <= hi;
    for (const p of info.platforms) {
      const key = `${clubKey(ref)}|${p.platform}|${action}`;
      if (clubInside && p.start >= lo && p.end <= hi) summary.clauseTriples.add(key);
      else if (split(m.start, m.end) || split(p.start, p.end)) summary.splitTriples.add(key);
    }
  }
}

/** The token range of the clause around token i: between hard boundaries (";", ":", dashes, brackets). */
function clause(info: SentenceInfo, i: number): [number, number] {
  let lo = i;
  while (lo > 0 && !info.hard[lo]) lo--;
  let hi = i + 1;
  while (hi < info.tokens.length && !info.hard[hi]) hi++;
  return [lo, hi];
}

/** Sentences from the nearest of `from` to one that names the club (or else the platform); Infinity past three. */
function nearest(summaries: readonly SentenceSummary[], from: readonly number[], club: string | null, platform: Platform | null): number {
  let best = Infinity;
  for (const i of from) {
    for (let d = 0; d < Math.min(best, 4); d++) {
      if (names(summaries[i - d], club, platform) || names(summaries[i + d], club, platform)) {
        best = Math.min(best, d);
        break;
      }
    }
  }
  return best;
}

function names(s: SentenceSummary | undefined, club: string | null, platform: Platform | null): boolean {
  if (s === undefined) return false;
  return club !== null ? s.clubs.has(club) : s.platforms.has(platform as Platform);
}

function closestNaming(summaries: readonly SentenceSummary[], at: readonly number[], club: string): number {
  let best = -1;
  let bestD = Infinity;
  for (const [i, s] of summaries.entries()) {
    if (!s.clubs.has(club)) continue;
    for (const a of at) {
      const d = Math.abs(a - i);
      if (d < bestD) {
        bestD = d;
        best = i;
      }
    }
  }
  return best;
}

/**
 * "St. Pauli verlässt X … Der Verein hofft, dass die Follower ihm auf Bluesky folgen": a club that
 * leaves one platform and an item that names another, however far apart, may be telling where the
 * club goes. Every join of such a club is marked, and the joins nobody proposed are added.
 */
function addDestinations(out: Candidate[], byKey: Map<string, Candidate>, infos: readonly SentenceInfo[], rules: readonly RuleDecision[]): void {
  const left = new Map<string, { club: ClubRef; platforms: Set<Platform> }>();
  const ruled = movesByClub(rules);
  const own = ownMoves(out);
  for (const c of out) {
    // A leave said in another club's embedded post, of a person, or that the rules read otherwise is no move.
    const f = c.features;
    if (c.action !== 'leave' || f.item_level || f.embed_other >= 0.5 || f.c_person_subject >= 0.5 || f.c_against >= 0.5) continue;
    const k = clubKey(c.club);
    if (rules.some((r) => clubKey(r.club) === k && r.platform === c.platform && r.action !== 'leave')) continue;
    const entry = left.get(k) ?? { club: c.club, platforms: new Set<Platform>() };
    entry.platforms.add(c.platform);
    left.set(k, entry);
  }
  if (left.size === 0) return;
  // Each platform the item names, with the sentence that best says it is a place to go.
  const places = new Map<Platform, { info: SentenceInfo; cue: number }>();
  for (const info of infos) {
    for (const p of info.platforms) {
      const cue = switchCueNear(info, p.start, p.end) ? 1 : 0;
      const known = places.get(p.platform);
      if (!known || cue > known.cue) places.set(p.platform, { info, cue });
    }
  }
  // "Hansa verlässt X … St. Pauli kommuniziert über Bluesky": a platform named only beside other clubs is where they went.
  const othersOnly = (k: string, platform: Platform): number => {
    const naming = infos.filter((info) => info.platforms.some((p) => p.platform === platform));
    return naming.length > 0 && naming.every((info) => info.clubs.length > 0 && !info.clubs.some((m) => m.ids.some((id) => id === k) || m.name.toLowerCase() === k.slice(1))) ? 1 : 0;
  };
  for (const c of out) {
    if (c.action !== 'join') continue;
    const from = left.get(clubKey(c.club));
    if (from && !from.platforms.has(c.platform)) {
      c.features.dest_left = 1;
      c.features.dest_cue = places.get(c.platform)?.cue ?? 0;
      c.features.dest_other = othersOnly(clubKey(c.club), c.platform);
    }
  }
  for (const [k, { club, platforms }] of left) {
    for (const [platform, place] of places) {
      const key = `${k}|${platform}|join`;
      if (platforms.has(platform) || byKey.has(key) || anothersMove(ruled, own, k, `${platform}|join`)) continue;
      const features: Features = emptyFeatures();
      features.item_level = 1;
      features.act_join = 1;
      features.dest_left = 1;
      features.dest_new = 1;
      features.dest_cue = place.cue;
      features.dest_other = othersOnly(k, platform);
      const c: Candidate = { club, platform, action: 'join', features, sentence: place.info, cues: ['named where a club that leaves may go'], strength: 0, year: null };
      byKey.set(key, c);
      out.push(c);
    }
  }
}

/** What the item's sentences name and say, all together. */
interface ItemNames {
  clubs: Map<string, ClubRef>;
  platforms: Set<Platform>;
  actions: Set<Action>;
  platformMentions: Map<Platform, number>;
}

function itemNames(summaries: readonly SentenceSummary[]): ItemNames {
  const names: ItemNames = { clubs: new Map(), platforms: new Set(), actions: new Set(), platformMentions: new Map() };
  for (const s of summaries) {
    for (const [k, ref] of s.clubs) if (!names.clubs.has(k)) names.clubs.set(k, ref);
    for (const p of s.platforms) {
      names.platforms.add(p);
      names.platformMentions.set(p, (names.platformMentions.get(p) ?? 0) + 1);
    }
    for (const a of s.actions) names.actions.add(a);
  }
  return names;
}

/**
 * Adds the item-wide candidates and gives every candidate its closeness figures. In small
 * functions: V8 compiles a large one in time that grows faster than its size.
 */
export function addCooccurrence(candidates: Candidate[], summaries: readonly SentenceSummary[], infos: readonly SentenceInfo[], rules: readonly RuleDecision[]): Candidate[] {
  const byKey = new Map<string, Candidate>();
  for (const c of candidates) byKey.set(`${clubKey(c.club)}|${c.platform}|${c.action}`, c);
  const names = itemNames(summaries);
  const out = [...candidates];
  const actionSentences = new Map<Action, number[]>();
  for (const a of names.actions) actionSentences.set(a, sentencesSaying(summaries, a));
  addItemWide(out, byKey, names, actionSentences, summaries, infos, rules);
  addBare(out, byKey, summaries, infos);
  addDestinations(out, byKey, infos, rules);
  setCloseness(out, names, actionSentences, summaries);
  return out;
}

function sentencesSaying(summaries: readonly SentenceSummary[], action: Action): number[] {
  const at: number[] = [];
  for (let i = 0; i < summaries.length; i++) if ((summaries[i] as SentenceSummary).actions.has(action)) at.push(i);
  return at;
}

/** Any club, platform and action the item names, within three sentences of where the action is said. */
function addItemWide(out: Candidate[], byKey: Map<string, Candidate>, names: ItemNames, actionSentences: ReadonlyMap<Action, number[]>, summaries: readonly SentenceSummary[], infos: readonly SentenceInfo[], rules: readonly RuleDecision[]): void {
  const splitTriples = new Set<string>();
  for (const s of summaries) for (const t of s.splitTriples) splitTriples.add(t);
  const platformNear = new Map<string, boolean>();
  for (const action of names.actions) {
    const at = actionSentences.get(action) ?? [];
    for (const platform of names.platforms) platformNear.set(`${platform}|${action}`, nearest(summaries, at, null, platform) !== Infinity);
  }
  // "L'OM n'envisage pas de quitter X": a club the rules read as staying put moves nowhere on the strength of words said of others.
  const staying = new Set<string>();
  for (const r of rules) if (r.action === 'stay') staying.add(clubKey(r.club));
  const ruled = movesByClub(rules);
  const own = ownMoves(out);
  for (const [k, club] of names.clubs) {
    if (staying.has(k)) continue;
    for (const action of names.actions) {
      const at = actionSentences.get(action) ?? [];
      // Only what comes within three sentences of the words that say it.
      if (nearest(summaries, at, k, null) === Infinity) continue;
      // Its words are those of the sentence naming the club closest to where the action is said.
      const sentence = (infos[closestNaming(summaries, at, k)] ?? infos[0]) as SentenceInfo;
      for (const platform of names.platforms) {
        const key = `${k}|${platform}|${action}`;
        // "deja escapar dos puntos; la afición estalla en X": a semicolon starts another statement.
        if (byKey.has(key) || !platformNear.get(`${platform}|${action}`) || splitTriples.has(key)) continue;
        if (action === 'join' && (anothersMove(ruled, own, k, `${platform}|join`) || joinsElsewhere(own, k, platform))) continue;
        const features: Features = emptyFeatures();
        features.item_level = 1;
        features[`act_${action}` as keyof Features] = 1;
        const c: Candidate = { club, platform, action, features, sentence, cues: ['named in the same item'], strength: 0, year: null };
        byKey.set(key, c);
        out.push(c);
      }
    }
  }
}

/** What each club is read doing, as "platform|action", by club key: by the rules, or by its own sentences' candidates. */
function movesByClub(read: ReadonlyArray<Pick<RuleDecision, 'club' | 'platform' | 'action'>>): Map<string, Set<string>> {
  const moves = new Map<string, Set<string>>();
  for (const r of read) {
    const k = clubKey(r.club);
    let set = moves.get(k);
    if (!set) moves.set(k, (set = new Set()));
    set.add(`${r.platform}|${r.action}`);
  }
  return moves;
}

/** What the sentences say of each club: the candidates read so far, not those of the item as a whole. */
function ownMoves(candidates: readonly Candidate[]): Map<string, Set<string>> {
  return movesByClub(candidates.filter((c) => !c.features.item_level));
}

/**
 * "Hertha ist fortan auf Bluesky zu finden. Auch St. Pauli und Werder haben X den Rücken gekehrt":
 * a club its own sentences say something of is not given, on words said of the item as a whole, a
 * move the rules read another club making.
 */
function anothersMove(ruled: ReadonlyMap<string, ReadonlySet<string>>, own: ReadonlyMap<string, ReadonlySet<string>>, k: string, move: string): boolean {
  const said = ruled.get(k) ?? own.get(k);
  if (!said || said.has(move) || own.get(k)?.has(move)) return false;
  for (const [other, moves] of ruled) if (other !== k && moves.has(move)) return true;
  return false;
}

/**
 * "ont rejoint Facebook (2007 pour l'OM…) et Twitter (2009…)" in an item that also names TikTok:
 * a club its own sentences have joining some platforms (and not leaving them) is not, on words said
 * of the item as a whole, joining another.
 */
function joinsElsewhere(own: ReadonlyMap<string, ReadonlySet<string>>, k: string, platform: Platform): boolean {
  const said = own.get(k);
  if (!said || said.has(`${platform}|join`)) return false;
  // "on X since 2009" beside leaving X is the story of the account left, not a move elsewhere.
  for (const move of said) if (move.endsWith('|join') && !said.has(move.replace(/\|join$/, '|leave'))) return true;
  return false;
}

/**
 * "Manchester United launches on WeChat", "Il Como su WhatsApp": a club and a platform named together
 * with no action word known for it are most often news of the club arriving there.
 */
function addBare(out: Candidate[], byKey: Map<string, Candidate>, summaries: readonly SentenceSummary[], infos: readonly SentenceInfo[]): void {
  for (const [i, s] of summaries.entries()) {
    if (s.actions.size > 0 || s.undecided || s.platforms.size === 0 || infos[i]?.sentence.question) continue;
    for (const [k, club] of s.clubs) {
      for (const platform of s.platforms) {
        const key = `${k}|${platform}|join`;
        const known = byKey.get(key);
        if (known) {
          known.features.bare = 1;
          continue;
        }
        const features: Features = emptyFeatures();
        features.item_level = 1;
        features.bare = 1;
        features.act_join = 1;
        features.headline = i === 0 ? 1 : 0;
        const c: Candidate = { club, platform, action: 'join', features, sentence: infos[i] as SentenceInfo, cues: ['named together'], strength: 0, year: null };
        byKey.set(key, c);
        out.push(c);
      }
    }
  }
}

/** How close each candidate's club and platform come to where its action is said. */
function setCloseness(out: readonly Candidate[], names: ItemNames, actionSentences: ReadonlyMap<Action, number[]>, summaries: readonly SentenceSummary[]): void {
  let totalMentions = 0;
  for (const n of names.platformMentions.values()) totalMentions += n;
  const totalPlatformMentions = Math.max(1, totalMentions);
  // Distances are asked for once per club or platform and action: many candidates share them.
  const distances = new Map<string, number>();
  const clauseTriples = new Set<string>();
  for (const s of summaries) for (const t of s.clauseTriples) clauseTriples.add(t);
  const headline = summaries[0];
  const itemActions = Math.min(1, names.actions.size / 4);
  for (const c of out) {
    const k = clubKey(c.club);
    const sameSentence = clauseTriples.has(`${k}|${c.platform}|${c.action}`);
    const dClub = distance(distances, summaries, actionSentences, `c${k}`, c.action, k, null);
    const dPlatform = distance(distances, summaries, actionSentences, `p${c.platform}`, c.action, null, c.platform);
    const f = c.features;
    f.co_same = sameSentence ? 1 : 0;
    f.co_club = dClub === Infinity ? 0 : 1 / (1 + dClub);
    f.co_platform = dPlatform === Infinity ? 0 : 1 / (1 + dPlatform);
    f.platform_share = (names.platformMentions.get(c.platform) ?? 0) / totalPlatformMentions;
    f.co_headline = headline?.clubs.has(k) && (headline?.platforms.has(c.platform) || headline?.actions.has(c.action)) ? 1 : 0;
    f.item_actions = itemActions;
  }
}

function distance(distances: Map<string, number>, summaries: readonly SentenceSummary[], actionSentences: ReadonlyMap<Action, number[]>, key: string, action: Action, club: string | null, platform: Platform | null): number {
  let d = distances.get(`${key}|${action}`);
  if (d === undefined) {
    d = nearest(summaries, actionSentences.get(action) ?? [], club, platform);
    distances.set(`${key}|${action}`, d);
  }
  return d;
}

/** "stattdessen", "now", "désormais", "on Bluesky from now on": words that say where a club goes. */
const switchWords = new Set(
  'stattdessen nun jetzt fortan kunftig kuenftig kunftig instead now henceforth desormais dorenavant maintenant ahora ahora en lugar ora invece adesso agora doravante folgen folgt follow suivre suivez seguir siganos seguinos seguici seguiteci sigam seguirem'.split(' '),
);
const switchKinds = new Set<CueKind>(['use', 'continue', 'onset', 'join', 'migrate', 'to', 'return']);

export function switchCueNear(info: SentenceInfo, start: number, end: number): boolean {
  const lo = start - 5;
  const hi = end + 5;
  if (info.tokens.slice(Math.max(0, lo), hi).some((t) => switchWords.has(t.folded))) return true;
  return info.cues.some((c) => switchKinds.has(c.payload.kind) && c.end >= lo && c.start <= hi && c.payload.kind !== 'to');
}
