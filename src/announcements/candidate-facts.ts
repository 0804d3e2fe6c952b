import type { Platform } from './announcement.ts';
import { type Candidate, clubKey, emptyFeatures, type FeatureName, featureNames, type Features, type ItemFacts, type RuleDecision } from './features.ts';
import type { ItemContext } from './item-context.ts';
import type { Occurrence } from './candidates.ts';
import type { SentenceInfo } from './sentence.ts';

/** The candidate triples of an item, gathered from its occurrences, and the facts of the item about each. */

/** How strongly one occurrence ties its club, platform and action together (0 to 1). */
function strength(f: Partial<Features>): number {
  const club = f.c_subject ? 1 : f.c_context ? 0.6 : (f.c_near ?? 0) * 0.7;
  const platform = f.p_strict ? 1 : f.p_sentence ? 0.5 + 0.4 * (f.p_near ?? 0) : 0.4;
  const held = f.blocked || f.question || f.embed_other ? 0.2 : 1;
  return club * platform * held;
}

/** Facts against an announcement count only when every occurrence has them; the others, at their strongest. */
const against = ['blocked', 'question', 'embed_other', 'c_person_subject', 'c_generic_subject', 'c_against', 'c_possessor'] as const;
const againstNames: ReadonlySet<FeatureName> = new Set(against);
const strongestNames: readonly FeatureName[] = featureNames.filter((name) => !againstNames.has(name));

/** Gathers the occurrences of an item into one candidate per triple, with the rules' verdicts. */
export function collectCandidates(occurrences: Occurrence[], rules: readonly RuleDecision[]): Candidate[] {
  const byTriple = new Map<string, Candidate>();
  for (const o of occurrences) {
    const k = `${clubKey(o.club)}|${o.platform}|${o.action}`;
    let c = byTriple.get(k);
    const s = strength(o.f);
    if (!c) {
      c = { club: o.club, platform: o.platform, action: o.action, features: emptyFeatures(), sentence: o.info, cues: [o.cue], strength: s, year: o.year };
      byTriple.set(k, c);
    } else if (s > c.strength) {
      c.sentence = o.info;
      c.cues = [o.cue];
      c.strength = s;
    }
    if (o.year !== null && (c.year === null || o.year < c.year)) c.year = o.year;
    // Every occurrence's features have every name (occurrenceFeatures).
    for (let i = 0; i < strongestNames.length; i++) {
      const name = strongestNames[i] as FeatureName;
      c.features[name] = Math.max(c.features[name], o.f[name] as number);
    }
    c.features.strong = Math.max(c.features.strong, s);
    c.features.occurrences += 1;
  }
  // Facts against: the share of occurrences that have them.
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
      byTriple.set(k, { club: r.club, platform: r.platform, action: r.action, features: f, sentence: occurrences[0]?.info as SentenceInfo, cues: ['rules'], strength: 1, year: null });
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
    for (const g of groups) c.features[groupFeature[g]] = group === g ? 1 : 0;
    if (c.action === 'leave' || c.action === 'stay' || c.action === 'join' || c.action === 'pause') c.features[actionGroupFeature[c.action][group]] = 1;
    setRuleFacts(c, ck, rules);
  }
}

/** What the rules read of the candidate's club: the same triple, another action, anything at all. */
function setRuleFacts(c: Candidate, ck: string, rules: readonly RuleDecision[]): void {
  let same: RuleDecision | undefined;
  let otherAction = false;
  let club = false;
  for (const r of rules) {
    if (clubKey(r.club) !== ck) continue;
    club = true;
    if (r.platform !== c.platform) continue;
    if (r.action === c.action) same ??= r;
    else otherAction = true;
  }
  c.features.rule = same ? same.confidence : 0;
  c.features.rule_other_action = otherAction ? 1 : 0;
  c.features.rule_club = club ? 1 : 0;
}

type Group = (typeof platformGroup)[Platform];
const groups: readonly Group[] = ['x', 'alt', 'meta', 'video', 'other'];
/** The features' names written out once: a name made by a template each time is another string to look up. */
const groupFeature: Record<Group, FeatureName> = { x: 'plat_x', alt: 'plat_alt', meta: 'plat_meta', video: 'plat_video', other: 'plat_other' };
const actionGroupFeature: Record<'leave' | 'stay' | 'join' | 'pause', Record<Group, FeatureName>> = {
  leave: { x: 'leave_x', alt: 'leave_alt', meta: 'leave_meta', video: 'leave_video', other: 'leave_other' },
  stay: { x: 'stay_x', alt: 'stay_alt', meta: 'stay_meta', video: 'stay_video', other: 'stay_other' },
  join: { x: 'join_x', alt: 'join_alt', meta: 'join_meta', video: 'join_video', other: 'join_other' },
  pause: { x: 'pause_x', alt: 'pause_alt', meta: 'pause_meta', video: 'pause_video', other: 'pause_other' },
};
