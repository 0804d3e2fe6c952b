import type { Action, ClubRef, Platform } from './announcement.ts';
import { type Candidate, clubKey, emptyFeatures, type FeatureName, type Features, type ItemFacts, occurrenceFeatures, type RuleDecision } from './features.ts';
import { emptySummary, noteAction, type SentenceSummary, switchCueNear } from './cooccurrence.ts';
import { clubRef, type ItemContext } from './item-context.ts';
import type { CueKind } from './lexicon/kinds.ts';
import type { ClubMention } from './mentions.ts';
import { actionCues, finalAction, modifiers } from './modality.ts';
import { actionWeight } from './weights.ts';
import { type CueMatch, platformArguments, type SentenceInfo, verbSecond } from './sentence.ts';
import { findSubject, type Subject } from './subject.ts';

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
  return info.clubs.some((m) => m.start === at && ((m as ClubMention & { role?: string }).role ?? 'plain') === 'plain' && !info.platforms.some((p) => p.start >= cue.end && p.end <= m.start));
}

/** The clubs a sentence names that could act, with the subject the rules found. */
function clubChoices(ctx: ItemContext, info: SentenceInfo, cue: CueMatch, subject: Subject): Array<{ ref: ClubRef; f: Partial<Features> }> {
  const out: Array<{ ref: ClubRef; f: Partial<Features> }> = [];
  const seen = new Set<string>();
  const add = (ref: ClubRef | null, f: Partial<Features>): void => {
    if (!ref) return;
    const k = clubKey(ref);
    if (seen.has(k)) return;
    seen.add(k);
    out.push({ ref, f });
  };
  const near = (m: ClubMention): number => {
    const d = m.end <= cue.start ? cue.start - m.end : m.start >= cue.end ? m.start - cue.end : 0;
    return 1 / (1 + d / 4);
  };
  if (subject.kind === 'club') {
    for (const m of subject.clubs) add(clubRef(ctx.catalog, m), { c_subject: 1, c_sentence: 1, c_before_cue: m.end <= cue.start ? 1 : 0, c_near: near(m) });
  }
  const personSubject = subject.kind === 'person' ? 1 : 0;
  const genericSubject = subject.kind === 'generic' ? 1 : 0;
  for (const m of info.clubs) {
    // "Red Star quitte X ; l'OM ne suivra pas": a club in another clause is not this verb's, unless a
    // colon or bracket after the verb opens the list of those who did ("hanno aderito: Ascoli, Ternana").
    const listed = m.start >= cue.end && opensList(info, cue.end, m.start);
    if (!listed && crossesHard(info, Math.min(m.end, cue.end), Math.max(m.start, cue.start))) continue;
    const role = (m as ClubMention & { role?: string }).role ?? 'plain';
    // "Flamengo x Corinthians", "OM 2-1 Lyon", "Athletic Bilbao-Real Sociedad": a match, no club acting.
    if (role === 'match') continue;
    add(clubRef(ctx.catalog, m), {
      c_sentence: 1,
      c_before_cue: m.end <= cue.start ? 1 : 0,
      c_near: near(m),
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
    for (const ref of context) add(ref, { c_context: 1, c_person_subject: personSubject, c_generic_subject: genericSubject });
  }
  return out;
}

/**
 * Every occurrence of an action word in one sentence, as candidate triples, and what the sentence
 * names and says for the item-wide candidates.
 */
export function sentenceOccurrences(ctx: ItemContext, infos: readonly SentenceInfo[], at: number, facts: ItemFacts, lastPlatforms: Platform[]): { occurrences: Occurrence[]; summary: SentenceSummary } {
  const out: Occurrence[] = [];
  const info = infos[at] as SentenceInfo;
  const summary = emptySummary(ctx, info);
  const neighbours = [infos[at - 1], infos[at + 1]].filter((n): n is SentenceInfo => n !== undefined);
  const covered = (i: number): boolean =>
    info.cues.some((c) => c.start <= i && i < c.end) || info.platforms.some((p) => p.start <= i && i < p.end) || info.clubs.some((c) => c.start <= i && i < c.end);
  const blocked = info.cues.some((c) => c.payload.kind === 'hack' || c.payload.kind === 'fake' || c.payload.kind === 'nocomment') ? 1 : 0;
  const embed = facts.embedAuthor.get(info.index);
  const insteadSaid = info.tokens.some((t) => t.folded === insteadWords[info.lang]);
  for (const cue of actionCues(info)) {
    const kind = cue.payload.kind;
    let base: Action | undefined = actionOf[kind];
    if (kind === 'migrate') base = 'join';
    if (kind === 'follow') base = ctx.lastAction?.action;
    const strict = kind === 'migrate' ? info.platforms.filter((p) => p.start >= cue.end && p.start <= cue.end + 8).slice(0, 1) : platformArguments(info, cue, { medium: kind !== 'leave' && kind !== 'delete' });
    const argEnd = Math.max(cue.end, ...strict.map((p) => p.end));
    const mods = modifiers(info, cue, argEnd);
    let decided = finalAction(kind === 'follow' || kind === 'migrate' ? (base ?? 'leave') : kind, mods.kinds);
    // "kommuniziert stattdessen über Bluesky", "posts instead on Bluesky": using one platform instead of another is moving to it.
    const instead = insteadSaid && info.tokens.slice(Math.max(0, cue.start - 3), argEnd + 3).some((t) => t.folded === insteadWords[info.lang]);
    if (kind === 'use' && instead && !('action' in decided) && !mods.kinds.has('modal') && !mods.kinds.has('neg') && !mods.kinds.has('undecided')) decided = { action: 'join', weight: actionWeight.startedUse };
    let action: Action | undefined;
    const f: Partial<Features> = {
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
      cue_object_person: info.cues.some((c) => (c.payload.kind === 'person' || c.payload.kind === 'post') && c.start >= cue.end && c.start <= cue.end + 3) ? 1 : 0,
      // "joined in May 2008", "seit 2013 aktiv": a move of long ago.
      cue_year: info.tokens.slice(Math.max(0, cue.start - 4), cue.end + 5).some((t) => /^(19|20)\d\d$/.test(t.surface)) ? 1 : 0,
      also: info.cues.some((c) => c.payload.kind === 'also') ? 1 : 0,
      cue_dated: mods.dated ? 1 : 0,
      neg_flipped: 0,
    };
    // "le départ de son attaquant", "joins Real Madrid": the one moving is a person, not the club.
    if (f.cue_object_person && (base === 'leave' || base === 'join' || base === 'return')) continue;
    // "está de saída do Flamengo", "sa sortie du PSG", "ha lasciato la Roma": someone leaves the club.
    if (kind === 'leave' && leavesClub(info, cue)) continue;
    if ('action' in decided) {
      action = decided.action;
      if (base && action !== base) f.neg_flipped = 1;
    } else {
      // Considered, asked for, denied or undecided: the rules' reading of modality stands.
      continue;
    }
    // "a new series", "opens the season": these words mean joining only next to "account" or "page".
    if (cue.payload.needsAccount && !info.cues.some((c) => c.payload.kind === 'account' && c.start >= cue.start - 3 && c.end <= argEnd + 4)) continue;
    // The platforms: those the words take, else any named in the sentence, else the one just before.
    const platformSet: Array<{ platform: Platform; f: Partial<Features>; target?: boolean }> = [];
    for (const p of strict) platformSet.push({ platform: p.platform, f: { p_strict: 1, p_sentence: 1, p_near: 1 } });
    // "Facebook, Twitter, Instagram et YouTube": a list shares what is said of one of its members.
    for (const list of platformLists(info)) {
      if (!list.some((p) => strict.some((x) => x.start === p.start))) continue;
      for (const p of list) if (!platformSet.some((x) => x.platform === p.platform)) platformSet.push({ platform: p.platform, f: { p_strict: 1, p_list: 1, p_sentence: 1, p_near: 1 } });
    }
    // "quitte X pour Bluesky", "leaves X for Bluesky": the second platform is where the club goes.
    if (action === 'leave' && kind === 'leave') {
      for (const p of info.platforms) {
        if (p.start < cue.end || strict[0]?.start === p.start) continue;
        if (!info.cues.some((c) => c.payload.kind === 'to' && c.end >= p.start - 1 && c.end <= p.start && c.start > cue.end)) continue;
        if (!info.platforms.some((q) => q.start >= cue.end && q.end <= p.start)) continue;
        platformSet.push({ platform: p.platform, f: { p_sentence: 1, p_near: 1, p_target: 1 }, target: true });
      }
    }
    for (const p of info.platforms) {
      if (platformSet.some((x) => x.platform === p.platform)) continue;
      // "deja escapar dos puntos; la afición estalla en X": another clause, another matter.
      if (crossesHard(info, Math.min(p.end, cue.end), Math.max(p.start, cue.start))) continue;
      const d = p.end <= cue.start ? cue.start - p.end : p.start >= cue.end ? p.start - cue.end : 0;
      const medium = kind !== 'use' && info.cues.some((c) => c.payload.kind === 'loc' && (c.end === p.start || (c.end === p.start - 1 && info.article[p.start - 1] === true)));
      platformSet.push({ platform: p.platform, f: { p_sentence: 1, p_near: 1 / (1 + d / 4), p_medium: medium ? 1 : 0 } });
    }
    // "joined the platform in 2013", "seit 2013 auf der Plattform aktiv": the platform named last, taken by the verb.
    if (strict.length === 0) {
      const anaphor =
        info.cues.find((c) => c.payload.kind === 'platformAnaphor' && c.start >= cue.end && c.start <= cue.end + (cue.payload.noun ? 6 : 3)) ??
        (kind === 'use' || verbSecond(info.lang) ? info.cues.find((c) => c.payload.kind === 'platformAnaphor' && c.end <= cue.start && c.end >= cue.start - 3) : undefined);
      const earlier = anaphor ? (info.platforms.filter((p) => p.end <= anaphor.start).pop()?.platform ?? ctx.lastPlatform) : null;
      if (earlier && !platformSet.some((x) => x.platform === earlier)) platformSet.push({ platform: earlier, f: { p_anaphor: 1, p_near: 1 } });
    }
    // A sentence that names no platform may mean those of the sentence before or after it.
    if (platformSet.length === 0) {
      for (const n of neighbours) {
        for (const p of n.platforms) if (!platformSet.some((x) => x.platform === p.platform)) platformSet.push({ platform: p.platform, f: { p_neighbour: 1 } });
      }
    }
    if (action === 'pause') {
      for (const platform of facts.listedPlatforms) if (!platformSet.some((x) => x.platform === platform)) platformSet.push({ platform, f: { p_item_list: 1 } });
    }
    if (platformSet.length === 0 && info.platforms.length === 0) {
      const fallback = lastPlatforms.length > 0 ? lastPlatforms : facts.platformsByCount.slice(0, 1);
      for (const platform of fallback) platformSet.push({ platform, f: { p_context: 1 } });
    }
    const subject = findSubject(info, cue, argEnd, covered);
    // What the item-wide candidates count as said: a club's own decision, asked and answered.
    if (!blocked && !info.sentence.question && !f.cue_object_person && subject.kind !== 'person') noteAction(summary, ctx, info, cue.start, action);
    const clubs = clubChoices(ctx, info, cue, subject);
    // Clubs named next door, when this sentence names none: only from sentences that say no action of their own.
    for (const n of info.clubs.length === 0 ? neighbours : []) {
      if (actionCues(n).length > 0) continue;
      for (const m of n.clubs) {
        const ref = clubRef(ctx.catalog, m);
        if (ref && !clubs.some((c) => clubKey(c.ref) === clubKey(ref))) clubs.push({ ref, f: { c_neighbour: 1 } });
      }
    }
    const cueText = `${kind} "${info.tokens.slice(cue.start, cue.end).map((t) => t.surface).join(' ')}"`;
    // "bleibt auf Platz sieben": staying says nothing of a platform the sentence does not name.
    const named = action === 'stay' ? platformSet.filter((p) => p.f.p_sentence) : platformSet;
    for (const c of clubs) {
      const embedOther = embed !== undefined && (embed === null || c.ref.id !== embed) ? 1 : 0;
      for (const p of named) {
        out.push({ club: c.ref, platform: p.platform, action: p.target ? 'join' : action, f: occurrenceFeatures(f, c.f, p.f, { embed_other: embedOther }), info, cue: cueText });
      }
      // "verlässt X ... setzt die Posts auf Bluesky fort", "leaves X, now on Bluesky": where the club goes.
      if (action === 'leave' && platformSet.some((x) => !x.target && x.f.p_strict)) {
        for (const [n, where] of [[info, 1], ...neighbours.map((x) => [x, 0.5] as const)] as Array<[SentenceInfo, number]>) {
          for (const p of n.platforms) {
            if (platformSet.some((x) => x.platform === p.platform && !x.target) || out.some((o) => o.info === info && o.platform === p.platform && o.action === 'join' && clubKey(o.club) === clubKey(c.ref))) continue;
            if (!switchCueNear(n, p.start, p.end) || (n === info && crossesHard(info, Math.min(p.end, cue.end), Math.max(p.start, cue.start)))) continue;
            out.push({ club: c.ref, platform: p.platform, action: 'join', f: occurrenceFeatures(f, c.f, { p_sentence: where === 1 ? 1 : 0, p_neighbour: where === 1 ? 0 : 1, switch_to: where, embed_other: embedOther }), info, cue: cueText });
          }
        }
      }
      const from = kind === 'migrate' ? info.platforms.filter((p) => p.end <= cue.start && p.end >= cue.start - 6).pop() : undefined;
      if (from) out.push({ club: c.ref, platform: from.platform, action: 'leave', f: occurrenceFeatures(f, c.f, { p_sentence: 1, p_near: 1, embed_other: embedOther }), info, cue: cueText });
      // "optó por cambiar de plataforma, eligiendo Bluesky", "to post instead on Bluesky": the club
      // leaves the platform the item is about.
      const switched = kind === 'migrate' || (action === 'join' && insteadSaid);
      const left = switched && !from ? facts.platformsByCount.find((p) => named.every((x) => x.platform !== p)) : undefined;
      if (left) out.push({ club: c.ref, platform: left, action: 'leave', f: occurrenceFeatures(f, c.f, { p_context: 1, switch_from: 1, embed_other: embedOther }), info, cue: cueText });
    }
  }
  return { occurrences: out, summary };
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

/** A ";", ":", dash or bracket between the item ending at `from` and the one starting at `to`. */
function crossesHard(info: SentenceInfo, from: number, to: number): boolean {
  for (let i = from; i <= to; i++) if (info.hard[i]) return true;
  return false;
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
      (gap === 0 ? /^\s*[,/&+]\s*$|^\s*,?\s*$/.test(info.tokens[p.start]?.before ?? '') : gap <= 2 && info.cues.some((c) => c.payload.kind === 'conj' && c.start === prev.end && c.end >= p.start - 1));
    if (joined) current.push(p);
    else {
      if (current.length > 1) lists.push(current);
      current = [p];
    }
  }
  if (current.length > 1) lists.push(current);
  return lists;
}

/** How strongly one occurrence ties its club, platform and action together (0 to 1). */
function strength(f: Partial<Features>): number {
  const club = f.c_subject ? 1 : f.c_context ? 0.6 : (f.c_near ?? 0) * 0.7;
  const platform = f.p_strict ? 1 : f.p_sentence ? 0.5 + 0.4 * (f.p_near ?? 0) : 0.4;
  const held = f.blocked || f.question || f.embed_other ? 0.2 : 1;
  return club * platform * held;
}

/** Gathers the occurrences of an item into one candidate per triple, with the rules' verdicts. */
export function collectCandidates(occurrences: Occurrence[], rules: readonly RuleDecision[]): Candidate[] {
  const byTriple = new Map<string, Candidate>();
  for (const o of occurrences) {
    const k = `${clubKey(o.club)}|${o.platform}|${o.action}`;
    let c = byTriple.get(k);
    const s = strength(o.f);
    if (!c) {
      c = { club: o.club, platform: o.platform, action: o.action, features: emptyFeatures(), sentence: o.info, cues: [o.cue], strength: s };
      byTriple.set(k, c);
    } else if (s > c.strength) {
      c.sentence = o.info;
      c.cues = [o.cue];
      c.strength = s;
    }
    for (const [name, value] of Object.entries(o.f) as Array<[FeatureName, number]>) {
      // Facts against an announcement count only when every occurrence has them.
      if (name === 'blocked' || name === 'question' || name === 'embed_other' || name === 'c_person_subject' || name === 'c_generic_subject' || name === 'c_against' || name === 'c_possessor') continue;
      c.features[name] = Math.max(c.features[name], value);
    }
    c.features.strong = Math.max(c.features.strong, s);
    c.features.occurrences += 1;
  }
  // Facts against: the share of occurrences that have them.
  const against = ['blocked', 'question', 'embed_other', 'c_person_subject', 'c_generic_subject', 'c_against', 'c_possessor'] as const;
  const sums = new Map<string, Record<(typeof against)[number], number>>();
  for (const o of occurrences) {
    const k = `${clubKey(o.club)}|${o.platform}|${o.action}`;
    const s = sums.get(k) ?? { blocked: 0, question: 0, embed_other: 0, c_person_subject: 0, c_generic_subject: 0, c_against: 0, c_possessor: 0 };
    for (const a of against) s[a] += o.f[a] ?? 0;
    sums.set(k, s);
  }
  for (const r of rules) {
    const k = `${clubKey(r.club)}|${r.platform}|${r.action}`;
    if (!byTriple.has(k)) {
      const f = emptyFeatures();
      f.c_subject = 1;
      f.p_strict = 1;
      f.strong = 1;
      f.occurrences = 1;
      byTriple.set(k, { club: r.club, platform: r.platform, action: r.action, features: f, sentence: occurrences[0]?.info as SentenceInfo, cues: ['rules'], strength: 1 });
    }
  }
  for (const [k, c] of byTriple) {
    const s = sums.get(k);
    const n = Math.max(1, c.features.occurrences);
    if (s) for (const a of against) c.features[a] = s[a] / n;
    c.features.occurrences = Math.log1p(c.features.occurrences) / Math.log(10);
    c.features[`act_${c.action}` as FeatureName] = 1;
  }
  return [...byTriple.values()];
}

/** Platforms that clubs treat alike: X; its newer rivals; Meta's; video; the rest. */
const platformGroup: Record<Platform, 'x' | 'alt' | 'meta' | 'video' | 'other'> = {
  x: 'x',
  bluesky: 'alt',
  threads: 'alt',
  mastodon: 'alt',
  facebook: 'meta',
  instagram: 'meta',
  youtube: 'video',
  tiktok: 'video',
  other: 'other',
};

/** What the item says of each candidate's club as a whole: how often it is named, whether it is the topic, what the rules read of it. */
export function addClubFacts(candidates: readonly Candidate[], rules: readonly RuleDecision[], ctx: ItemContext, facts: ItemFacts): void {
  const maxMentions = Math.max(1, ...facts.clubCounts.values());
  const itemClubs = new Set(candidates.filter((c) => c.features.item_level === 0).map((c) => clubKey(c.club))).size;
  for (const c of candidates) {
    const ck = clubKey(c.club);
    c.features.club_mentions = (facts.clubCounts.get(ck) ?? 0) / maxMentions;
    c.features.club_topic = ctx.topic && clubKey(ctx.topic) === ck ? 1 : 0;
    c.features.club_unknown = c.club.id === null ? 1 : 0;
    c.features.club_author = ctx.authorClubId !== null && c.club.id === ctx.authorClubId ? 1 : 0;
    c.features.club_league = c.club.id !== null && facts.leagueIds.has(c.club.id) ? 1 : 0;
    c.features.item_clubs = Math.min(1, itemClubs / 10);
    // Which platform: joins of the newer networks are most of what clubs announce now, leaves most often of X.
    const group = platformGroup[c.platform];
    for (const g of ['x', 'alt', 'meta', 'video', 'other'] as const) c.features[`plat_${g}`] = group === g ? 1 : 0;
    if (c.action === 'leave' || c.action === 'stay' || c.action === 'join' || c.action === 'pause') c.features[`${c.action}_${group}`] = 1;
    const same = rules.find((r) => clubKey(r.club) === ck && r.platform === c.platform && r.action === c.action);
    c.features.rule = same ? same.confidence : 0;
    c.features.rule_other_action = rules.some((r) => clubKey(r.club) === ck && r.platform === c.platform && r.action !== c.action) ? 1 : 0;
    c.features.rule_club = rules.some((r) => clubKey(r.club) === ck) ? 1 : 0;
  }
}
